// What the archive's pages need from outside publishing, as ports: where an agency sits (level, region, parent; the
// CMS's Agency records later), the web fonts for a page's characters, and where the site lives.
import type { SiteAsset } from '../site-assets';

export interface AgencyPlacement {
  /** e.g. 省级, 市级, 县级. */
  readonly level: string;
  /** e.g. 山西省吕梁市. */
  readonly region: string;
  /** The code of the agency above it, if any. */
  readonly parent?: string;
}

export interface AgencyDirectory {
  get(code: string): Promise<AgencyPlacement | undefined>;
}

/** The default: knows no agency, so every agency is listed under 未分级/其他 (the CLI path knows only codes and names). */
export const unknownAgencies: AgencyDirectory = { get: async () => undefined };

export interface PageFontSource {
  /** The CSP font-src of the pages, e.g. 'self'. */
  readonly source: string;
  /** The @font-face rules covering a page's text, and the font files they refer to (published before the page). */
  faces(text: string): { readonly css: string; readonly assets: readonly SiteAsset[] };
}

/** No web fonts: pages fall back to the reader's serif (tests, and any caller that has no font files at hand). */
export const noFonts: PageFontSource = { source: "'self'", faces: () => ({ css: '', assets: [] }) };

export interface SiteSettings {
  readonly agencies: AgencyDirectory;
  readonly fonts: PageFontSource;
  /** The site's absolute URL, e.g. https://nianbao.example.cn: the Atom feed's links must be absolute. */
  readonly baseUrl: string;
  /**
   * Key prefix of the site-wide files (home page, feed, search index, bulk downloads): '' on the real site; a test
   * sharing a bucket with others gives itself its own.
   */
  readonly root: string;
}

/** Where a site with no configured URL says it is (a reserved name: never someone else's site). */
export const unconfiguredBaseUrl = 'https://nianbao.invalid';

export const defaultSiteSettings: SiteSettings = {
  agencies: unknownAgencies,
  fonts: noFonts,
  baseUrl: unconfiguredBaseUrl,
  root: '',
};
