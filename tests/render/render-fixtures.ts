// Documents the render tests print: the 2023 fixture, and a 2019 document derived from the template.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellsOf } from '../../functions/core/format/templates';
import { parseReport } from '../../functions/core/report/parse-report';
import type { ReportDocument, TableValues } from '../../functions/core/report/report-document';

export function loadReport(json: unknown): ReportDocument {
  const parsed = parseReport(json);
  if (!parsed.ok) throw new Error(parsed.error.map((f) => f.message.en).join('\n'));
  return parsed.value;
}

const samplePath = new URL('../../samples/lishi-2023.json', import.meta.url);
export const fixtureJson = (): Record<string, unknown> =>
  JSON.parse(readFileSync(samplePath, 'utf8')) as Record<string, unknown>;

export const lishi2023 = (): ReportDocument => loadReport(fixtureJson());

/** The fixture with 三 一 总计 off by one (R1/R2/R3 errors), written to `dir`; its path. */
export function writeInvalidReport(dir: string): string {
  const json = fixtureJson() as { statistics: { applications: { received: { total: number } } } };
  json.statistics.applications.received.total += 1;
  const file = join(dir, 'invalid.json');
  writeFileSync(file, JSON.stringify(json));
  return file;
}

/** A 2019-template document: every cell of cellsOf('2019') set to a distinct small number. */
export function report2019(): ReportDocument {
  const statistics: Record<string, TableValues> = {};
  cellsOf('2019').forEach((cell, i) => {
    let node = (statistics[cell.path[0]!] ??= {}) as Record<string, unknown>;
    for (const part of cell.path.slice(1, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[cell.path.at(-1)!] = cell.column.kind === 'amount' ? '12.50' : 1000 + i;
  });
  return loadReport({
    ...fixtureJson(),
    template: '2019',
    year: 2020,
    issuedOn: '2021-01-29',
    title: '测试局2020年政府信息公开工作年度报告',
    statistics,
  });
}
