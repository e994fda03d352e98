// Lambda: the updatePublicView step (the report's version index page, and the CDN told what changed).
import { archiveStore, cdnInvalidator, publicationRepository, stepLambda } from './lambda-ports';

export const handler = stepLambda('updatePublicView', (config) => ({
  archive: () => archiveStore(config),
  publications: () => publicationRepository(config),
  cdn: () => cdnInvalidator(config),
  publishing: () => ({}),
}));
