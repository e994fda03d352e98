// Where the archive's pages live. Files under v{n}/ never change; every page here is rewritten as publications
// arrive, so a version's page (with its "superseded" banner) sits beside its folder, not in it.
import { requireAgencyCode, requireReportYear } from '../../core/identifiers';
import { reportPrefix, type ReportKey } from '../archive-keys';

export const siteKeys = (root: string) => ({
  home: `${root}index.html`,
  feed: `${root}feed.xml`,
  searchIndex: `${root}search-index.json`,
  script: `${root}assets/site/search.js`,
  bulk: (year: number, name: string) => `${root}bulk/${requireReportYear(year)}/${name}`,
});

export const bulkJsonlName = 'reports.jsonl';

export const agencyPageKey = (agency: string): string => `reports/${requireAgencyCode(agency)}/index.html`;
export const yearPageKey = (key: ReportKey): string => `${reportPrefix(key)}index.html`;
export const versionPageKey = (key: ReportKey, version: number): string => `${reportPrefix(key)}v${version}.html`;
export const versionFileHref = (key: ReportKey, version: number, name: string): string =>
  `/${reportPrefix(key)}v${version}/${name}`;

/** A key as a link from any page of the site: root-relative, a folder's index.html as the folder. */
export const hrefOf = (key: string): string => `/${key.replace(/(^|\/)index\.html$/, '$1')}`;
