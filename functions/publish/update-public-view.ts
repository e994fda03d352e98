// Moving a report's public view (latest.json, index.json, index.html) to what the publication records say, after a
// version was marked published. Its own step: a crash before or inside it leaves the view on the previous complete
// version, and running it again (a rerun of the same inputs) repairs the view.
import { publicViewKeys, publicViewPaths, shortCacheControl, type ReportKey } from './archive-keys';
import { encodeJson } from './manifest';
import type { ArtifactStore, CdnInvalidator, PublicationRepository } from './ports';
import { buildPublicView, type PublicView } from './public-view';
import { renderPublicViewPage } from './public-view-page';
import type { PublishOutcome, PublishTuning } from './publish-version';
import { publishSiteAssets, type SiteAssetSource } from './site-assets';
import { defaultSiteSettings, type SiteSettings } from './site/site-settings';

export interface PublicViewDeps {
  readonly store: ArtifactStore;
  readonly publications: PublicationRepository;
  readonly cdn: CdnInvalidator;
  readonly fault?: PublishTuning['fault'];
  /** The site's settings (fonts, links) for the year page; without them it is plain (no web fonts). */
  readonly site?: SiteSettings;
  readonly siteAssets?: SiteAssetSource;
}

const sameView = (a: PublicView, b: PublicView | undefined) => JSON.stringify(a) === JSON.stringify(b);

function parseView(body: Uint8Array | undefined): PublicView | undefined {
  try {
    return body && (JSON.parse(new TextDecoder().decode(body)) as PublicView);
  } catch {
    return undefined; // half-written by a stand-in without atomic PUTs: treat as stale
  }
}

// Publishers in one process take turns on a report's public view (S3 PUTs to one key race; s3rver's are not even
// atomic).
const viewLocks = new Map<string, Promise<void>>();
async function withViewLock(key: ReportKey, work: () => Promise<void>): Promise<void> {
  const id = `${key.agency}/${key.year}`;
  const previous = viewLocks.get(id) ?? Promise.resolve();
  const current = previous.then(work, work);
  const settled = current.catch(() => undefined);
  viewLocks.set(id, settled);
  try {
    await current;
  } finally {
    if (viewLocks.get(id) === settled) viewLocks.delete(id);
  }
}

/**
 * Rewrites the public view until what the bucket shows is what the repository says: another process may write an
 * older view after ours, but then its own check sees the difference. `reused` (a repeat of published inputs): the
 * view is probably current, so it is compared first and nothing is written when it is; a new version cannot be in
 * the view yet, so it is written at once (from its record alone when it is the report's only version).
 */
export async function updatePublicView(
  key: ReportKey,
  publication: Pick<PublishOutcome, 'reused' | 'onlyVersion'>,
  deps: PublicViewDeps,
): Promise<void> {
  await deps.fault?.('before-latest');
  const readView = async () => buildPublicView(key, await deps.publications.listPublished(key));
  await withViewLock(key, async () => {
    let view = publication.onlyVersion ? buildPublicView(key, [publication.onlyVersion]) : await readView();
    if (publication.reused && sameView(view, parseView(await deps.store.get(publicViewKeys(key).indexJson)))) return;
    // Write, then re-read the records: if they moved meanwhile (another publisher), write again. The last writer
    // always re-reads after its write, so the bucket ends on the newest state.
    for (let attempt = 0; attempt < 10; attempt++) {
      await writePublicView(key, view, deps);
      const now = await readView();
      if (sameView(now, view)) break;
      view = now;
    }
    await deps.cdn.invalidate(publicViewPaths(key));
  });
}

async function writePublicView(key: ReportKey, view: PublicView, deps: PublicViewDeps): Promise<void> {
  const { store, fault } = deps;
  const keys = publicViewKeys(key);
  const json = { contentType: 'application/json', cacheControl: shortCacheControl };
  const page = renderPublicViewPage(view, deps.site ?? defaultSiteSettings, view.latest ? view.agencyName : undefined);
  if (deps.siteAssets) await publishSiteAssets(store, page.assets, deps.siteAssets);
  // index.json last: when it is current, the others were written before it.
  await Promise.all([
    store.put(keys.indexHtml, new TextEncoder().encode(page.html), {
      contentType: 'text/html; charset=utf-8',
      cacheControl: shortCacheControl,
    }),
    store.put(keys.latest, encodeJson(view.latest), json),
  ]);
  await fault?.('before-index');
  await store.put(keys.indexJson, encodeJson(view), json);
}
