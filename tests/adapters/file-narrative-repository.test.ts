// Narrative files: named only from checked identifiers, and a broken file's content is never echoed in an error.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidIdentifierError } from '../../functions/core/identifiers';
import { FileNarrativeRepository, NarrativeFileError } from '../../functions/adapters/file-narrative-repository';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-narratives-'));
  await writeFile(join(dir, 'secret-2023.json'), 'TOP SECRET: not JSON');
  await writeFile(join(dir, 'lishi-2023.json'), 'TOP SECRET: not JSON');
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
});
