// The archive's year page (index.html of a report's folder), from templates/public-view.hbs in the site's layout:
// script-free, the latest version first, then every version with its change note, downloads and version page.
import { agencyPageKey, hrefOf } from './site/site-keys';
import { renderSitePage, type RenderedPage } from './site/site-pages';
import { defaultSiteSettings, type SiteSettings } from './site/site-settings';
import type { PublicView } from './public-view';

export function renderPublicViewPage(
  view: PublicView,
  settings: SiteSettings = defaultSiteSettings,
  agencyName?: string,
): RenderedPage {
  return renderSitePage(
    'year',
    {
      ...view,
      pageTitle: `${view.title} · 历史版本`,
      ...(agencyName ? { agencyName, agencyHref: hrefOf(agencyPageKey(view.agency)) } : {}),
      versions: view.versions.map((v) => ({ ...v, date: v.publishedAt.slice(0, 10) })),
    },
    settings,
  );
}
