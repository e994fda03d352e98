// Lambda: the batch's listing (a page of the agencies with statistics for the year), wired to the statistics table.
// Variables: NIANBAO_TABLE (read at cold start).
import { dynamoDocumentClient } from '../adapters/dynamodb-client';
import { agenciesWithStatistics } from '../adapters/dynamodb-statistics-repository';
import { stepConfig } from './lambda-ports';
import { createListAgenciesHandler } from './list-agencies-handler';

const config = stepConfig(['statistics']);
const client = dynamoDocumentClient(config);

export const handler = createListAgenciesHandler((year, page) =>
  agenciesWithStatistics(client, config.table, year, page),
);
