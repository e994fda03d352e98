// The print page's policy, without a browser: our font files in the allowed folders, nothing else.
import { describe, expect, it } from 'vitest';
import { isAllowedAsset } from '../../functions/render/request-guard';

const fonts = ['/tmp/nianbao-fonts-x', '/opt/fonts'];

describe('isAllowedAsset', () => {
  it('allows a font file directly in an allowed folder', () => {
    expect(isAllowedAsset('file:///tmp/nianbao-fonts-x/serif-400.ttf', fonts)).toBe(true);
    expect(isAllowedAsset('file:///opt/fonts/sans-700.woff2', fonts)).toBe(true);
  });

  it.each([
    ['http(s)', 'https://example.org/font.woff2'],
    ['another folder', 'file:///etc/fonts/x.ttf'],
    ['a sub-folder', 'file:///opt/fonts/sub/x.ttf'],
    ['a way out', 'file:///opt/fonts/../secret/x.ttf'],
    ['an encoded way out', 'file:///opt/fonts/%2e%2e/secret/x.ttf'],
    ['not a font', 'file:///opt/fonts/passwd'],
    ['a data: URL', 'data:font/woff2;base64,AAAA'],
    ['the folder itself', 'file:///opt/fonts'],
  ])('refuses %s', (_what, url) => {
    expect(isAllowedAsset(url, fonts)).toBe(false);
  });
});
