// The local CDN: serves the archive bucket at the same paths and with the same cache headers as CloudFront will.
// A folder URL serves its index.html (as the CloudFront function will); only GET and HEAD.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FetchedObject } from '../../functions/adapters/s3-artifact-store';
import type { RunningServer } from './stand-in-process';

export type ObjectFetcher = (key: string) => Promise<FetchedObject | undefined>;

export function objectKeyForPath(pathname: string): string | undefined {
  let key: string;
  try {
    key = decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
  if (key.split('/').some((part) => part === '..' || part === '.')) return undefined;
  return key === '' || key.endsWith('/') ? `${key}index.html` : key;
}

export async function startCdnServer(
  fetchObject: ObjectFetcher,
  options: { port?: number; host?: string } = {},
): Promise<RunningServer> {
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const key = objectKeyForPath(new URL(req.url ?? '/', 'http://local').pathname);
      const object = key === undefined ? undefined : await fetchObject(key);
      if (!object) {
        res
          .writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
          .end('Not found\n');
        return;
      }
      if (object.etag && req.headers['if-none-match'] === object.etag) {
        res
          .writeHead(304, {
            etag: object.etag,
            ...(object.cacheControl ? { 'cache-control': object.cacheControl } : {}),
          })
          .end();
        return;
      }
      res.writeHead(200, {
        'content-type': object.contentType,
        'content-length': object.body.byteLength,
        'x-content-type-options': 'nosniff',
        // As CloudFront's fonts behaviour (security-headers.ts): the CMS's preview, on another origin, reads them.
        ...(key?.startsWith('assets/fonts/') ? { 'access-control-allow-origin': '*' } : {}),
        ...(object.cacheControl ? { 'cache-control': object.cacheControl } : {}),
        ...(object.etag ? { etag: object.etag } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : object.body);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`Bad gateway: ${(error as Error).message}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
