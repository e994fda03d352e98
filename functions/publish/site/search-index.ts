// The search index the home page's script filters (templates/site/search.js): one compact row per agency, with the
// pinyin initials of its name computed here, at publish time, so the reader's phone loads no dictionary.
import type { SiteAgency } from './site-model';
import { pinyinPro } from './site-libraries';
import type { AgencyPlacement } from './site-settings';

/** Each agency: [code, name, pinyin initials, region index (-1: none), years, href]. */
export type SearchRow = [string, string, string, number, number[], string];

export interface SearchIndex {
  readonly regions: readonly string[];
  readonly years: readonly number[];
  readonly agencies: readonly SearchRow[];
}

/** 离石区 → lsq; letters and digits kept, lower case. */
export const pinyinInitials = (name: string): string =>
  pinyinPro()
    .pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

export function buildSearchIndex(
  agencies: readonly SiteAgency[],
  placements: ReadonlyMap<string, AgencyPlacement>,
  href: (code: string) => string,
): SearchIndex {
  const regions = [...new Set([...placements.values()].map((p) => p.region))].sort((a, b) =>
    a.localeCompare(b, 'zh-CN'),
  );
  const years = [...new Set(agencies.flatMap((a) => a.reports.map((r) => r.year)))].sort((a, b) => b - a);
  return {
    regions,
    years,
    agencies: agencies.map((a): SearchRow => {
      const region = placements.get(a.code)?.region;
      return [
        a.code,
        a.name,
        pinyinInitials(a.name),
        region === undefined ? -1 : regions.indexOf(region),
        a.reports.map((r) => r.year),
        href(a.code),
      ];
    }),
  };
}
