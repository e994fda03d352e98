// The public view of one report: latest.json (the pointer) and the archive index (every published version).
// Pure: built from publication records; the publisher writes it with a short cache lifetime.
import { manifestName, type ReportKey } from './archive-keys';
import type { PublicationRecord } from './ports';

export interface PublicVersion {
  readonly version: number;
  readonly publishedAt: string;
  readonly changeNote: string | null;
  readonly html: string;
  readonly pdf: string;
  readonly manifest: string;
  /** Every file of the version (HTML, PDF, JSON, the CSV tables) and its manifest, for the public to download. */
  readonly downloads: readonly { readonly name: string; readonly href: string; readonly label: string }[];
}

/** How a download is named to the public, by the file's type. */
function downloadLabel(name: string): string {
  if (name.endsWith('.html')) return '网页版';
  if (name.endsWith('.pdf')) return 'PDF';
  if (name === manifestName) return '文件清单（SHA-256）';
  if (name.endsWith('.json')) return '数据（JSON）';
  if (name.endsWith('.csv')) return `表格 ${name}`;
  return name;
}

export interface PublicView {
  readonly agency: string;
  readonly year: number;
  readonly title: string;
  /** As the newest version names it (the agency's code before anything is published). */
  readonly agencyName: string;
  readonly latest: PublicVersion | null;
  /** Newest first. */
  readonly versions: readonly PublicVersion[];
}

const publicVersion = (r: PublicationRecord): PublicVersion => ({
  version: r.version,
  publishedAt: r.publishedAt,
  changeNote: r.changeNote,
  // Relative to the report folder, so the same files work behind any host.
  html: `v${r.version}/report.html`,
  pdf: `v${r.version}/report.pdf`,
  manifest: `v${r.version}/${manifestName}`,
  downloads: [...r.files.map((f) => f.name), manifestName].map((name) => ({
    name,
    href: `v${r.version}/${name}`,
    label: downloadLabel(name),
  })),
});

/** Every published version is public (a record is marked published only once its files are all written); the newest is the latest. */
export function buildPublicView(key: ReportKey, records: readonly PublicationRecord[]): PublicView {
  const visible = [...records].sort((a, b) => b.version - a.version);
  const newest = visible[0];
  return {
    agency: key.agency,
    year: key.year,
    title: newest?.title ?? `${key.agency} ${key.year}`,
    agencyName: newest?.agencyName ?? key.agency,
    latest: newest ? publicVersion(newest) : null,
    versions: visible.map(publicVersion),
  };
}
