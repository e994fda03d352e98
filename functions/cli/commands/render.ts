// nianbao render <report.json> --out <dir> [--force]
// Writes report.html (+ its fonts), report.pdf, report.json and one CSV per table; refuses a report with
// validation errors unless --force, which marks every page 草稿.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { tableGrids } from '../../core/format/table-grids';
import { parseReport } from '../../core/report/parse-report';
import { validateReport } from '../../core/rules/validate-report';
import { summarize } from '../../core/validation-finding';
import { createPdfPrinter } from '../../adapters/chromium-pdf-printer';
import { renderReport, type RenderedReport } from '../../render/render-report';
import { renderWebPage } from '../../render/render-report-html';
import { formatFindings } from '../print-findings';
import { exitCodes } from '../exit-codes';
import { readJsonFile } from '../read-json-file';


interface RenderOptions {
  out: string;
  force?: boolean;
}

/** The HTML file loads its fonts from here, relative to itself. */
const fontsDir = 'fonts';

export function registerRenderCommand(program: Command): void {
  program
    .command('render')
    .description('render a report as HTML, PDF, JSON and CSV tables')
    .argument('<report.json>', 'the report document')
    .requiredOption('--out <dir>', 'folder to write the files to (created if missing)')
    .option('--force', 'render despite validation errors; every page is then marked 草稿 (draft)')
    .action(async (path: string, options: RenderOptions) => {
      process.exitCode = await renderCommand(path, options);
    });
}

async function renderCommand(path: string, options: RenderOptions): Promise<number> {
  const input = await readJsonFile(path);
  if (!input.ok) {
    console.error(input.error);
    return exitCodes.unreadable;
  }
  const parsed = parseReport(input.value);
  if (!parsed.ok) {
    // A document that does not fit the format cannot be laid out, even with --force.
    console.error(formatFindings(summarize(parsed.error), undefined));
    return exitCodes.invalid;
  }
  const report = parsed.value;
  const validation = validateReport(report);
  if (validation.errors > 0 && !options.force) {
    console.error(formatFindings(validation, report.template));
    console.error(`${basename(path)}: not rendered (${validation.errors} error(s)); use --force for a draft`);
    return exitCodes.invalid;
  }
  const draft = validation.errors > 0;
  if (draft) console.error(`${basename(path)}: ${validation.errors} validation error(s); rendering a draft (草稿) because of --force`);

  const out = resolve(options.out);
  await mkdir(join(out, fontsDir), { recursive: true });
  // A running browser can be reused (tests, batch scripts); otherwise one is launched for this report.
  const endpoint = process.env.NIANBAO_CHROMIUM_WS_ENDPOINT;
  const printer = createPdfPrinter({ concurrency: 1, ...(endpoint ? { browserWSEndpoint: endpoint } : {}) });
  let rendered: RenderedReport;
  try {
    rendered = await renderReport(report, printer, { draft });
  } catch (error) {
    console.error(`${basename(path)}: the PDF could not be printed (${(error as Error).message.split('\n')[0]})`);
    return exitCodes.failed;
  } finally {
    await printer.close();
  }
  // The published page carries its own copy of the font subsets it uses, next to it.
  const { html, fontFiles } = renderWebPage(rendered.page, `${fontsDir}/`);
  await Promise.all(fontFiles.map((file) => copyFile(file, join(out, fontsDir, basename(file)))));

  const written: string[] = [];
  const write = async (name: string, data: string | Uint8Array) => {
    const file = join(out, name);
    await writeFile(file, data);
    written.push(file);
  };
  await write('report.html', html);
  await write('report.pdf', rendered.pdf);
  await write('report.json', `${JSON.stringify(input.value, null, 2)}\n`);
  // UTF-8 with a byte-order mark, or Excel reads the Chinese as mojibake.
  for (const grid of tableGrids(report)) await write(grid.fileName, `\uFEFF${stringify(grid.rows)}`);
  for (const file of written) console.log(file);
  return exitCodes.ok;
}
