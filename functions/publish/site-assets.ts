// Files the published HTML refers to (the self-hosted woff2 fonts), shared by every report under assets/.
// Their keys carry the font package version, so a key always means the same bytes: written once, cached for a year.
import { immutableCacheControl } from './archive-keys';
import type { ArtifactStore } from './ports';

/** A file the published HTML needs, by its bucket key: plain data, so it can travel in a run's state. */
export interface SiteAsset {
  /** Bucket key, e.g. assets/fonts/5.3.0/noto-serif-sc-101-400-normal.woff2 */
  readonly key: string;
  readonly type: string;
}

/**
 * Where a site asset's bytes come from: the installed font packages (deployed with the code), not the run's
 * staging area — they are the same files for every report, so no run copies them.
 */
export interface SiteAssetSource {
  read(key: string): Promise<Uint8Array>;
}

// Keys this process has seen in each bucket: after the first report, publishing costs no request for fonts.
const presentIn = new WeakMap<ArtifactStore, Set<string>>();

export async function publishSiteAssets(
  store: ArtifactStore,
  assets: readonly SiteAsset[],
  source: SiteAssetSource,
  parallel = 8,
): Promise<void> {
  let present = presentIn.get(store);
  if (!present) presentIn.set(store, (present = new Set()));
  const missing = assets.filter((a) => !present.has(a.key));
  let next = 0;
  const worker = async () => {
    while (next < missing.length) {
      const asset = missing[next++] as SiteAsset;
      const options = { contentType: asset.type, cacheControl: immutableCacheControl };
      await store.putNew(asset.key, await source.read(asset.key), options);
      present.add(asset.key);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, missing.length) }, worker));
}
