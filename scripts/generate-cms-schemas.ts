// Writes the CMS's content-type schemas generated from the format (scripts/cms-schemas.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cmsSchemas } from './cms-schemas';

const cmsDir = new URL('../cms/', import.meta.url).pathname;
for (const [path, schema] of Object.entries(cmsSchemas())) {
  const file = join(cmsDir, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote cms/${path}`);
}
