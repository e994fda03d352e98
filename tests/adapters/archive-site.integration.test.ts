// The archive's index on dynalite + s3rver: 20 agencies published at once, each publisher with its own store client
// (as separate Lambdas would be), and every one of them is in the publications index, on the home page and in the
// search index when they are done.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { LogOutcomeReporter } from '../../functions/adapters/log-outcome-reporter';
import { pipelinePorts } from '../../functions/adapters/pipeline-wiring';
import { publishStores } from '../../functions/adapters/publish-stores';
import { newRun } from '../../functions/pipeline/run';
import { runPipeline } from '../../functions/pipeline/run-pipeline';
import type { SearchIndex } from '../../functions/publish/site/search-index';
import { siteKeys } from '../../functions/publish/site/site-keys';
import { noFonts } from '../../functions/publish/site/site-settings';
import { cheapRenderer, splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { sampleReport } from '../publish/publish-scenarios';
import { localAwsStores, uniqueAgency } from './local-aws';

describe('the archive index (dynalite + s3rver)', () => {
  let stores: Awaited<ReturnType<typeof localAwsStores>>;
  beforeAll(async () => {
    stores = await localAwsStores('site');
  });

  it('loses no entry when 20 agencies publish at once', { timeout: 120_000 }, async () => {
    // The bucket is shared with other test files: this run's site-wide files live under their own prefix.
    const root = `site-${randomUUID().slice(0, 8)}/`;
    const agencies = Array.from({ length: 20 }, (_, i) => uniqueAgency(`a${i}`));
    const reports = agencies.map((agency) => sampleReport(agency));
    await Promise.all(reports.map((r) => stores.statistics.put(splitReport(r).statistics)));
    const outcomes = await Promise.all(
      reports.map((report) => {
        // Its own clients and store objects: nothing in this process makes the publishers take turns.
        const ports = pipelinePorts(stores.config, cheapRenderer, {
          stores: publishStores(stores.config),
          narratives: { get: async () => splitReport(report).narrative },
        });
        return runPipeline(
          newRun({ agency: report.agency.code, year: 2023 }),
          { ...ports, site: { ...ports.site, root, fonts: noFonts } },
          new LogOutcomeReporter(),
        );
      }),
    );
    expect(outcomes.map((o) => o.kind)).toEqual(agencies.map(() => 'published'));

    const listed = await stores.publications.listEveryPublication();
    for (const agency of agencies) expect(listed.some((e) => e.agency === agency)).toBe(true);
    const read = async (key: string) => new TextDecoder().decode(await stores.store.get(key));
    const home = await read(siteKeys(root).home);
    for (const agency of agencies) expect(home).toContain(`href="/reports/${agency}/"`);
    const index = JSON.parse(await read(siteKeys(root).searchIndex)) as SearchIndex;
    expect(index.agencies.map((a) => a[0]).sort()).toEqual([...agencies].sort());
  });
});
