// The Lambda bundles, made with the local esbuild (no Docker): one minified ESM file per function, plus the files
// a function reads at run time (fonts, WebAssembly, Chromium) laid out as node_modules so the code finds them where
// it finds them in development. Used by the stack (local bundling at synth), the tests and `npm run bench:bundles`.
import { buildSync } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteLibraries } from '../functions/publish/site/site-libraries';
import { webFontFaces } from '../functions/render/font-faces';
import { printFaces } from '../functions/render/print-fonts';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The functions: a step's name (pipeline-steps.ts) or an entry of the state machine. */
export const functionEntries = {
  assemble: 'assemble',
  validate: 'validate',
  render: 'render',
  publish: 'publish',
  updatePublicView: 'update-public-view',
  recordOutcome: 'record-outcome',
  startRun: 'start-run',
  checkReport: 'check-report',
  previewDraft: 'preview-draft',
  listAgencies: 'list-agencies',
  uploadStatistics: 'upload-statistics',
} as const;

export type FunctionName = keyof typeof functionEntries;

/** The file a function's code is in, in its bundle folder; the handler is `index.handler`. */
export const bundleFile = 'index.mjs';

/**
 * Functions that read the fonts layer: validate and checkReport (glyph coverage, rule F1), render (print subsets, the HTML's
 * @font-face), publish (the woff2 files as site assets), updatePublicView (the archive's pages carry the subsets of
 * their own characters, functions/adapters/site-fonts.ts) and previewDraft (both: the rules and the page's fonts).
 */
export const usesFontsLayer: readonly FunctionName[] = [
  'validate',
  'render',
  'publish',
  'updatePublicView',
  'checkReport',
  'previewDraft',
];

/**
 * Functions that build the archive's site pages, whose libraries (pinyin-pro, ECharts; site-libraries.ts) come from
 * the site-libraries layer. A bundle that keeps the code loading them is refused unless its function is listed here.
 */
export const usesSiteLibrariesLayer: readonly FunctionName[] = ['updatePublicView'];

/**
 * harfbuzzjs loads its WebAssembly from beside its own module, which in a bundle is the function's folder: the
 * bundle reads it from the fonts layer instead (resolved like the fonts, through NODE_PATH on Lambda).
 */
const wasmBesideModule = 'new URL("harfbuzz.wasm",import.meta.url).href';
const wasmFromLayer = 'require("node:url").pathToFileURL(require.resolve("harfbuzzjs/dist/harfbuzz.wasm")).href';

export class BundleError extends Error {
  override name = 'BundleError';
}

/** A package's folder in the installed node_modules (not every package exports its package.json). */
const packageDir = (name: string): string => join(repoRoot, 'node_modules', name);

/** Copies files of installed packages into `nodeModules`, each with its package.json (exports decide resolution). */
function copyPackageFiles(nodeModules: string, files: readonly string[]): void {
  for (const file of files) {
    const [scope = '', name = ''] = file.split('/');
    const pkg = scope.startsWith('@') ? `${scope}/${name}` : scope;
    const from = packageDir(pkg);
    const path = relative(pkg, file);
    for (const part of [path, 'package.json']) {
      mkdirSync(dirname(join(nodeModules, pkg, part)), { recursive: true });
      cpSync(join(from, part), join(nodeModules, pkg, part));
    }
  }
}

/**
 * sanitize-html loads postcss at start but calls it only for style attributes, which the Markdown allowlist never
 * allows (functions/render/markdown.ts, `parseStyleAttributes: false`): the bundles get a stand-in that throws if it
 * is ever called, and are ≈ 90 KB smaller (postcss and its source-map library).
 */
const bundleAliases = { postcss: join(repoRoot, 'infra', 'postcss-stand-in.cjs') };

function bundle(entry: string, outfile: string, external: readonly string[] = []): void {
  buildSync({
    alias: bundleAliases,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    // ESM first: the AWS SDK tree-shakes from its ES modules.
    mainFields: ['module', 'main'],
    external: [...external],
    legalComments: 'none',
    logLevel: 'warning',
    // CommonJS packages in an ES module bundle still call require().
    banner: { js: "import{createRequire as __nbRequire}from'node:module';const require=__nbRequire(import.meta.url);" },
  });
  const code = readFileSync(outfile, 'utf8');
  const uses = code.split(wasmBesideModule).length - 1;
  if (uses > 1) throw new BundleError(`${outfile}: harfbuzz.wasm is located ${uses} times; expected once`);
  if (uses === 0 && /harfbuzz\.wasm"/.test(code))
    throw new BundleError(`${outfile}: harfbuzzjs changed how it finds its wasm`);
  if (uses === 1) writeFileSync(outfile, code.replace(wasmBesideModule, wasmFromLayer));
}

/**
 * @sparticuz/chromium finds its compressed browser in `../bin` from its own module: it is bundled on its own, in
 * place, next to its bin folder, and the function imports it from node_modules.
 */
function bundleChromium(nodeModules: string): void {
  const from = packageDir('@sparticuz/chromium');
  const to = join(nodeModules, '@sparticuz', 'chromium');
  bundle(join(from, 'build', 'index.js'), join(to, 'build', 'index.js'));
  cpSync(join(from, 'package.json'), join(to, 'package.json'));
  cpSync(join(from, 'bin'), join(to, 'bin'), { recursive: true });
}

/** Writes the bundle of `name` into `outDir` (emptied first). */
export function bundleFunction(name: FunctionName, outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  const entry = join(repoRoot, 'functions', 'handlers', `${functionEntries[name]}.ts`);
  const render = name === 'render';
  const outfile = join(outDir, bundleFile);
  bundle(entry, outfile, render ? ['@sparticuz/chromium'] : []);
  const code = readFileSync(outfile, 'utf8');
  const required = siteLibraries.filter((library) => code.includes(JSON.stringify(library)));
  if (required.length > 0 && !usesSiteLibrariesLayer.includes(name))
    throw new BundleError(`${name} requires ${required.join(', ')} at run time but has no site-libraries layer`);
  if (render) {
    const nodeModules = join(outDir, 'node_modules');
    bundleChromium(nodeModules);
  }
}

/**
 * The fonts layer (unpacked under /opt on Lambda, found through NODE_PATH's /opt/nodejs/node_modules): the woff2
 * subsets of the weights the report uses and their CSS, the TrueType faces (print subsets, glyph coverage) and
 * HarfBuzz's WebAssembly. One copy for the validate, render and publish functions.
 */
export function bundleFontsLayer(outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  const files = webFontFaces.flatMap(({ pkg, weights }) => {
    const dir = packageDir(pkg);
    const woff2 = readdirSync(join(dir, 'files')).filter((f) => weights.some((w) => f.endsWith(`-${w}-normal.woff2`)));
    return [...weights.map((w) => `${pkg}/${w}.css`), ...woff2.map((f) => `${pkg}/files/${f}`)];
  });
  const tools = ['harfbuzzjs/dist/harfbuzz.wasm', 'harfbuzzjs/dist/harfbuzz-subset.wasm'];
  copyPackageFiles(join(outDir, 'nodejs', 'node_modules'), [...files, ...printFaces.map((f) => f.file), ...tools]);
}

/** Files of installed packages that Node loads when it requires `modules` (their imports followed, as Node would). */
function filesRequiredBy(modules: readonly string[]): string[] {
  const { metafile } = buildSync({
    stdin: { contents: modules.map((m) => `require(${JSON.stringify(m)});`).join('\n'), resolveDir: repoRoot },
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'cjs',
    // Node's resolution: no bundler-only "module" condition or field.
    conditions: ['node'],
    mainFields: ['main'],
    logLevel: 'warning',
  });
  // Paths are relative to the working folder, and node_modules may be a link to an install elsewhere.
  return Object.keys(metafile.inputs).flatMap((file) => {
    const at = file.lastIndexOf('node_modules/');
    return at === -1 ? [] : [file.slice(at + 'node_modules/'.length)];
  });
}

/**
 * The site-libraries layer (unpacked under /opt like the fonts layer, found through NODE_PATH): the files of
 * pinyin-pro, ECharts and their dependencies (zrender, tslib) that the site's pages require, with each package's
 * package.json files (they say which files are ES modules). Only for the functions that build the site's pages.
 */
export function bundleSiteLibrariesLayer(outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  const nodeModules = join(outDir, 'nodejs', 'node_modules');
  const files = filesRequiredBy(siteLibraries);
  copyPackageFiles(nodeModules, files);
  // A package.json below a package's root (tslib/modules/package.json: "type": "module") rules the files beside it.
  for (const file of files) {
    const nested = join(dirname(file), 'package.json');
    if (!existsSync(join(nodeModules, nested)) && existsSync(join(repoRoot, 'node_modules', nested)))
      cpSync(join(repoRoot, 'node_modules', nested), join(nodeModules, nested));
  }
}

/** Bytes under a folder (what Lambda counts against its 250 MB unzipped limit). */
export function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}
