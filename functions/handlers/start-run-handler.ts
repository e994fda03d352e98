// The way in (the handler of an HTTP API route, payload 2.0; wired in start-run.ts). The CMS POSTs a hand-over
// (`{ run, narrative }`, hand-over.ts) signed with the shared secret (hand-over-signature.ts); the narrative is staged
// and a Step Functions execution named after the run id starts. The same run id twice starts nothing new (Step
// Functions refuses the name): 200 "already started".
import { acceptHandOver, parseHandOver } from '../pipeline/hand-over';
import type { ArtifactStore } from '../publish/ports';
import { logger, withRunId } from './handler-logger';
import { json, signedJsonRoute, type SignedRouteDeps } from './signed-request';

export interface StartRunDeps extends SignedRouteDeps {
  readonly staging: ArtifactStore;
  /** Starts the execution `name`; 'already-started' when Step Functions refuses the name (it exists). */
  readonly startExecution: (name: string, input: string) => Promise<'started' | 'already-started'>;
}

export const createStartRunHandler = (deps: StartRunDeps) =>
  signedJsonRoute(deps, 'the hand-over could not be taken', async (body) => {
    const handOver = parseHandOver(body);
    if (!handOver.ok) return json(400, { error: handOver.error });
    const { run } = handOver.value;
    return withRunId(run.id, async () => {
      const requested = await acceptHandOver(handOver.value, deps.staging);
      const started = await deps.startExecution(run.id, JSON.stringify(requested));
      logger.info('run handed over', { started, agency: run.request.agency, year: run.request.year });
      return started === 'started'
        ? json(202, { status: 'started', runId: run.id })
        : json(200, { status: 'already started', runId: run.id });
    });
  });
