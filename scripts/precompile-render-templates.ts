// Writes templates/precompiled/*.ts (see functions/render/precompile-templates.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  precompiledPath,
  precompiledSource,
  publicViewPrecompiledPath,
  publicViewPrecompiledSource,
} from '../functions/render/precompile-templates';

mkdirSync(dirname(precompiledPath), { recursive: true });
for (const [path, source] of [
  [precompiledPath, precompiledSource()],
  [publicViewPrecompiledPath, publicViewPrecompiledSource()],
] as const) {
  writeFileSync(path, source);
  console.log(path);
}
