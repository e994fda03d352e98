// The self-hosted web fonts as site assets: their archive keys (versioned by the font packages) and their bytes,
// read from the installed packages by whichever step publishes them (no run copies them through staging).
import { access, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import type { SiteAsset, SiteAssetSource } from '../publish/site-assets';
import { fontFiles } from '../render/font-faces';

const require = createRequire(import.meta.url);
const fontPackages = ['@fontsource/noto-serif-sc', '@fontsource/noto-sans-sc'];
/** A new font release gets new keys, so an asset key never changes meaning. */
const fontsVersion = [
  ...new Set(fontPackages.map((p) => (require(`${p}/package.json`) as { version: string }).version)),
].join('-');
export const fontAssetPrefix = `assets/fonts/${fontsVersion}/`;

export const fontAsset = (path: string): SiteAsset => ({
  key: `${fontAssetPrefix}${basename(path)}`,
  type: 'font/woff2',
});

export class UnknownSiteAssetError extends Error {
  override name = 'UnknownSiteAssetError';
}

export const fontSiteAssets: SiteAssetSource = {
  async read(key) {
    const name = key.startsWith(fontAssetPrefix) ? key.slice(fontAssetPrefix.length) : '';
    if (name && !name.includes('/')) {
      for (const directory of fontFiles().directories) {
        const path = join(directory, name);
        if (
          await access(path).then(
            () => true,
            () => false,
          )
        )
          return readFile(path);
      }
    }
    throw new UnknownSiteAssetError(`${key} is not a file of the installed font packages (${fontPackages.join(', ')})`);
  },
};
