// Lambda: the publish step (a new immutable version in the archive; the fonts come from the fonts layer).
import { fontSiteAssets } from '../adapters/font-site-assets';
import { createStepHandler, declaredStepPorts, stepNamed } from './step-handler';
import { archiveStore, publicationRepository, stagingStore, stepConfig } from './lambda-ports';

const step = stepNamed('publish');
const config = stepConfig(step.ports);

export const handler = createStepHandler(
  step,
  declaredStepPorts(step, {
    staging: () => stagingStore(config),
    archive: () => archiveStore(config),
    publications: () => publicationRepository(config),
    siteAssets: () => fontSiteAssets,
    publishing: () => ({}),
  }),
);
