// A folder in the temp dir for as long as this process lives: removed when it exits (normally, or by process.exit
// after Ctrl-C), so local runs do not leave font subsets behind. On Lambda the sandbox's /tmp goes with it anyway.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function processTempFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  return folder;
}
