// Where a report lives in the archive bucket (and at the same path on the CDN).
// Versioned folders are immutable; the report folder's index and latest pointer are rewritten on each publish.
// Keys are built only from checked identifiers (functions/core/identifiers.ts): an unchecked one throws here.
import { requireAgencyCode, requireReportYear } from '../core/identifiers';

export interface ReportKey {
  readonly agency: string;
  readonly year: number;
}

/** Versioned files never change: a year of caching, and `immutable` so browsers don't even revalidate. */
export const immutableCacheControl = 'public, max-age=31536000, immutable';
/** The public view (latest pointer, indexes) changes on every publish: cache briefly. */
export const shortCacheControl = 'public, max-age=60';

export const reportPrefix = (key: ReportKey): string =>
  `reports/${requireAgencyCode(key.agency)}/${requireReportYear(key.year)}/`;
export const versionPrefix = (key: ReportKey, version: number): string => `${reportPrefix(key)}v${version}/`;
export const versionFileKey = (key: ReportKey, version: number, name: string): string =>
  `${versionPrefix(key, version)}${name}`;
export const manifestName = 'manifest.json';

/** The public view of one report: what changes when a version is published. */
export const publicViewKeys = (key: ReportKey) => ({
  latest: `${reportPrefix(key)}latest.json`,
  indexHtml: `${reportPrefix(key)}index.html`,
  indexJson: `${reportPrefix(key)}index.json`,
});

/** CDN paths to invalidate after the public view changed (the folder URL serves index.html). */
export function publicViewPaths(key: ReportKey): string[] {
  const keys = publicViewKeys(key);
  return [`/${reportPrefix(key)}`, `/${keys.latest}`, `/${keys.indexHtml}`, `/${keys.indexJson}`];
}
