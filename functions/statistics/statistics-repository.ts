// The statistics port: the tables of each agency and year, as imported (`nianbao stats import`) and merged at publish.
import type { StatisticsRecord } from '../core/merge/merge-report';

export interface StatisticsRepository {
  put(record: StatisticsRecord): Promise<void>;
  get(agency: string, year: number): Promise<StatisticsRecord | undefined>;
  /** Every agency's statistics for a year (batch publish, export). */
  listYear(year: number): Promise<StatisticsRecord[]>;
}
