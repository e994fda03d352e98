// The draft preview the CMS shows its editor and approver: the report as it would be published now (this
// narrative, the stored statistics, last year's report for the cross-year rules), marked 草稿, with what validation
// found above it, or, when it does not assemble yet, why. The same code serves the local CMS and POST /previews.
import type { NarrativeSource } from '../core/merge/merge-report';
import { renderDraftPreview, type DraftPreview } from '../render/draft-preview';
import { assembleReport, validateForPublication } from './check-report';
import type { PipelinePorts } from './pipeline-ports';

export async function previewDraft(
  narrative: NarrativeSource,
  ports: Pick<PipelinePorts, 'statistics' | 'previousReports'>,
  /** Where the page loads its woff2 fonts from: the archive's public site (its CSP allows that origin only). */
  fontBaseUrl: string,
): Promise<DraftPreview> {
  const assembled = await assembleReport(narrative, ports, narrative.agency.code, narrative.year);
  if (!assembled.ok) {
    // For the editor in Chinese; the English reason as the logs have it, for whoever they ask.
    const { reason, reasonZh } = assembled.error;
    const why = reasonZh ? `${reasonZh}（${reason}）` : reason;
    return renderDraftPreview(undefined, assembled.error.findings, why, fontBaseUrl);
  }
  const { findings } = await validateForPublication(assembled.value, ports);
  return renderDraftPreview(assembled.value, findings, undefined, fontBaseUrl);
}
