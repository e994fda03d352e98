// What the Lambda bundles get instead of postcss (infra/function-bundles.ts): sanitize-html loads it at start but
// parses CSS only for style attributes, which the Markdown allowlist never allows.
module.exports.parse = () => {
  throw new Error('postcss is not bundled: the Markdown allowlist allows no style attribute');
};
