// The draft preview over HTTP (POST /previews): the CMS sends a draft's narrative, signed like a hand-over, and gets
// the page its admin shows in a frame (`{ html, contentSecurityPolicy }`, preview-draft.ts). Nothing is written.
import type { PipelinePorts } from '../pipeline/pipeline-ports';
import { previewDraft } from '../pipeline/preview-draft';
import { signedNarrativeRoute } from './narrative-route';
import type { SignedRouteDeps } from './signed-request';

export interface PreviewDraftDeps extends Pick<PipelinePorts, 'statistics' | 'previousReports'>, SignedRouteDeps {
  /** The archive's public font folder (the page's CSP allows fonts from its origin only). */
  readonly fontBaseUrl: string;
}

export const createPreviewDraftHandler = (deps: PreviewDraftDeps) =>
  signedNarrativeRoute(deps, 'the draft could not be previewed', async (narrative) => ({
    ...(await previewDraft(narrative, deps, deps.fontBaseUrl)),
  }));
