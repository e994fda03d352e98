// The stand-ins (dynalite, s3rver) run in child processes, as DynamoDB and S3 run on other machines in AWS: their
// CPU is theirs (bench:publish reports it apart), and a stuck stand-in cannot stall the pipeline's event loop.
// A child script prints one JSON line with its port once listening, and exits on SIGTERM or when our stdin closes.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface RunningServer {
  readonly endpoint: string;
  close(): Promise<void>;
}

export async function startStandIn(
  name: string,
  script: URL,
  args: readonly string[],
  nodeFlags: readonly string[] = [],
): Promise<RunningServer> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', fileURLToPath(script), ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        child.stdout.off('data', onData);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited with code ${code} before listening`)));
    child.once('error', reject);
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** In a child script: report the port to the parent, and run `stop` once on SIGTERM, SIGINT or the parent's exit. */
export function serveUntilStopped(port: number, stop: () => Promise<void>): void {
  process.stdout.write(`${JSON.stringify({ port })}\n`);
  let stopping = false;
  const onStop = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onStop);
  process.on('SIGINT', onStop);
  process.stdin.on('end', onStop);
  process.stdin.resume();
}
