// Lambda: the assemble step (the handed-over narrative and the imported statistics → the report document).
import { handedOverNarrativesOnly, stagingStore, statisticsRepository } from './lambda-ports';
import { stepLambda } from './step-handler';

export const handler = stepLambda('assemble', (config) => ({
  narratives: () => handedOverNarrativesOnly,
  statistics: () => statisticsRepository(config),
  staging: () => stagingStore(config),
}));
