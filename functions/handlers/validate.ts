// Lambda: the validate step (the rules, with the previous year's published report for the cross-year ones).
import { previousReports, stagingStore } from './lambda-ports';
import { validate } from '../pipeline/pipeline-steps';
import { stepLambda } from './step-handler';

export const handler = stepLambda(validate, (config) => ({
  staging: () => stagingStore(config),
  previousReports: () => previousReports(config),
}));
