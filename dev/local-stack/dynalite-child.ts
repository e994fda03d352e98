// Runs dynalite in its own process: LevelDB under the given folder (only one process may open it), or in memory.
import dynalite from 'dynalite';
import type { AddressInfo } from 'node:net';
import { serveUntilStopped } from './stand-in-process';

const [path = '', port = '0'] = process.argv.slice(2);
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(path ? { path } : {}) });
server.listen(Number(port), '127.0.0.1', () => {
  serveUntilStopped(
    (server.address() as AddressInfo).port,
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        // dynalite closes its database with the server.
        server.close(() => resolve());
      }),
  );
});
