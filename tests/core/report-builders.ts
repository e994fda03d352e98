// Test documents: the fixture, and reports built from the format definition for any template.
import { readFileSync } from 'node:fs';
import { cellsOf } from '../../functions/core/format/templates';
import type { TemplateId } from '../../functions/core/format/table-definition';
import { parseReport } from '../../functions/core/report/parse-report';
import type { CellValue, ReportDocument, Statistics } from '../../functions/core/report/report-document';

export const fixturePath = new URL('../../samples/lishi-2023.json', import.meta.url).pathname;

type FixtureJson = Record<string, unknown> & {
  statistics: Record<string, unknown>;
  narrative: Record<string, unknown>;
};

/** The fixture as raw JSON (a fresh copy each call, safe to mutate). */
export function fixtureJson(): FixtureJson {
  return JSON.parse(readFileSync(fixturePath, 'utf8')) as FixtureJson;
}

export function fixtureReport(): ReportDocument {
  const parsed = parseReport(fixtureJson());
  if (!parsed.ok) throw new Error(`fixture does not parse: ${parsed.error.map((f) => f.message.en).join('; ')}`);
  return parsed.value;
}

/** Statistics with every cell of the template set by `value(cellId)`. */
export function statisticsOf(template: TemplateId, value: (cellId: string) => CellValue): Statistics {
  const root: Record<string, unknown> = {};
  for (const cell of cellsOf(template)) {
    let node = root;
    for (const part of cell.path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[cell.path.at(-1)!] = value(cell.id);
  }
  return root as unknown as Statistics;
}

/** A valid report for a template: all-zero tables and a narrative that satisfies R8. */
export function zeroReport(template: TemplateId, year = template === '2019' ? 2020 : 2023): ReportDocument {
  return {
    format: 'nianbao/report@1',
    template,
    year,
    agency: { code: 'test-agency', name: '测试市人民政府', issuer: '测试市人民政府办公室' },
    issuedOn: `${year + 1}-01-20`,
    title: `测试市人民政府${year}年政府信息公开工作年度报告`,
    narrative: {
      preamble: '本年度报告根据《中华人民共和国政府信息公开条例》编制。',
      overview: [{ heading: '主动公开情况', body: '全年主动公开政府信息。' }],
      problems: '存在的问题是解读不够深入，明年将加强解读。',
      otherMatters: '本机关本年度未收取信息处理费。',
    },
    statistics: statisticsOf(template, () => 0),
  };
}

/** A copy of the report with some cells replaced. */
export function withCells(report: ReportDocument, changes: Record<string, CellValue>): ReportDocument {
  const values = new Map(cellsOf(report.template).map((c) => [c.id, readPath(report.statistics, c.path)]));
  for (const [id, value] of Object.entries(changes)) {
    if (!values.has(id)) throw new Error(`no cell ${id} in template ${report.template}`);
    values.set(id, value);
  }
  return { ...report, statistics: statisticsOf(report.template, (id) => values.get(id)!) };
}

function readPath(root: unknown, path: readonly string[]): CellValue {
  return path.reduce((node, part) => (node as Record<string, unknown>)[part], root) as CellValue;
}
