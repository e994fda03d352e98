// Statistics that do not add up, stored for an agency: its sample report with a received total no row sums to, so
// assembling its narrative finds an R1 error on applications.received.total.
import { splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import type { StatisticsRepository } from '../../functions/statistics/statistics-repository';
import { withCells } from '../core/report-builders';
import { sampleReport } from '../publish/publish-scenarios';

export const storeUnbalancedStatistics = (statistics: Pick<StatisticsRepository, 'put'>, agency: string) =>
  statistics.put(splitReport(withCells(sampleReport(agency), { 'applications.received.total': 999 })).statistics);
