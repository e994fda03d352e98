// Lambda: the assemble step (the handed-over narrative, or for a batch run the uploaded one, and the imported
// statistics → the report document).
import { stagedNarratives } from '../pipeline/narrative-file';
import { stagingStore, statisticsRepository } from './lambda-ports';
import { assemble } from '../pipeline/pipeline-steps';
import { stepLambda } from './step-handler';

export const handler = stepLambda(assemble, (config) => ({
  // A CMS run brings its narrative (staged by the hand-over); a batch run reads the one uploaded for it.
  narratives: () => stagedNarratives(stagingStore(config)),
  statistics: () => statisticsRepository(config),
  staging: () => stagingStore(config),
}));
