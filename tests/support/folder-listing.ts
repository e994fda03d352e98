// A folder's state, to compare before and after: every entry under it with its kind and, for files, a content hash.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/** Sorted lines `path kind [hash|link target]`; a missing path lists as `(missing)`. */
export function folderListing(path: string): string[] {
  let entry;
  try {
    entry = lstatSync(path);
  } catch {
    return ['(missing)'];
  }
  const lines: string[] = [];
  const visit = (relative: string, full: string, stat = lstatSync(full)) => {
    if (stat.isSymbolicLink()) lines.push(`${relative} link ${readlinkSync(full)}`);
    else if (stat.isFile())
      lines.push(`${relative} file ${createHash('sha256').update(readFileSync(full)).digest('hex')}`);
    else if (stat.isDirectory()) {
      lines.push(`${relative} folder`);
      for (const name of readdirSync(full)) visit(`${relative}/${name}`, join(full, name));
    } else lines.push(`${relative} other`);
  };
  visit('.', path, entry);
  return lines.sort();
}
