// The archive's version index page (index.html), from templates/public-view.hbs: plain, script-free, the latest
// version first, then every version with its change note and downloads. Handlebars escapes what it prints.
import Handlebars from 'handlebars/runtime';
import * as precompiled from '../../templates/precompiled/public-view-templates';
import type { PublicView } from './public-view';

const template = Handlebars.create().template(precompiled.publicView);

export function renderPublicViewPage(view: PublicView): string {
  return template({ ...view, versions: view.versions.map((v) => ({ ...v, date: v.publishedAt.slice(0, 10) })) });
}
