// s3rver answers a PUT before its write stream has even created the object's file, so a GET right after it (the
// next pipeline step reading what the previous one staged) can find nothing. S3 reads its own writes: the stand-in
// writes the object aside, renames it into place, then answers.
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import FilesystemStore, { type StoredS3Object } from 's3rver/lib/stores/filesystem.js';

async function bytesOf(content: StoredS3Object['content']): Promise<Buffer> {
  if (Buffer.isBuffer(content)) return content;
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export function makePutsDurable(): void {
  FilesystemStore.prototype.putObject = async function putObject(this: FilesystemStore, object: StoredS3Object) {
    const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
    await mkdir(dirname(objectPath), { recursive: true });
    const content = await bytesOf(object.content);
    const md5 = createHash('md5').update(content).digest('hex');
    const aside = `${objectPath}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(aside, content);
    await rename(aside, objectPath);
    await this.putMetadata(object.bucket, object.key, object.metadata, md5);
    return { size: content.length, md5 };
  };
}
