// Narratives from a folder of JSON files named {agency}-{year}.json: the local source until the CMS adapter lands.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { requireAgencyCode, requireReportYear } from '../core/identifiers';
import type { NarrativeSource } from '../core/merge/merge-report';
import type { NarrativeRepository } from '../pipeline/pipeline-ports';

/** Only checked identifiers make a file name, so no agency code can name a file outside the folder. */
export const narrativeFileName = (agency: string, year: number) =>
  `${requireAgencyCode(agency)}-${requireReportYear(year)}.json`;

export class NarrativeFileError extends Error {
  override readonly name = 'NarrativeFileError';
}

export class FileNarrativeRepository implements NarrativeRepository {
  constructor(private readonly directory: string) {}

  async get(agency: string, year: number): Promise<NarrativeSource | undefined> {
    const name = narrativeFileName(agency, year);
    let text: string;
    try {
      text = await readFile(join(this.directory, name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      return JSON.parse(text) as NarrativeSource;
    } catch (error) {
      // JSON.parse quotes the text around the error: never echo a file's content.
      throw new NarrativeFileError(`${name} in the narrative folder is not valid JSON`, { cause: error });
    }
  }
}
