// R7 reads each sentence and counts each line once: a long field full of claims costs linear time, not a scan from
// the start (for the line) or of the whole sentence (for its context) per claim.
import { describe, expect, it } from 'vitest';
import { validateReport } from '../../functions/core/rules/validate-report';
import { fixtureReport } from './report-builders';

const size = 200_000;

describe('R7 on a long field of claims', () => {
  it('takes seconds, not minutes, for 200,000 characters, one claim per line or all in one sentence', () => {
    const report = fixtureReport();
    for (const unit of ['共收到申请 75 件。\n', '依申请公开 予以公开 1 件，']) {
      const copies = Math.floor(size / unit.length);
      const started = performance.now();
      const { findings } = validateReport({
        ...report,
        narrative: { ...report.narrative, problems: unit.repeat(copies) },
      });
      expect(performance.now() - started, unit).toBeLessThan(4_000);
      const r7 = findings.filter((f) => f.rule === 'R7' && f.location === 'narrative.problems');
      expect(r7, unit).toHaveLength(copies);
      expect(r7.at(-1)!.line, unit).toBe(unit.endsWith('\n') ? copies : 1);
    }
  });
});
