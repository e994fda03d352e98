// mkdir -p without Node's recursive mkdir, which loops forever on some paths (`/proc/nope`: ENOENT for a parent
// that exists). Each missing folder is made on its own, so a path that cannot be made is an error, not a hang.
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

export async function makeFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let current = resolve(folder); !(await exists(current)); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const path of missing) await mkdir(path);
}
