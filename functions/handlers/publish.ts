// Lambda: the publish step (a new immutable version in the archive; the fonts come from the fonts layer).
import { fontSiteAssets } from '../adapters/font-site-assets';
import { archiveStore, publicationRepository, stagingStore } from './lambda-ports';
import { publish } from '../pipeline/pipeline-steps';
import { stepLambda } from './step-handler';

export const handler = stepLambda(publish, (config) => ({
  staging: () => stagingStore(config),
  archive: () => archiveStore(config),
  publications: () => publicationRepository(config),
  siteAssets: () => fontSiteAssets,
  publishing: () => ({}),
}));
