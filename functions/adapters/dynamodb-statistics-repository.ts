// Statistics items in DynamoDB: one item per agency and year, its cells as a map keyed by cell id.
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StatisticsRecord } from '../core/merge/merge-report';
import type { TemplateId } from '../core/format/table-definition';
import { cellsToStatistics, statisticsToCells, type CellMap } from '../core/statistics/cells';
import type { StatisticsRepository } from '../statistics/statistics-repository';
import { queryAll, statisticsByYearIndex } from './dynamodb-client';
import { agencyPk, statisticsSk } from './dynamodb-keys';

interface StatisticsItem {
  readonly agency: string;
  readonly year: number;
  readonly template: TemplateId;
  readonly cells: CellMap;
}

const toRecord = (item: Record<string, unknown>): StatisticsRecord => {
  const { agency, year, template, cells } = item as unknown as StatisticsItem;
  return { agency, year, template, statistics: cellsToStatistics(template, cells) };
};

export class DynamoStatisticsRepository implements StatisticsRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async put(record: StatisticsRecord): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          pk: agencyPk(record.agency),
          sk: statisticsSk(record.year),
          kind: 'statistics',
          agency: record.agency,
          year: record.year,
          // Sparse index key: only statistics items appear in statisticsByYear.
          statisticsYear: record.year,
          template: record.template,
          cells: statisticsToCells(record.template, record.statistics),
          updatedAt: new Date().toISOString(),
        },
      }),
    );
  }

  async get(agency: string, year: number): Promise<StatisticsRecord | undefined> {
    const out = await this.client.send(
      new GetCommand({
        TableName: this.table,
        Key: { pk: agencyPk(agency), sk: statisticsSk(year) },
        ConsistentRead: true,
      }),
    );
    return out.Item && toRecord(out.Item);
  }

  async listYear(year: number): Promise<StatisticsRecord[]> {
    const items = await queryAll(this.client, {
      TableName: this.table,
      IndexName: statisticsByYearIndex,
      KeyConditionExpression: 'statisticsYear = :year',
      ExpressionAttributeValues: { ':year': year },
    });
    return items.map(toRecord);
  }
}

/** One page of the agencies with statistics for a year, in code order; `next` is where the next page starts after. */
export interface AgencyPage {
  readonly agencies: readonly string[];
  readonly next?: string;
}

/**
 * The agencies with statistics for `year`, at most `limit`, after `after` (a Query on the sparse statisticsByYear
 * index, its sort key the agency code: only the codes are returned, no cells).
 */
export async function agenciesWithStatistics(
  client: DynamoDBDocumentClient,
  table: string,
  year: number,
  { after, limit }: { readonly after?: string; readonly limit: number },
): Promise<AgencyPage> {
  const agencies: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: table,
        IndexName: statisticsByYearIndex,
        KeyConditionExpression:
          after === undefined ? 'statisticsYear = :year' : 'statisticsYear = :year AND agency > :after',
        ExpressionAttributeValues: { ':year': year, ...(after === undefined ? {} : { ':after': after }) },
        ProjectionExpression: 'agency',
        Limit: limit - agencies.length,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    agencies.push(...(page.Items ?? []).map((item) => String(item.agency)));
    start = page.LastEvaluatedKey;
  } while (start && agencies.length < limit);
  // A full page may be the last one: the next Query then finds nothing and ends the listing.
  return agencies.length === limit ? { agencies, next: agencies.at(-1)! } : { agencies };
}
