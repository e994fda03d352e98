// The archive as the site shows it, from publication entries alone (pure): agencies with their years and versions,
// grouped by level and region, and the latest publications and corrections.
import type { ReportKey } from '../archive-keys';
import type { PublicationEntry } from '../ports';
import type { AgencyPlacement } from './site-settings';

export interface SiteReport extends ReportKey {
  /** Newest first. */
  readonly versions: readonly PublicationEntry[];
}

export interface SiteAgency {
  readonly code: string;
  /** As its newest publication names it. */
  readonly name: string;
  /** Newest year first. */
  readonly reports: readonly SiteReport[];
}

const newestFirst = (a: PublicationEntry, b: PublicationEntry) =>
  a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : b.version - a.version;

/** One entry per version (an index may list a version twice while it catches up); newest first. */
export function distinctEntries(entries: readonly PublicationEntry[]): PublicationEntry[] {
  const byId = new Map<string, PublicationEntry>();
  for (const e of entries) byId.set(`${e.agency}/${e.year}/${e.version}`, e);
  return [...byId.values()].sort(newestFirst);
}

/** Agencies by name (then code), each with its reports newest year first and versions newest first. */
export function siteAgencies(entries: readonly PublicationEntry[]): SiteAgency[] {
  const byAgency = new Map<string, Map<number, PublicationEntry[]>>();
  for (const e of distinctEntries(entries)) {
    let years = byAgency.get(e.agency);
    if (!years) byAgency.set(e.agency, (years = new Map<number, PublicationEntry[]>()));
    const versions = years.get(e.year);
    if (versions) versions.push(e);
    else years.set(e.year, [e]);
  }
  const agencies = [...byAgency].map(([code, years]): SiteAgency => {
    const reports = [...years]
      .map(([year, versions]) => ({ agency: code, year, versions: versions.sort((a, b) => b.version - a.version) }))
      .sort((a, b) => b.year - a.year);
    const newest = reports.flatMap((r) => r.versions).sort(newestFirst)[0]!;
    return { code, name: newest.agencyName, reports };
  });
  return agencies.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a.code < b.code ? -1 : 1));
}

export const unplacedHeading = '未分级/其他';
/** Levels in the order of the administrative hierarchy; any other level follows them, alphabetically. */
const levelOrder = ['中央', '国家级', '省级', '地市级', '市级', '县级', '区县级', '乡镇级', '乡级'];

export interface PlacedGroup<A> {
  readonly level: string;
  readonly regions: readonly { readonly region: string; readonly agencies: readonly A[] }[];
}

/** Agencies grouped by level, then region (keeping the agencies' order inside each); unplaced ones last, as one group. */
export function groupByPlacement<A extends { readonly code: string }>(
  agencies: readonly A[],
  placements: ReadonlyMap<string, AgencyPlacement>,
): PlacedGroup<A>[] {
  const levels = new Map<string, Map<string, A[]>>();
  for (const agency of agencies) {
    const placement = placements.get(agency.code);
    const level = placement?.level ?? unplacedHeading;
    const region = placement?.region ?? '';
    let regions = levels.get(level);
    if (!regions) levels.set(level, (regions = new Map<string, A[]>()));
    const list = regions.get(region);
    if (list) list.push(agency);
    else regions.set(region, [agency]);
  }
  const rank = (level: string) =>
    level === unplacedHeading
      ? levelOrder.length + 1
      : levelOrder.includes(level)
        ? levelOrder.indexOf(level)
        : levelOrder.length;
  return [...levels]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN'))
    .map(([level, regions]) => ({
      level,
      regions: [...regions]
        .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
        .map(([region, list]) => ({ region, agencies: list })),
    }));
}
