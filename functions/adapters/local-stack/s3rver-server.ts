// S3 stand-in: s3rver in a child process (see s3rver-child.ts for why), files under `directory`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from './dynalite-server';

const childScript = fileURLToPath(new URL('./s3rver-child.ts', import.meta.url));

export async function startS3rver(options: { directory: string; bucket: string; port?: number }): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', childScript, options.directory, String(options.port ?? 0), options.bucket], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        child.stdout?.off('data', onData);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`s3rver exited with code ${code} before listening`)));
    child.once('error', reject);
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
