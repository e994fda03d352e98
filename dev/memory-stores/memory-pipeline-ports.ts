// In-memory pipeline ports: narratives and statistics from the fixture, a renderer that needs no browser.
import type { NarrativeSource, StatisticsRecord } from '../../functions/core/merge/merge-report';
import type { ReportDocument } from '../../functions/core/report/report-document';
import type { NarrativeRepository, ReportRenderer } from '../../functions/pipeline/pipeline-ports';
import type { StatisticsRepository } from '../../functions/statistics/statistics-repository';

export function splitReport(report: ReportDocument): { narrative: NarrativeSource; statistics: StatisticsRecord } {
  const { statistics, ...narrative } = report;
  return {
    narrative,
    statistics: { agency: report.agency.code, year: report.year, template: report.template, statistics },
  };
}

export class MemoryNarratives implements NarrativeRepository {
  readonly byKey = new Map<string, NarrativeSource>();
  add(n: NarrativeSource) {
    this.byKey.set(`${n.agency.code}/${n.year}`, n);
    return this;
  }
  async get(agency: string, year: number) {
    return this.byKey.get(`${agency}/${year}`);
  }
}

export class MemoryStatistics implements StatisticsRepository {
  readonly byKey = new Map<string, StatisticsRecord>();
  async put(r: StatisticsRecord) {
    this.byKey.set(`${r.agency}/${r.year}`, r);
  }
  async get(agency: string, year: number) {
    return this.byKey.get(`${agency}/${year}`);
  }
  async listYear(year: number) {
    return [...this.byKey.values()].filter((r) => r.year === year);
  }
}

/** Renders a stand-in HTML and PDF: for the pipeline's and the archive's semantics, not the rendering's. */
export const cheapRenderer: ReportRenderer = {
  async render(report) {
    const html = `<!doctype html><html lang="zh-CN"><title>${report.title}</title></html>`;
    return { html, pdf: new TextEncoder().encode(`%PDF-1.7 ${report.title} ${Date.now()}`), assets: [] };
  },
};
