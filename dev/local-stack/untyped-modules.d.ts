// The local AWS stand-ins ship no types; only what we call is declared.
declare module 'dynalite' {
  import type { Server } from 'node:http';
  function dynalite(options?: {
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
  }): Server;
  export default dynalite;
}

declare module 's3rver' {
  import type { IncomingMessage } from 'node:http';
  import type { AddressInfo } from 'node:net';
  /** The Koa context s3rver's middleware sees (s3rver is a Koa app). */
  export interface S3rverContext {
    readonly method: string;
    readonly path: string;
    readonly req: IncomingMessage;
    get(header: string): string;
    readonly store: { existsObject(bucket: string, key: string): Promise<boolean> };
  }
  export type S3rverMiddleware = (ctx: S3rverContext, next: () => Promise<void>) => Promise<void>;
  export default class S3rver {
    constructor(options: {
      address?: string;
      port?: number;
      directory: string;
      silent?: boolean;
      configureBuckets?: { name: string }[];
    });
    /** Koa's middleware list, composed when the server starts listening. */
    readonly middleware: S3rverMiddleware[];
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}

declare module 's3rver/lib/models/error.js' {
  /** An S3 error response (code, message, detail elements), sent by s3rver's error handler. */
  export default class S3Error extends Error {
    constructor(code: string, message: string, detail?: Record<string, string>);
  }
}

declare module 's3rver/lib/stores/filesystem.js' {
  import type { Readable } from 'node:stream';
  export interface StoredS3Object {
    readonly bucket: string;
    readonly key: string;
    readonly content: Buffer | Readable;
    readonly metadata: Record<string, string>;
  }
  /** s3rver's file store; s3rver-durable-put.ts replaces its putObject. */
  export default class FilesystemStore {
    getResourcePath(bucket: string, key: string, resource: string): string;
    putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5: string): Promise<void>;
    putObject(object: StoredS3Object): Promise<{ size: number; md5: string }>;
  }
}
