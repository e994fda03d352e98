// DynamoDB stand-in: dynalite in this process, LevelDB on disk when a path is given (only one process may open it).
import dynalite from 'dynalite';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  readonly endpoint: string;
  close(): Promise<void>;
}

export async function startDynalite(options: { port?: number; path?: string } = {}): Promise<RunningServer> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(options.path ? { path: options.path } : {}) });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
