// Lambda: the assemble step (the handed-over narrative and the imported statistics → the report document).
import { handedOverNarrativesOnly, stagingStore, statisticsRepository, stepLambda } from './lambda-ports';

export const handler = stepLambda('assemble', (config) => ({
  narratives: () => handedOverNarrativesOnly,
  statistics: () => statisticsRepository(config),
  staging: () => stagingStore(config),
}));
