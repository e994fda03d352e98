// Lambda: the updatePublicView step (the report's version index page, and the CDN told what changed).
import { archiveStore, cdnInvalidator, publicationRepository } from './lambda-ports';
import { stepLambda } from './step-handler';

export const handler = stepLambda('updatePublicView', (config) => ({
  archive: () => archiveStore(config),
  publications: () => publicationRepository(config),
  cdn: () => cdnInvalidator(config),
  publishing: () => ({}),
}));
