import { describe, expect, it } from 'vitest';
import { mergeReport, type NarrativeSource, type StatisticsRecord } from '../../functions/core/merge/merge-report';
import { fixtureReport } from './report-builders';

const fixture = fixtureReport();
const { statistics, ...narrative } = fixture;
const record: StatisticsRecord = {
  agency: fixture.agency.code,
  year: fixture.year,
  template: fixture.template,
  statistics,
};

function withBody(body: string): NarrativeSource {
  return { ...narrative, narrative: { ...narrative.narrative, overview: [{ heading: '依申请公开情况', body }] } };
}

describe('mergeReport', () => {
  it('puts narrative and statistics together into the report', () => {
    const merged = mergeReport(narrative, record);
    expect(merged).toEqual({ ok: true, value: fixture });
  });

  it('resolves references to their values and never evaluates anything else', () => {
    const merged = mergeReport(
      withBody('受理{{ applications.received.total }}件，予以公开{{applications.granted.total}}件。{{#each x}}'),
      record,
    );
    expect(merged.ok).toBe(false);
    const clean = mergeReport(
      withBody(
        '受理{{ applications.received.total }}件，予以公开{{applications.granted.total}}件。<b>{{proactive.fees.amount}}</b>',
      ),
      record,
    );
    expect(clean.ok && clean.value.narrative.overview[0]!.body).toBe('受理30件，予以公开10件。<b>18.2</b>');
  });

  it('reports an unknown reference as R10 with its location', () => {
    const merged = mergeReport(withBody('一\n二{{applications.received.totl}}'), record);
    expect(merged.ok ? [] : merged.error).toEqual([
      expect.objectContaining({ rule: 'R10', location: 'narrative.overview[0].body', line: 2 }),
    ]);
  });

  it('refuses parts that belong to different reports', () => {
    const merged = mergeReport(narrative, { ...record, year: 2022 });
    expect(merged.ok ? [] : merged.error.map((f) => f.location)).toEqual(['year']);
  });

  it('turns a malformed part into S1 findings, not a crash', () => {
    const merged = mergeReport(null, record);
    expect(merged.ok).toBe(false);
  });
});
