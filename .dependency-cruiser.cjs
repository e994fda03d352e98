// Layering, checked by `npm run lint` (depcruise). Every folder says what it may import; the runtime tree
// (functions/, infra/) never reaches into the local stack, samples, tests, benches or scripts.
// tests/lint/layering.test.ts shows a forbidden import is reported.
/** @type {import('dependency-cruiser').IConfiguration} */

// node_modules may be a symlink (worktrees share one install): match the folder wherever it resolves.
const sdkAndBrowser = '(^|/)node_modules/(@aws-sdk/|puppeteer-core/|@sparticuz/)';

/** A layer in functions/ that may import only the listed folders of functions/ (itself included). */
const layer = (name, allowed, comment) => ({
  name: `${name}-imports-${allowed.filter((folder) => folder !== name).join('-') || 'nothing-else'}`,
  comment,
  severity: 'error',
  from: { path: `^functions/${name}/` },
  to: { path: '^functions/', pathNot: `^functions/(${allowed.join('|')})/` },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one: load order and layering stop meaning anything.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    layer('core', ['core'], 'The functional core imports nothing of ours outside the core.'),
    layer('render', ['core', 'render'], 'Render imports the core only: ports for the rest.'),
    layer('publish', ['core', 'publish'], 'Publish imports the core only: ports for the rest.'),
    layer(
      'statistics',
      ['core', 'statistics'],
      'Statistics import and export is an application service over the core.',
    ),
    layer(
      'pipeline',
      ['core', 'render', 'publish', 'statistics', 'pipeline'],
      'The pipeline composes the core, render, publish and statistics; adapters come in through its ports.',
    ),
    {
      name: 'adapters-implement-ports',
      comment: 'Adapters implement ports; the CLI and the handlers wire them, never the other way round.',
      severity: 'error',
      from: { path: '^functions/adapters/' },
      to: { path: '^(functions/(cli|handlers)/|dev/)' },
    },
    {
      name: 'core-does-no-io',
      comment: 'functions/core does no I/O (no Node built-ins): take what you need as arguments.',
      severity: 'error',
      from: { path: '^functions/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-does-not-render',
      comment: 'functions/core is pure: AWS, the browser and HTML rendering live outside it.',
      severity: 'error',
      from: { path: '^functions/core/' },
      to: { path: '(^|/)node_modules/(@aws-sdk/|puppeteer-core/|@sparticuz/|handlebars/|markdown-it|sanitize-html/)' },
    },
    {
      name: 'no-sdk-or-browser-in-render-publish',
      comment: 'Render and publish reach AWS and Chromium through ports only (adapters implement them).',
      severity: 'error',
      from: { path: '^functions/(render|publish|statistics)/' },
      to: { path: sdkAndBrowser },
    },
    {
      name: 'runtime-stays-runtime',
      comment: 'What is deployed never imports the local stack, samples, tests, benches or scripts.',
      severity: 'error',
      from: { path: '^(functions|infra)/' },
      to: { path: '^(dev|samples|tests|bench|scripts)/' },
    },
    {
      name: 'bench-without-tests',
      comment: 'Benches measure the product: shared fakes live in dev/, not among the tests.',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^tests/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
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
