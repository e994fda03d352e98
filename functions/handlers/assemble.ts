// Lambda: the assemble step (the handed-over narrative, or for a batch run the uploaded one, and the imported
// statistics → the report document).
import { stagingStore, statisticsRepository, uploadedNarratives } from './lambda-ports';
import { stepLambda } from './step-handler';

export const handler = stepLambda('assemble', (config) => ({
  narratives: () => uploadedNarratives(config),
  statistics: () => statisticsRepository(config),
  staging: () => stagingStore(config),
}));
