// The one DynamoDB table of docs/data-model.md: statistics, and version slots (which are the publication records;
// the latest version is the highest published slot, no pointer item).
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { reportTableSchema } from '../../functions/adapters/dynamodb-table-schema';

export class ReportTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const { partitionKey, sortKey, statisticsByYear, publicationsByTime: byTime } = reportTableSchema;
    this.table = new Table(this, 'Table', {
      partitionKey: { name: partitionKey, type: AttributeType.STRING },
      sortKey: { name: sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Publication records are public records: the table outlives the stack.
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: statisticsByYear.indexName,
      partitionKey: { name: statisticsByYear.partitionKey, type: AttributeType.NUMBER },
      sortKey: { name: statisticsByYear.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: byTime.indexName,
      partitionKey: { name: byTime.partitionKey, type: AttributeType.STRING },
      sortKey: { name: byTime.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.INCLUDE,
      nonKeyAttributes: [...byTime.attributes],
    });
  }
}
