// DynamoDB stand-in: dynalite in a child process (see dynalite-child.ts), on disk when a path is given.
import { startStandIn, type RunningServer } from './stand-in-process';

export function startDynalite(options: { port?: number; path?: string } = {}): Promise<RunningServer> {
  return startStandIn('dynalite', new URL('./dynalite-child.ts', import.meta.url), [
    options.path ?? '',
    String(options.port ?? 0),
  ]);
}
