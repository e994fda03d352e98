// The CMS hears its runs: progress and the final outcome written into the run's record (a publication-run entry)
// through Strapi's REST API, with the results token (it can read and update run records and nothing else).
// Runs that did not come from the CMS (the CLI's) are not reported here.
import { ruleAdvice } from '../core/rules/rule-advice';
import type { Run } from '../pipeline/run';
import type { RunOutcome, RunOutcomeReporter, RunStatus } from '../pipeline/run-outcome';

export interface StrapiRunRecordsConfig {
  /** Where the CMS answers, e.g. http://127.0.0.1:1337. */
  readonly cmsUrl: string;
  /** The token, or how to read it (Secrets Manager on AWS: read when first needed). */
  readonly resultsToken: string | (() => Promise<string>);
  /** The public archive's base URL: a published run's record links to its files there. */
  readonly publicUrl: (key: string) => string;
  /** Attempts for the final outcome (it must not be lost when the CMS blinks); default 5, doubling from 200 ms. */
  readonly attempts?: number;
}

export class RunRecordWriteError extends Error {
  override readonly name = 'RunRecordWriteError';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class StrapiRunRecords implements RunOutcomeReporter {
  constructor(private readonly config: StrapiRunRecordsConfig) {}

  async progress(run: Run, status: RunStatus): Promise<void> {
    await this.write(run, { phase: status }, 1);
  }

  async outcome(run: Run, outcome: RunOutcome): Promise<void> {
    await this.write(run, this.recordOf(outcome), this.config.attempts ?? 5);
  }

  private recordOf(outcome: RunOutcome): Record<string, unknown> {
    const finishedAt = new Date().toISOString();
    if (outcome.kind === 'published') {
      const { html, pdf, index } = outcome.keys;
      const url = this.config.publicUrl;
      return {
        phase: 'published',
        version: outcome.version,
        htmlUrl: url(html),
        pdfUrl: url(pdf),
        indexUrl: url(index),
        reason: outcome.reused ? '内容与已发布版本相同，未产生新版本' : null,
        findings: null,
        finishedAt,
      };
    }
    // With what to do about each, as the editor's desk shows a draft's findings.
    const findings =
      outcome.kind === 'rejected' ? outcome.findings.map((f) => ({ ...f, advice: ruleAdvice[f.rule] })) : null;
    return { phase: outcome.kind, reason: `${outcome.step}: ${outcome.reason}`, findings, finishedAt };
  }

  private async write(run: Run, data: Record<string, unknown>, attempts: number): Promise<void> {
    if (run.source.kind !== 'cms') return;
    const url = `${this.config.cmsUrl}/api/publication-runs/${encodeURIComponent(run.source.runRecordId)}`;
    const { resultsToken } = this.config;
    const token = typeof resultsToken === 'string' ? resultsToken : await resultsToken();
    for (let attempt = 1; ; attempt++) {
      let failure: unknown;
      try {
        const response = await fetch(url, {
          method: 'PUT',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ data }),
          signal: AbortSignal.timeout(10_000),
        });
        if (response.ok) return;
        // A 4xx other than 429 does not get better by retrying: a wrong token or a deleted record.
        if (response.status !== 429 && response.status < 500)
          throw new RunRecordWriteError(`run record ${run.source.runRecordId}: the CMS answered ${response.status}`);
        failure = new Error(`the CMS answered ${response.status}`);
      } catch (error) {
        if (error instanceof RunRecordWriteError) throw error;
        failure = error;
      }
      if (attempt >= attempts)
        throw new RunRecordWriteError(
          `run record ${run.source.runRecordId}: not written after ${attempts} attempt(s)`,
          {
            cause: failure,
          },
        );
      await sleep(200 * 2 ** (attempt - 1));
    }
  }
}
