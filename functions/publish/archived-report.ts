// Reads a published report back from the archive (last year's, for the cross-year rules).
import { parseReport } from '../core/report/parse-report';
import type { ReportDocument } from '../core/report/report-document';
import { publicViewKeys, reportPrefix, type ReportKey } from './archive-keys';
import type { ArtifactStore } from './ports';
import type { PublicVersion } from './public-view';

const decodeJson = (body: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(body));

export async function latestArchivedReport(store: ArtifactStore, key: ReportKey): Promise<ReportDocument | undefined> {
  const pointer = await store.get(publicViewKeys(key).latest);
  const latest = pointer && (decodeJson(pointer) as PublicVersion | null);
  if (!latest) return undefined;
  const body = await store.get(`${reportPrefix(key)}v${latest.version}/report.json`);
  const parsed = body && parseReport(decodeJson(body));
  return parsed && parsed.ok ? parsed.value : undefined;
}
