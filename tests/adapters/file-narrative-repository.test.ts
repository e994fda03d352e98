// Narrative files: named only from checked identifiers, and a broken file's content is never echoed in an error.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidIdentifierError } from '../../functions/core/identifiers';
import { FileNarrativeRepository } from '../../functions/adapters/file-narrative-repository';
import { NarrativeFileError } from '../../functions/pipeline/narrative-file';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-narratives-'));
  await writeFile(join(dir, 'secret-2023.json'), 'TOP SECRET: not JSON');
  await writeFile(join(dir, 'lishi-2023.json'), 'TOP SECRET: not JSON');
  await writeFile(join(dir, 'gbk-2023.json'), iconv.encode(JSON.stringify({ title: '离石区政府信息公开' }), 'gbk'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('FileNarrativeRepository', () => {
  it('refuses an agency code that would leave the folder, before touching the file system', async () => {
    const repository = new FileNarrativeRepository(join(dir, 'narratives'));
    await expect(repository.get('../secret', 2023)).rejects.toThrow(InvalidIdentifierError);
    await expect(repository.get('lishi', 2023.5)).rejects.toThrow(InvalidIdentifierError);
  });

  it('names a file that is not JSON without quoting it', async () => {
    const error = await new FileNarrativeRepository(dir).get('lishi', 2023).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NarrativeFileError);
    expect((error as Error).message).toBe('lishi-2023.json in the narrative folder is not valid JSON');
  });

  it('refuses a narrative that is not UTF-8, naming what it looks like, instead of publishing mojibake', async () => {
    const error = await new FileNarrativeRepository(dir).get('gbk', 2023).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NarrativeFileError);
    expect((error as Error).message).toContain(
      'gbk-2023.json in the narrative folder: not UTF-8: looks like GBK/GB18030',
    );
  });
});
