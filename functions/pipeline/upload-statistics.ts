// The statistics of one report, uploaded by its editor in the CMS as the CSV `nianbao stats export` writes (UTF-8,
// with or without BOM, or GBK as Excel saves it on Chinese Windows): checked whole and stored only when all of it
// is right, by the same service as `nianbao stats import`. The report's agency and year are the CMS entry's.
import { isAgencyCode, isReportYear } from '../core/identifiers';
import { reportLimits } from '../core/report/limits';
import { fail, ok, type Result } from '../core/result';
import type { ValidationFinding } from '../core/validation-finding';
import { importStatistics } from '../statistics/import-statistics';
import type { StatisticsRepository } from '../statistics/statistics-repository';
import { isRecord } from './hand-over';

export interface StatisticsUpload {
  readonly agency: string;
  readonly year: number;
  /** As the editor chose it; only its ending matters (.csv). */
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** What the editor is told: stored, or why not (every problem, naming its line and cell). */
export type UploadAnswer =
  | { readonly stored: true; readonly agency: string; readonly year: number }
  | { readonly stored: false; readonly reason: string; readonly findings: readonly ValidationFinding[] };

/** A CSV of the three tables is a few KB; the body carries it base64-encoded. */
export const maxUploadBytes = 512 * 1024;

/** Reads `{ agency, year, fileName, content }` (content base64) from parsed JSON; the error names the field. */
export function parseStatisticsUpload(input: unknown): Result<StatisticsUpload, string> {
  if (!isRecord(input)) return fail('expected an object');
  const { agency, year, fileName, content } = input;
  if (!isAgencyCode(agency)) return fail('agency: expected an agency code');
  if (!isReportYear(year)) return fail('year: expected a report year');
  if (typeof fileName !== 'string' || fileName.length === 0 || fileName.length > reportLimits.fieldChars.name)
    return fail('fileName: expected the file name');
  if (typeof content !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(content)) return fail('content: expected base64');
  const bytes = Buffer.from(content, 'base64');
  if (bytes.length > maxUploadBytes) return fail(`content: larger than ${maxUploadBytes / 1024} KB`);
  return ok({ agency, year, fileName, bytes: new Uint8Array(bytes) });
}

export async function uploadStatistics(
  upload: StatisticsUpload,
  repository: StatisticsRepository,
): Promise<UploadAnswer> {
  const { agency, year, fileName, bytes } = upload;
  if (!fileName.toLowerCase().endsWith('.csv'))
    return { stored: false, reason: `${fileName}：请上传 CSV 文件（nianbao stats export 导出的格式）`, findings: [] };
  const imported = await importStatistics({ name: fileName, bytes }, { agency, year }, repository);
  if (imported.ok) return { stored: true, agency, year };
  const failure = imported.error;
  return failure.kind === 'unreadable'
    ? { stored: false, reason: failure.message, findings: [] }
    : {
        stored: false,
        reason: `${fileName}：有 ${failure.findings.length} 处问题，未保存任何数据`,
        findings: failure.findings,
      };
}
