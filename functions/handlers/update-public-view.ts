// Lambda: the updatePublicView step (the report's version index page, and the CDN told what changed).
import { createStepHandler, declaredStepPorts, stepNamed } from './step-handler';
import { archiveStore, cdnInvalidator, publicationRepository, stepConfig } from './lambda-ports';

const step = stepNamed('updatePublicView');
const config = stepConfig(step.ports);

export const handler = createStepHandler(
  step,
  declaredStepPorts(step, {
    archive: () => archiveStore(config),
    publications: () => publicationRepository(config),
    cdn: () => cdnInvalidator(config),
    publishing: () => ({}),
  }),
);
