// Lambda: the validate step (the rules, with the previous year's published report for the cross-year ones).
import { createStepHandler, declaredStepPorts, stepNamed } from './step-handler';
import { previousReports, stagingStore, stepConfig } from './lambda-ports';

const step = stepNamed('validate');
const config = stepConfig(step.ports);

export const handler = createStepHandler(
  step,
  declaredStepPorts(step, {
    staging: () => stagingStore(config),
    previousReports: () => previousReports(config),
  }),
);
