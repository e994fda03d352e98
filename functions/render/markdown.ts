// Editor Markdown → safe HTML. markdown-it with raw HTML off, then an allowlist sanitizer as a second wall:
// whatever an editor types, the output holds only these tags, no attributes but safe link targets, no URLs
// that load anything (no img, no iframe, no style).
import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import sanitizeHtml from 'sanitize-html';

// Standard CommonMark does not close `**…。**` before a CJK character; the plugin fixes that.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(cjkFriendly);
// Images would make the printer fetch: markdown-it's image rule goes, the sanitizer drops <img> anyway.
markdown.disable(['image']);

const allowlist: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'blockquote', 'code'],
  allowedAttributes: { a: ['href'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  // No style attribute is allowed, so there is no CSS to parse (and the Lambda bundles leave the CSS parser out).
  parseStyleAttributes: false,
};

/** Renders one narrative body. The result is safe to insert unescaped. */
export function renderMarkdown(text: string): string {
  return sanitizeHtml(markdown.render(text), allowlist);
}
