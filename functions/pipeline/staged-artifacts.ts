// The run's staging area: a private store (its own bucket, objects expire after a few days) where steps leave the
// large artifacts (the report document, HTML, PDF) for the next step, under keys scoped to the run.
import type { ArtifactStore } from '../publish/ports';
import type { Run } from './run';

export const stagingKey = (run: Run, name: string): string => `runs/${run.id}/${name}`;

/** Never cached anywhere: staging is not public and its objects are rewritten by a rerun of the run. */
export const stagingCacheControl = 'private, no-store';

export class StagedArtifactMissingError extends Error {
  override name = 'StagedArtifactMissingError';
  constructor(readonly key: string) {
    super(`staged artifact ${key} is not there (expired, or the step that stages it did not run)`);
  }
}

/** Writes an artifact (a rerun overwrites what a crashed attempt left) and returns its key for the state. */
export async function stage(
  staging: ArtifactStore,
  key: string,
  body: Uint8Array,
  contentType: string,
): Promise<string> {
  await staging.put(key, body, { contentType, cacheControl: stagingCacheControl });
  return key;
}

export const stageJson = (staging: ArtifactStore, key: string, value: unknown): Promise<string> =>
  stage(staging, key, new TextEncoder().encode(JSON.stringify(value)), 'application/json');

export async function readStaged(staging: ArtifactStore, key: string): Promise<Uint8Array> {
  const body = await staging.get(key);
  if (!body) throw new StagedArtifactMissingError(key);
  return body;
}

/** What an earlier step of this run staged: trusted, it wrote it. */
export async function readStagedJson<T>(staging: ArtifactStore, key: string): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await readStaged(staging, key))) as T;
}
