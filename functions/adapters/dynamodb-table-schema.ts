// The key schema of the one table (docs/data-model.md), shared by the CDK stack and the local table creation.
export const reportTableSchema = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Lists a year's statistics across agencies (batch publish, export); sparse: only statistics items carry the key. */
  statisticsByYear: { indexName: 'statisticsByYear', partitionKey: 'statisticsYear', sortKey: 'agency' },
  /**
   * Every published version, by time (the archive's home page, feed and search index are rebuilt from it). Sparse:
   * markPublished sets the keys, so a slot still being written is not in it. Each version is its own item in its
   * agency's partition, so concurrent publishes of different agencies never write the same item.
   */
  publicationsByTime: {
    indexName: 'publicationsByTime',
    partitionKey: 'listing',
    sortKey: 'listedAt',
    /** What the site-wide pages need of a record; the files and validation stay in the table. */
    attributes: ['agency', 'year', 'version', 'publishedAt', 'changeNote', 'title', 'agencyName'],
  },
} as const;
