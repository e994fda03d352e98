// Narratives from a folder of JSON files named {agency}-{year}.json: the local source until the CMS adapter lands.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NarrativeSource } from '../core/merge/merge-report';
import type { NarrativeRepository } from '../pipeline/pipeline-ports';

export const narrativeFileName = (agency: string, year: number) => `${agency}-${year}.json`;

export class FileNarrativeRepository implements NarrativeRepository {
  constructor(private readonly directory: string) {}

  async get(agency: string, year: number): Promise<NarrativeSource | undefined> {
    try {
      return JSON.parse(await readFile(join(this.directory, narrativeFileName(agency, year)), 'utf8')) as NarrativeSource;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}
