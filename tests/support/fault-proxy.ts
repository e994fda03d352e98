// An HTTP proxy in front of a local stand-in (s3rver) that can answer chosen requests with an error instead: how a
// test makes a deployed-like function meet a busy or a refusing AWS service, without touching its code.
import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Fault {
  /** Requests it applies to, e.g. /PUT \/bucket\/runs\/.+\/report\.pdf$/ against "PUT /bucket/key". */
  readonly match: RegExp;
  readonly status: number;
  /** The S3 error code in the XML body (SlowDown, AccessDenied…). */
  readonly code: string;
  /** How many matching requests fail; Infinity for all. */
  times: number;
}

export interface FaultProxy {
  readonly endpoint: string;
  readonly faults: Fault[];
  /** Requests answered with a fault, as "METHOD /path". */
  readonly failed: string[];
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const { hostname, port } = new URL(target);
  const faults: Fault[] = [];
  const failed: string[] = [];
  const server = createServer((req, res) => {
    const line = `${req.method ?? ''} ${req.url ?? ''}`;
    const fault = faults.find((f) => f.times > 0 && f.match.test(line));
    if (fault) {
      fault.times--;
      failed.push(line);
      req.resume();
      res.writeHead(fault.status, { 'content-type': 'application/xml' });
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${fault.code}</Code><Message>injected</Message></Error>`,
      );
      return;
    }
    const upstream = forward({ hostname, port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    faults,
    failed,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
