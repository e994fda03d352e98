// The Lambda bundles, made with the local esbuild (no Docker): one minified ESM file per function, plus the files
// a function reads at run time (fonts, WebAssembly, Chromium) laid out as node_modules so the code finds them where
// it finds them in development. Used by the stack (local bundling at synth), the tests and `npm run bench:bundles`.
import { buildSync } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
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
} as const;

export type FunctionName = keyof typeof functionEntries;

/** The file a function's code is in, in its bundle folder; the handler is `index.handler`. */
export const bundleFile = 'index.mjs';

/** Functions that read the web fonts (the fonts layer): render (the HTML's @font-face) and publish (site assets). */
export const usesFontsLayer: readonly FunctionName[] = ['render', 'publish'];

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

function bundle(entry: string, outfile: string, external: readonly string[] = []): void {
  buildSync({
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
  bundle(entry, join(outDir, bundleFile), render ? ['@sparticuz/chromium'] : []);
  if (render) {
    const nodeModules = join(outDir, 'node_modules');
    bundleChromium(nodeModules);
    // The print fonts (subset per report) and the subsetter.
    copyPackageFiles(nodeModules, [...printFaces.map((face) => face.file), 'harfbuzzjs/dist/harfbuzz-subset.wasm']);
  }
}

/**
 * The fonts layer (unpacked under /opt on Lambda, found through NODE_PATH's /opt/nodejs/node_modules): the woff2
 * subsets of the weights the report uses and their CSS. One copy for the render and publish functions.
 */
export function bundleFontsLayer(outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  const files = webFontFaces.flatMap(({ pkg, weights }) => {
    const dir = packageDir(pkg);
    const woff2 = readdirSync(join(dir, 'files')).filter((f) => weights.some((w) => f.endsWith(`-${w}-normal.woff2`)));
    return [...weights.map((w) => `${pkg}/${w}.css`), ...woff2.map((f) => `${pkg}/files/${f}`)];
  });
  copyPackageFiles(join(outDir, 'nodejs', 'node_modules'), files);
}

/** Bytes under a folder (what Lambda counts against its 250 MB unzipped limit). */
export function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}
