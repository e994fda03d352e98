// S3 stand-in: s3rver in a child process (see s3rver-child.ts), files under `directory`.
import { startStandIn, type RunningServer } from './stand-in-process';

export function startS3rver(options: { directory: string; bucket: string; port?: number }): Promise<RunningServer> {
  return startStandIn('s3rver', new URL('./s3rver-child.ts', import.meta.url), [options.directory, String(options.port ?? 0), options.bucket], ['--openssl-legacy-provider']);
}
