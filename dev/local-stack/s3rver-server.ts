// S3 stand-in: s3rver in a child process (see s3rver-child.ts), files under `directory`.
import { startStandIn, type RunningServer } from './stand-in-process';

export function startS3rver(options: {
  directory: string;
  buckets: readonly string[];
  port?: number;
}): Promise<RunningServer> {
  const args = [options.directory, String(options.port ?? 0), ...options.buckets];
  return startStandIn('s3rver', new URL('./s3rver-child.ts', import.meta.url), args, ['--openssl-legacy-provider']);
}
