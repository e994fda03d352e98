// Lambda: the assemble step (the handed-over narrative and the imported statistics → the report document).
import { createStepHandler, declaredStepPorts, stepNamed } from './step-handler';
import { handedOverNarrativesOnly, stagingStore, statisticsRepository, stepConfig } from './lambda-ports';

const step = stepNamed('assemble');
const config = stepConfig(step.ports);

export const handler = createStepHandler(
  step,
  declaredStepPorts(step, {
    narratives: () => handedOverNarrativesOnly,
    statistics: () => statisticsRepository(config),
    staging: () => stagingStore(config),
  }),
);
