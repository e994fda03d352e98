// npm run bench:bundles [-- RUNS] — the Lambda bundles as deployed (infra/function-bundles.ts): each function's code
// size (unzipped, and ≈ zipped: deflate per file, as a zip stores them), with the layers it uses (fonts; the site's
// libraries for updatePublicView), and its cold init measured locally: a fresh `node` importing the bundle with
// Lambda-like variables, median of RUNS (default 5). Limits checked: every function but render ≤ 1 MB of code; every
// function's code + layers ≤ 250 MB unzipped (Lambda's limit).
// The render function's init excludes Chromium, which starts on its first report (≈ 1.7 s to unpack, once).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import {
  bundleFile,
  bundleFontsLayer,
  bundleFunction,
  bundleSiteLibrariesLayer,
  folderBytes,
  functionEntries,
  repoRoot,
  usesFontsLayer,
  usesSiteLibrariesLayer,
  type FunctionName,
} from '../infra/function-bundles';

const runs = Number(process.argv[2] ?? 5);
const out = join(repoRoot, '.local', 'bundles');
const layers = [
  { name: 'fonts', dir: join(out, 'fonts-layer'), build: bundleFontsLayer, users: usesFontsLayer },
  {
    name: 'site libraries',
    dir: join(out, 'site-libraries-layer'),
    build: bundleSiteLibrariesLayer,
    users: usesSiteLibrariesLayer,
  },
];
const MB = 1024 * 1024;
const codeLimit = 1 * MB;
const unzippedLimit = 250 * MB;

function zippedBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + deflateRawSync(readFileSync(join(entry.parentPath, entry.name))).length, 0);
}

/** Milliseconds from a fresh process's start to the bundle imported (its module-level wiring done). */
function coldInitMs(name: FunctionName): number {
  const probe = join(out, 'probe.mjs');
  writeFileSync(
    probe,
    `const t0 = performance.now();\nawait import(process.argv[2]);\n` +
      `process.stdout.write(JSON.stringify({ importMs: performance.now() - t0, sinceStartMs: performance.now() }));\n`,
  );
  const env = {
    PATH: process.env.PATH ?? '',
    // On Lambda the layers unpack into one /opt; here each has its own folder.
    NODE_PATH: layers.map((l) => join(l.dir, 'nodejs', 'node_modules')).join(delimiter),
    AWS_REGION: 'cn-north-1',
    AWS_LAMBDA_FUNCTION_NAME: `nianbao-${functionEntries[name]}`,
    NIANBAO_TABLE: 'table',
    NIANBAO_BUCKET: 'archive',
    NIANBAO_STAGING_BUCKET: 'staging',
    NIANBAO_STATE_MACHINE_ARN: 'arn:aws-cn:states:cn-north-1:123456789012:stateMachine:run',
    NIANBAO_HANDOVER_SECRET_ARN: 'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:handover',
    NIANBAO_PUBLIC_BASE_URL: 'https://nianbao.example.gov.cn',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const samples = Array.from({ length: runs }, () => {
    const text = execFileSync(process.execPath, [probe, join(out, name, bundleFile)], { env, encoding: 'utf8' });
    return (JSON.parse(text) as { importMs: number }).importMs;
  }).sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

mkdirSync(out, { recursive: true });
const layerBytes = layers.map((l) => {
  l.build(l.dir);
  return folderBytes(l.dir);
});
const rows: string[][] = [];
let ok = true;
for (const name of Object.keys(functionEntries) as FunctionName[]) {
  bundleFunction(name, join(out, name));
  const code = folderBytes(join(out, name));
  const used = layers.flatMap((l, i) => (l.users.includes(name) ? [layerBytes[i]!] : []));
  const withLayers = used.reduce((sum, bytes) => sum + bytes, code);
  const within = withLayers <= unzippedLimit && (name === 'render' || code <= codeLimit);
  ok &&= within;
  rows.push([
    name,
    (code / MB).toFixed(2),
    (zippedBytes(join(out, name)) / MB).toFixed(2),
    used.length > 0 ? (withLayers / MB).toFixed(1) : '-',
    coldInitMs(name).toFixed(0),
    within ? 'ok' : withLayers > unzippedLimit ? 'OVER 250 MB' : 'OVER 1 MB',
  ]);
}
const header = ['function', 'code MB', '≈zip MB', '+layers MB', 'init ms', 'limit'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(line(header));
for (const row of rows) console.log(line(row));
layers.forEach((l, i) =>
  console.log(
    `${l.name} layer: ${(layerBytes[i]! / MB).toFixed(1)} MB unzipped, ≈ ${(zippedBytes(l.dir) / MB).toFixed(1)} MB ` +
      `zipped (${l.users.join(', ')})`,
  ),
);
console.log(`init = median of ${runs} fresh processes importing the bundle (Node ${process.version})`);
if (!ok) process.exitCode = 1;
