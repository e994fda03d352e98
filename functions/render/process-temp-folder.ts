// Folders in the temp dir for as long as this process lives: removed when it exits (normally, or by process.exit
// after Ctrl-C), so local runs do not leave font subsets behind. On Lambda the sandbox's /tmp goes with it anyway.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const folders: string[] = [];

export function processTempFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  if (folders.length === 0) process.once('exit', removeProcessTempFolders);
  folders.push(folder);
  return folder;
}

/** Removes them now: for hosts that end a process without its 'exit' event (a test runner's workers). */
export function removeProcessTempFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}
