// Version slots and publication records in DynamoDB, with conditional writes only
// (dynalite has no transactions, and none are needed: each step is one conditional item write).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReportKey } from '../publish/archive-keys';
import type { PublicationRecord, PublicationRepository, PublishedFields, VersionSlot } from '../publish/ports';
import type { PublicationEntry } from '../publish/ports';
import { queryAll } from './dynamodb-client';
import {
  agencyPk,
  publicationListing,
  publicationListedAt,
  reportItemKey,
  versionSk,
  versionSkPrefix,
} from './dynamodb-keys';
import { reportTableSchema } from './dynamodb-table-schema';

const conditionFailed = (error: unknown) =>
  error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException';

/** Runs a conditional write; false when the condition did not hold. */
async function conditional(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

const itemOnlyFields = new Set(['pk', 'sk', 'kind', 'agency', 'year']);

function toSlot(item: Record<string, unknown>): VersionSlot | PublicationRecord {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !itemOnlyFields.has(k))) as unknown as
    VersionSlot | PublicationRecord;
}

export class MissingIndexError extends Error {
  override name = 'MissingIndexError';
}

export class DynamoPublicationRepository implements PublicationRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async topSlot(report: ReportKey): Promise<VersionSlot | undefined> {
    const out = await this.client.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': agencyPk(report.agency), ':prefix': versionSkPrefix(report.year) },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = out.Items?.[0];
    return item && toSlot(item);
  }

  claimSlot(report: ReportKey, slot: VersionSlot): Promise<boolean> {
    return conditional(() =>
      this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...reportItemKey(report, versionSk(report.year, slot.version)),
            kind: 'version',
            agency: report.agency,
            year: report.year,
            ...slot,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  takeOverSlot(report: ReportKey, slot: VersionSlot, owner: string, leaseUntil: number): Promise<boolean> {
    return conditional(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: reportItemKey(report, versionSk(report.year, slot.version)),
          UpdateExpression: 'SET #owner = :owner, leaseUntil = :lease',
          ConditionExpression: '#status = :writing AND #owner = :was AND leaseUntil = :wasLease',
          ExpressionAttributeNames: { '#owner': 'owner', '#status': 'status' },
          ExpressionAttributeValues: {
            ':owner': owner,
            ':lease': leaseUntil,
            ':writing': 'writing',
            ':was': slot.owner,
            ':wasLease': slot.leaseUntil,
          },
        }),
      ),
    );
  }

  async releaseSlot(report: ReportKey, version: number, owner: string): Promise<void> {
    await conditional(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: reportItemKey(report, versionSk(report.year, version)),
          UpdateExpression: 'SET leaseUntil = :zero',
          ConditionExpression: '#status = :writing AND #owner = :owner',
          ExpressionAttributeNames: { '#owner': 'owner', '#status': 'status' },
          ExpressionAttributeValues: { ':zero': 0, ':writing': 'writing', ':owner': owner },
        }),
      ),
    );
  }

  markPublished(report: ReportKey, version: number, owner: string, fields: PublishedFields): Promise<boolean> {
    const { publicationsByTime: byTime } = reportTableSchema;
    const names: Record<string, string> = {
      '#status': 'status',
      '#owner': 'owner',
      '#listing': byTime.partitionKey,
      '#listedAt': byTime.sortKey,
    };
    const values: Record<string, unknown> = {
      ':published': 'published',
      ':owner': owner,
      ':listing': publicationListing,
      ':listedAt': publicationListedAt(report, version, fields.publishedAt),
    };
    // The index keys go in with the status: a version is listed exactly when it is published.
    const sets = ['#status = :published', '#listing = :listing', '#listedAt = :listedAt'];
    for (const [i, [name, value]] of Object.entries(fields).entries()) {
      names[`#f${i}`] = name;
      values[`:f${i}`] = value;
      sets.push(`#f${i} = :f${i}`);
    }
    return conditional(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: reportItemKey(report, versionSk(report.year, version)),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: '#owner = :owner',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      ),
    );
  }

  async listPublished(report: ReportKey): Promise<PublicationRecord[]> {
    const items = await queryAll(this.client, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: '#status = :published',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':pk': agencyPk(report.agency),
        ':prefix': versionSkPrefix(report.year),
        ':published': 'published',
      },
      ConsistentRead: true,
    });
    // Records published before agencyName was kept name the agency by its code.
    return items.map((item) => {
      const record = toSlot(item) as Omit<PublicationRecord, 'agencyName'> & { agencyName?: string };
      return { ...record, agencyName: record.agencyName ?? report.agency };
    });
  }

  async listEveryPublication(): Promise<PublicationEntry[]> {
    const { publicationsByTime: byTime } = reportTableSchema;
    const items = await queryAll(this.client, {
      TableName: this.table,
      IndexName: byTime.indexName,
      KeyConditionExpression: '#listing = :listing',
      ExpressionAttributeNames: { '#listing': byTime.partitionKey },
      ExpressionAttributeValues: { ':listing': publicationListing },
      ScanIndexForward: false,
    }).catch((error: unknown) => {
      if (!/specified index/i.test((error as Error).message)) throw error;
      throw new MissingIndexError(
        `table ${this.table} has no index ${byTime.indexName}: it was created before the archive's index (locally: delete .local/ and start again; on AWS: deploy the stack)`,
        { cause: error },
      );
    });
    return items.map((item) => {
      const { agency, year, version, publishedAt, changeNote, title, agencyName } = item as unknown as PublicationEntry;
      return { agency, year, version, publishedAt, changeNote, title, agencyName };
    });
  }
}
