// Lambda: the updatePublicView step (the archive's pages for the new version, and the CDN told what changed).
import { fontSiteAssets } from '../adapters/font-site-assets';
import { siteSettings } from '../adapters/site-settings';
import { archiveStore, cdnInvalidator, publicationRepository } from './lambda-ports';
import { updatePublicView } from '../pipeline/pipeline-steps';
import { stepLambda } from './step-handler';

export const handler = stepLambda(updatePublicView, (config) => ({
  archive: () => archiveStore(config),
  publications: () => publicationRepository(config),
  cdn: () => cdnInvalidator(config),
  siteAssets: () => fontSiteAssets,
  site: () => siteSettings(config),
  publishing: () => ({}),
}));
