// The DynamoDB document client, created once per process from the config, and the table's key schema.
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateQuery, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { reportTableSchema } from './dynamodb-table-schema';
import type { PublishConfig } from './publish-config';

const clients = new Map<string, DynamoDBDocumentClient>();

export function dynamoDocumentClient(config: PublishConfig): DynamoDBDocumentClient {
  const id = `${config.region} ${config.dynamodbEndpoint ?? ''}`;
  let client = clients.get(id);
  if (!client) {
    const base = new DynamoDBClient({
      region: config.region,
      ...(config.dynamodbEndpoint
        ? { endpoint: config.dynamodbEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    });
    client = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
    clients.set(id, client);
  }
  return client;
}

/** Every item a Query matches, across its pages. */
export async function queryAll(
  client: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateQuery({ client }, input)) items.push(...(page.Items ?? []));
  return items;
}

/** Name of the index that lists a year's statistics across agencies (for batch publish and export). */
export const statisticsByYearIndex = reportTableSchema.statisticsByYear.indexName;

/** Creates the table if it is missing (local stand-ins and tests; on AWS the CDK stack owns it, from the same schema). */
export async function ensureTable(config: PublishConfig): Promise<void> {
  const client = dynamoDocumentClient(config);
  try {
    await client.send(new DescribeTableCommand({ TableName: config.table }));
    return;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  const { partitionKey: pk, sortKey: sk, statisticsByYear: byYear, publicationsByTime: byTime } = reportTableSchema;
  try {
    await client.send(
      new CreateTableCommand({
        TableName: config.table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: pk, AttributeType: 'S' },
          { AttributeName: sk, AttributeType: 'S' },
          { AttributeName: byYear.partitionKey, AttributeType: 'N' },
          { AttributeName: byYear.sortKey, AttributeType: 'S' },
          { AttributeName: byTime.partitionKey, AttributeType: 'S' },
          { AttributeName: byTime.sortKey, AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: pk, KeyType: 'HASH' },
          { AttributeName: sk, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: byYear.indexName,
            KeySchema: [
              { AttributeName: byYear.partitionKey, KeyType: 'HASH' },
              { AttributeName: byYear.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: byTime.indexName,
            KeySchema: [
              { AttributeName: byTime.partitionKey, KeyType: 'HASH' },
              { AttributeName: byTime.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...byTime.attributes] },
          },
        ],
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ResourceInUseException') throw error;
  }
}
