// Page isolation, the policy: the print page may read our bundled font files and nothing else — no http(s), no
// other file:// path, no data: or blob: tricks. Editor text is sanitized already; this is the second wall.
// The browser adapter enforces it (adapters/chromium-request-guard.ts).
import { relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

export function isAllowedAsset(url: string, directories: readonly string[]): boolean {
  if (!url.startsWith('file:///') || !/\.(woff2|ttf)$/.test(url)) return false;
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch {
    return false;
  }
  return directories.some((dir) => {
    const rel = relative(dir, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.includes('/');
  });
}
