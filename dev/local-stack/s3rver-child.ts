// Runs s3rver in its own process, which must start with --openssl-legacy-provider (else ListObjectsV2 pagination
// fails), with S3's conditional create added (s3rver-conditional-put.ts) and S3's read-after-write
// (s3rver-durable-put.ts).
import S3rver from 's3rver';
import { conditionalPut } from './s3rver-conditional-put';
import { makePutsDurable } from './s3rver-durable-put';
import { serveUntilStopped } from './stand-in-process';

makePutsDurable();
const [directory = '', port = '0', ...buckets] = process.argv.slice(2);
const configureBuckets = buckets.map((name) => ({ name }));
const server = new S3rver({ address: '127.0.0.1', port: Number(port), directory, silent: true, configureBuckets });
// Before s3rver's router (the last middleware), which would store the object.
server.middleware.splice(server.middleware.length - 1, 0, conditionalPut);
const address = await server.run();
serveUntilStopped(address.port, () => server.close());
