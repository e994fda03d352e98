// npm run snapshot:render — PNGs of the rendered sample for the README: its first page and the page where
// table 三 starts. Needs poppler-utils (pdftoppm, pdftotext) on PATH.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReport } from '../functions/core/report/parse-report';
import { createPdfPrinter } from '../functions/adapters/chromium-pdf-printer';
import { renderReport } from '../functions/render/render-report';

const root = fileURLToPath(new URL('..', import.meta.url));
const parsed = parseReport(JSON.parse(readFileSync(join(root, 'samples/lishi-2023.json'), 'utf8')));
if (!parsed.ok) throw new Error('the fixture does not parse');

const printer = createPdfPrinter({ concurrency: 1 });
const { pdf } = await renderReport(parsed.value, printer);
await printer.close();

const work = mkdtempSync(join(tmpdir(), 'nianbao-snapshot-'));
const pdfPath = join(work, 'report.pdf');
writeFileSync(pdfPath, pdf);
const pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1] ?? 0);
const pageText = (n: number) =>
  execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdfPath, '-'], { encoding: 'utf8' });
const tablePage =
  Array.from({ length: pageCount }, (_, i) => i + 1).find((n) =>
    pageText(n).includes('三、收到和处理政府信息公开申请情况'),
  ) ?? 1;

const outDir = join(root, 'docs/images');
mkdirSync(outDir, { recursive: true });
for (const [page, name] of [
  [1, 'report-page-1'],
  [tablePage, 'report-table-page'],
] as const) {
  const prefix = join(work, name);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdfPath,
    prefix,
  ]);
  renameSync(`${prefix}.png`, join(outDir, `${name}.png`));
  console.log(join('docs/images', `${name}.png`), `(page ${page} of ${pageCount})`);
}
