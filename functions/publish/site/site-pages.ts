// The archive's pages from their precompiled templates (templates/site/, `npm run build:templates`): one layout, the
// site's CSS inline, web fonts for exactly the page's characters, no script except the home page's search (a file).
import Handlebars from 'handlebars/runtime';
import * as precompiled from '../../../templates/precompiled/public-view-templates';
import type { SiteAsset } from '../site-assets';
import type { SiteSettings } from './site-settings';
import { hrefOf, siteKeys } from './site-keys';

const handlebars = Handlebars.create();
const layout = {
  head: handlebars.template(precompiled.partials['layout-head']),
  foot: handlebars.template(precompiled.partials['layout-foot']),
};

const templates = {
  year: handlebars.template(precompiled.publicView),
  home: handlebars.template(precompiled.home),
  agency: handlebars.template(precompiled.agency),
  version: handlebars.template(precompiled.version),
};

export type PageKind = keyof typeof templates;

export const searchScript: string = precompiled.searchScript;

export interface RenderedPage {
  readonly html: string;
  /** Font files the page refers to. */
  readonly assets: readonly SiteAsset[];
}

export interface PageModel {
  readonly pageTitle: string;
  /** Path of the page's script (the home page's search), if any. */
  readonly script?: string;
  readonly [field: string]: unknown;
}

export function renderSitePage(kind: PageKind, model: PageModel, settings: SiteSettings): RenderedPage {
  const keys = siteKeys(settings.root);
  const site = {
    home: hrefOf(keys.home),
    feed: hrefOf(keys.feed),
    css: precompiled.css,
    fontSource: settings.fonts.source,
  };
  // The body once; the head without fonts to learn the page's characters, then with the faces that cover them.
  const context = { ...model, site: { ...site, fontFaces: '' } };
  const body = templates[kind](context);
  const foot = layout.foot(context);
  const bare = layout.head(context);
  const fonts = settings.fonts.faces(`${bare}${body}${foot}`);
  const head = fonts.css === '' ? bare : layout.head({ ...context, site: { ...context.site, fontFaces: fonts.css } });
  return { html: `${head}${body}${foot}`, assets: fonts.assets };
}
