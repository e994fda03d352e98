// Lambda: the validate step (the rules, with the previous year's published report for the cross-year ones).
import { previousReports, stagingStore, stepLambda } from './lambda-ports';

export const handler = stepLambda('validate', (config) => ({
  staging: () => stagingStore(config),
  previousReports: () => previousReports(config),
}));
