// The key schema of the one table (docs/data-model.md), shared by the CDK stack and the local table creation.
export const reportTableSchema = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Lists a year's statistics across agencies (batch publish, export); sparse: only statistics items carry the key. */
  statisticsByYear: { indexName: 'statisticsByYear', partitionKey: 'statisticsYear', sortKey: 'agency' },
} as const;
