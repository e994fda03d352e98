// The pipeline API's routes that take a draft's narrative (POST /checks, POST /previews): signed like a hand-over,
// body `{ narrative }`, answered 200 with what `answer` makes of it; a body without a narrative is a 400 saying so.
import type { NarrativeSource } from '../core/merge/merge-report';
import { isRecord } from '../pipeline/hand-over';
import { json, signedJsonRoute, type SignedRouteDeps } from './signed-request';

export const signedNarrativeRoute = (
  deps: SignedRouteDeps,
  failure: string,
  answer: (narrative: NarrativeSource) => Promise<Record<string, unknown>>,
) =>
  signedJsonRoute(deps, failure, async (body) => {
    const narrative = isRecord(body) ? body.narrative : undefined;
    // The rest is checked where it is read: agency code and year by assembleReport, each field by mergeReport.
    if (!isRecord(narrative) || !isRecord(narrative.agency))
      return json(400, { error: 'narrative: expected a report document without its tables' });
    return json(200, await answer(narrative as unknown as NarrativeSource));
  });
