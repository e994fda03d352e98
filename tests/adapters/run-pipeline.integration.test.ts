// A run on dynalite and s3rver: the artifacts go through the staging bucket, the archive gets the version and its
// public view, and staging keeps nothing public.
import { beforeAll, describe, expect, it } from 'vitest';
import { LogOutcomeReporter } from '../../functions/adapters/log-outcome-reporter';
import { pipelinePorts } from '../../functions/adapters/pipeline-wiring';
import { newRun } from '../../functions/pipeline/run';
import { runPipeline } from '../../functions/pipeline/run-pipeline';
import { cheapRenderer, splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { publicView, sampleReport } from '../publish/publish-scenarios';
import { localAwsStores, uniqueAgency } from './local-aws';

describe('runPipeline (dynalite + s3rver)', () => {
  let stores: Awaited<ReturnType<typeof localAwsStores>>;
  beforeAll(async () => {
    stores = await localAwsStores('runs');
  });

  it('publishes through the staging bucket, and the same run id again gives the same outcome', async () => {
    const agency = uniqueAgency('run');
    const { narrative, statistics } = splitReport(sampleReport(agency));
    await stores.statistics.put(statistics);
    const ports = pipelinePorts(stores.config, cheapRenderer, { stores, narratives: { get: async () => narrative } });
    const run = newRun({ agency, year: 2023 }, { kind: 'cms', documentId: 'doc', runRecordId: 'rec' });
    const outcome = await runPipeline(run, ports, new LogOutcomeReporter());
    expect(outcome).toMatchObject({ kind: 'published', version: 1, reused: false });
    expect((await publicView(stores.store, { agency, year: 2023 })).latest?.version).toBe(1);
    expect(await stores.staging.head(`runs/${run.id}/report.pdf`)).toBeDefined();
    expect(await stores.store.head(`runs/${run.id}/report.pdf`)).toBeUndefined();
    expect(await runPipeline(run, ports, new LogOutcomeReporter())).toEqual(outcome);
  });
});
