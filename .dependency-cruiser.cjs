// Layering, checked by `npm run lint` (depcruise). Every folder says what it may import; the runtime tree
// (functions/, infra/) never reaches into the local stack, samples, tests, benches or scripts.
// tests/lint/layering.test.ts shows a forbidden import is reported.
/** @type {import('dependency-cruiser').IConfiguration} */

// node_modules may be a symlink (worktrees share one install): match the folder wherever it resolves.
const sdkAndBrowser = '(^|/)node_modules/(@aws-sdk/|puppeteer-core/|@sparticuz/)';

/** A forbidden import: `from` may not import `to` (dependency-cruiser's conditions); every rule is an error. */
const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

/** A layer in functions/ that may import only the listed folders of functions/ (itself included). */
const layer = (name, allowed, comment) =>
  forbid(
    `${name}-imports-${allowed.filter((folder) => folder !== name).join('-') || 'nothing-else'}`,
    comment,
    { path: `^functions/${name}/` },
    { path: '^functions/', pathNot: `^functions/(${allowed.join('|')})/` },
  );

module.exports = {
  forbidden: [
    forbid(
      'no-circular',
      'A cycle makes two modules one: load order and layering stop meaning anything.',
      {},
      {
        circular: true,
      },
    ),
    layer('core', ['core'], 'The functional core imports nothing of ours outside the core.'),
    layer('render', ['core', 'render'], 'Render imports the core only: ports for the rest.'),
    layer('publish', ['core', 'publish'], 'Publish imports the core only: ports for the rest.'),
    layer('statistics', ['core', 'statistics'], 'Statistics import and export: an application service over the core.'),
    layer(
      'pipeline',
      ['core', 'render', 'publish', 'statistics', 'pipeline'],
      'The pipeline composes the core, render, publish and statistics; adapters come in through its ports.',
    ),
    forbid(
      'adapters-implement-ports',
      'Adapters implement ports; the CLI and the handlers wire them, never the other way round.',
      { path: '^functions/adapters/' },
      { path: '^(functions/(cli|handlers)/|dev/)' },
    ),
    forbid(
      'handlers-are-entries',
      'functions/handlers are the Lambda entry points (a wiring layer, like the CLI): nothing but tests imports them.',
      { path: '^(functions/(?!handlers/)|infra/|dev/|bench/|scripts/|bin/)' },
      { path: '^functions/handlers/' },
    ),
    forbid(
      'core-does-no-io',
      'functions/core does no I/O (no Node built-ins): take what you need as arguments.',
      { path: '^functions/core/' },
      { dependencyTypes: ['core'] },
    ),
    forbid(
      'core-does-not-render',
      'functions/core is pure: AWS, the browser and HTML rendering live outside it.',
      { path: '^functions/core/' },
      { path: '(^|/)node_modules/(@aws-sdk/|puppeteer-core/|@sparticuz/|handlebars/|markdown-it|sanitize-html/)' },
    ),
    forbid(
      'no-sdk-or-browser',
      'Render, publish and statistics reach AWS and Chromium through ports only (adapters implement them).',
      { path: '^functions/(render|publish|statistics)/' },
      { path: sdkAndBrowser },
    ),
    forbid(
      'runtime-stays-runtime',
      'What is deployed never imports the local stack, samples, tests, benches or scripts.',
      { path: '^(functions|infra)/' },
      { path: '^(dev|samples|tests|bench|scripts)/' },
    ),
    forbid(
      'bench-without-tests',
      'Benches measure the product: shared fakes live in dev/, not among the tests.',
      { path: '^bench/' },
      { path: '^tests/' },
    ),
    forbid(
      'not-to-unresolvable',
      'An import that resolves to nothing is a typo or a missing dependency.',
      {},
      {
        couldNotResolve: true,
      },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|cdk\\.out|\\.local|templates/precompiled)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
