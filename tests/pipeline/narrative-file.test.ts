// Narratives uploaded for a batch on AWS (narratives/{agency}-{year}.json in the staging bucket): read by the names
// the CLI's folder uses, missing ones are "no narrative" (the run is rejected, saying so), and a GBK file or broken
// JSON is refused without echoing its content.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { MemoryArtifactStore } from '../../dev/memory-stores/memory-ports';
import { splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { InvalidIdentifierError } from '../../functions/core/identifiers';
import { NarrativeFileError, stagedNarratives } from '../../functions/pipeline/narrative-file';
import { sampleReport } from '../publish/publish-scenarios';

const upload = async (files: Record<string, Uint8Array>) => {
  const staging = new MemoryArtifactStore();
  for (const [key, body] of Object.entries(files))
    await staging.put(key, body, { contentType: 'application/json', cacheControl: 'no-store' });
  return stagedNarratives(staging);
};
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('stagedNarratives', () => {
  it('reads narratives/{agency}-{year}.json, and nothing for a report without one', async () => {
    const { narrative } = splitReport(sampleReport('uploaded'));
    const narratives = await upload({ 'narratives/uploaded-2023.json': utf8(JSON.stringify(narrative)) });
    expect(await narratives.get('uploaded', 2023)).toEqual(narrative);
    expect(await narratives.get('uploaded', 2024)).toBeUndefined();
  });

  it('refuses an agency code that would leave the prefix, a GBK file and broken JSON, quoting none of them', async () => {
    const narratives = await upload({
      'narratives/gbk-2023.json': iconv.encode(JSON.stringify({ title: '离石区' }), 'gbk'),
      'narratives/broken-2023.json': utf8('TOP SECRET: not JSON'),
    });
    await expect(narratives.get('../runs/x', 2023)).rejects.toThrow(InvalidIdentifierError);
    await expect(narratives.get('gbk', 2023)).rejects.toThrow(
      /gbk-2023\.json in the staging bucket's narratives\/: not UTF-8/,
    );
    const broken = await narratives.get('broken', 2023).catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(NarrativeFileError);
    expect((broken as Error).message).not.toContain('SECRET');
  });
});
