// The archive pages' web fonts: the same self-hosted subsets as the reports (assets/fonts/), only those covering a
// page's characters.
import type { PageFontSource } from '../publish/site/site-settings';
import { distinctCharacters } from '../render/distinct-characters';
import { fontFiles } from '../render/font-faces';
import { fontAsset, fontAssetPrefix } from './font-site-assets';

export const siteFonts: PageFontSource = {
  source: "'self'",
  faces(text) {
    const characters = distinctCharacters(text);
    const fonts = fontFiles();
    return { css: fonts.css(() => `/${fontAssetPrefix}`, characters), assets: fonts.files(characters).map(fontAsset) };
  },
};
