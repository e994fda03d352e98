// The way in (the handler of an HTTP API route, payload 2.0; wired in start-run.ts). The CMS POSTs a hand-over
// (`{ run, narrative }`, hand-over.ts) signed with the shared secret (hand-over-signature.ts); the narrative is staged
// and a Step Functions execution named after the run id starts. The same run id twice starts nothing new (Step
// Functions refuses the name): 200 "already started".
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { acceptHandOver, parseHandOver } from '../pipeline/hand-over';
import type { ArtifactStore } from '../publish/ports';
import { logger, withRunId } from './handler-logger';
import { errorAnswer, json, readSignedJson, type ApiResponse } from './signed-request';

export interface StartRunDeps {
  readonly staging: ArtifactStore;
  /** The shared secret's current value. */
  readonly secret: () => Promise<string>;
  /** Starts the execution `name`; 'already-started' when Step Functions refuses the name (it exists). */
  readonly startExecution: (name: string, input: string) => Promise<'started' | 'already-started'>;
  readonly nowMs?: () => number;
}

export function createStartRunHandler(deps: StartRunDeps) {
  const nowMs = deps.nowMs ?? Date.now;
  return async (event: APIGatewayProxyEventV2): Promise<ApiResponse> => {
    try {
      const parsed = readSignedJson(event, await deps.secret(), Math.floor(nowMs() / 1000));
      if (!parsed.ok) return parsed.error;
      const handOver = parseHandOver(parsed.value);
      if (!handOver.ok) return json(400, { error: handOver.error });
      const { run } = handOver.value;
      return await withRunId(run.id, async () => {
        const requested = await acceptHandOver(handOver.value, deps.staging);
        const started = await deps.startExecution(run.id, JSON.stringify(requested));
        logger.info('run handed over', { started, agency: run.request.agency, year: run.request.year });
        return started === 'started'
          ? json(202, { status: 'started', runId: run.id })
          : json(200, { status: 'already started', runId: run.id });
      });
    } catch (error) {
      return errorAnswer(error, 'the hand-over could not be taken');
    }
  };
}
