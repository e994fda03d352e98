// Narratives from a folder of JSON files named {agency}-{year}.json (NIANBAO_NARRATIVE_DIR): the CLI's local source.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NarrativeSource } from '../core/merge/merge-report';
import { decodeText } from '../core/text-encoding';
import { narrativeFileName, parseNarrativeFile } from '../pipeline/narrative-file';
import type { NarrativeRepository } from '../pipeline/pipeline-ports';

export class FileNarrativeRepository implements NarrativeRepository {
  constructor(private readonly directory: string) {}

  async get(agency: string, year: number): Promise<NarrativeSource | undefined> {
    // Only checked identifiers make a file name, so no agency code can name a file outside the folder.
    const name = narrativeFileName(agency, year);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(join(this.directory, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return parseNarrativeFile(decodeText(bytes), name, 'the narrative folder');
  }
}
