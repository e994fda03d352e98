// Writes templates/precompiled/report-templates.ts (see functions/render/precompile-templates.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { precompiledPath, precompiledSource } from '../functions/render/precompile-templates';

mkdirSync(dirname(precompiledPath), { recursive: true });
writeFileSync(precompiledPath, precompiledSource());
console.log(precompiledPath);
