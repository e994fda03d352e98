// Item keys of the single nianbao table (docs/data-model.md): everything about an agency under one partition.
// Keys are built only from checked identifiers (functions/core/identifiers.ts): an unchecked one throws here.
import { requireAgencyCode, requireReportYear } from '../core/identifiers';
import type { ReportKey } from '../publish/archive-keys';

export const agencyPk = (agency: string) => `AGENCY#${requireAgencyCode(agency)}`;
export const yearPrefix = (year: number) => `YEAR#${requireReportYear(year)}#`;
export const statisticsSk = (year: number) => `${yearPrefix(year)}STATISTICS`;
/** Zero-padded so versions sort numerically and the newest is the last in the partition. */
export const versionSk = (year: number, version: number) =>
  `${yearPrefix(year)}VERSION#${String(version).padStart(6, '0')}`;
export const versionSkPrefix = (year: number) => `${yearPrefix(year)}VERSION#`;

export const reportItemKey = (report: ReportKey, sk: string) => ({ pk: agencyPk(report.agency), sk });

/** The one partition of the publicationsByTime index: every published version. */
export const publicationListing = 'PUBLISHED';
/** Sorts by publication time; the rest makes each version's key unique. */
export const publicationListedAt = (report: ReportKey, version: number, publishedAt: string) =>
  `${publishedAt}#${requireAgencyCode(report.agency)}#${requireReportYear(report.year)}#${String(version).padStart(6, '0')}`;
