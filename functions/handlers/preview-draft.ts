// Lambda (behind the pipeline API's POST /previews): the draft preview, wired like the approval check, with the
// archive's public site for the page's fonts.
// Variables: NIANBAO_TABLE, NIANBAO_BUCKET, NIANBAO_HANDOVER_SECRET_ARN, NIANBAO_PUBLIC_BASE_URL (read at cold start).
import { fontAssetPrefix } from '../adapters/font-site-assets';
import { publicUrl } from '../adapters/public-url';
import { requiredVariable } from '../adapters/publish-config';
import { draftReaderDeps } from './draft-reader-deps';
import { createPreviewDraftHandler } from './preview-draft-handler';

const deps = draftReaderDeps();
// Required: without the site's origin the page's CSP would allow fonts from the CMS's own origin, where none are.
requiredVariable(process.env, 'NIANBAO_PUBLIC_BASE_URL');

export const handler = createPreviewDraftHandler({ ...deps, fontBaseUrl: publicUrl(deps.config, fontAssetPrefix) });
