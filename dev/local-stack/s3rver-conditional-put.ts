// S3 honours `If-None-Match: *` on PutObject (create only if absent); s3rver ignores it and overwrites. The
// publisher relies on it to never write over an archived file, so the local stand-in answers it as S3 does: 412.
import type { S3rverMiddleware } from 's3rver';
import S3Error from 's3rver/lib/models/error.js';

export const conditionalPut: S3rverMiddleware = async (ctx, next) => {
  if (ctx.method === 'PUT' && ctx.get('if-none-match') === '*') {
    // Path-style requests (our client's forcePathStyle): /bucket/key
    const [, bucket = '', ...key] = ctx.path.split('/');
    if (key.length > 0 && (await ctx.store.existsObject(bucket, decodeURIComponent(key.join('/'))))) {
      // Read the body first: answering mid-upload would break the client's connection.
      for await (const _chunk of ctx.req) {
        // drained
      }
      throw new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', {
        Condition: 'If-None-Match',
      });
    }
  }
  await next();
};
