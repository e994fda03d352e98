// Reads a version's files back from the archive for the site's pages. Files under v{n}/ never change, so what was
// read once is kept (bounded): rebuilding the pages after the next publication reads only what is new.
import { parseReport } from '../../core/report/parse-report';
import type { ReportDocument } from '../../core/report/report-document';
import { manifestName, versionFileKey, type ReportKey } from '../archive-keys';
import type { Manifest } from '../manifest';
import type { ArtifactStore } from '../ports';

const kept = new WeakMap<ArtifactStore, Map<string, Promise<unknown>>>();
const keepAtMost = 4000;

async function readJson(store: ArtifactStore, key: string): Promise<unknown> {
  const body = await store.get(key);
  return body && (JSON.parse(new TextDecoder().decode(body)) as unknown);
}

function cached<T>(store: ArtifactStore, key: string, read: () => Promise<T>): Promise<T> {
  let map = kept.get(store);
  if (!map) kept.set(store, (map = new Map<string, Promise<unknown>>()));
  const hit = map.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  if (map.size >= keepAtMost) map.clear();
  const reading = read();
  map.set(key, reading);
  // A failed or missing read is not kept: the file may be there next time.
  reading.then(
    (value) => value === undefined && map.delete(key),
    () => map.delete(key),
  );
  return reading;
}

export const archivedManifest = (store: ArtifactStore, key: ReportKey, version: number) =>
  cached(store, versionFileKey(key, version, manifestName), async () => {
    const json = await readJson(store, versionFileKey(key, version, manifestName));
    return json as Manifest | undefined;
  });

export const archivedReport = (store: ArtifactStore, key: ReportKey, version: number) =>
  cached(store, versionFileKey(key, version, 'report.json'), async (): Promise<ReportDocument | undefined> => {
    const parsed = parseReport(await readJson(store, versionFileKey(key, version, 'report.json')));
    return parsed.ok ? parsed.value : undefined;
  });
