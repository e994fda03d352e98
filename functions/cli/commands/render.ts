// nianbao render <report.json> --out <dir> [--force]
// Writes the archive's files (report.json, one CSV per table, report.html, report.pdf) and the page's fonts;
// refuses a report with validation errors unless --force, which marks every page 草稿. The folder is replaced
// whole, or left as it was (output-folder.ts).
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { ReportDocument } from '../../core/report/report-document';
import { parseReport } from '../../core/report/parse-report';
import { fail, ok, type Result } from '../../core/result';
import { validateReport } from '../../core/rules/validate-report';
import { summarize } from '../../core/validation-finding';
import { reportGlyphCoverage } from '../../render/glyph-coverage';
import { createPdfPrinter } from '../../adapters/chromium-pdf-printer';
import { renderReport, type RenderedReport } from '../../render/render-report';
import { renderWebPage } from '../../render/render-report-html';
import { archiveFiles } from '../../publish/archive-files';
import { formatFindings } from '../print-findings';
import { exitCodes } from '../exit-codes';
import { fileSystemProblem, stageOutputFolder, type IsOutput, type OutputFolderProblem } from '../output-folder';
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
    .requiredOption(
      '--out <dir>',
      'folder to write the files to: created (its parent must exist), ' +
        'or replaced whole if it holds only a previous render',
    )
    .option('--force', 'render despite validation errors; every page is then marked 草稿 (draft)')
    .action(async (path: string, options: RenderOptions) => {
      process.exitCode = await renderCommand(path, options);
    });
}

async function renderCommand(path: string, options: RenderOptions): Promise<number> {
  const input = await readJsonFile(path);
  if (!input.ok) {
    console.error(input.error.message);
    return input.error.exitCode;
  }
  const parsed = parseReport(input.value);
  if (!parsed.ok) {
    // A document that does not fit the format cannot be laid out, even with --force.
    console.error(formatFindings(summarize(parsed.error), undefined));
    return exitCodes.invalid;
  }
  const report = parsed.value;
  const validation = validateReport(report, undefined, { glyphCoverage: await reportGlyphCoverage() });
  if (validation.errors > 0 && !options.force) {
    console.error(formatFindings(validation, report.template));
    console.error(`${basename(path)}: not rendered (${validation.errors} error(s)); use --force for a draft`);
    return exitCodes.invalid;
  }
  const draft = validation.errors > 0;
  if (draft)
    console.error(
      `${basename(path)}: ${validation.errors} validation error(s); rendering a draft (草稿) because of --force`,
    );

  const out = resolve(options.out);
  const staged = await stageOutputFolder(out, isRenderOutput);
  if (!staged.ok) {
    console.error(staged.error.message);
    return staged.error.exitCode;
  }
  const folder = staged.value;
  try {
    const rendered = await renderPdf(path, report, draft);
    if (!rendered.ok) return rendered.error;
    const files = await writeOutput(out, folder.path, report, rendered.value);
    if (!files.ok) {
      console.error(files.error.message);
      return files.error.exitCode;
    }
    const committed = await folder.commit();
    if (!committed.ok) {
      console.error(committed.error.message);
      return committed.error.exitCode;
    }
    for (const name of files.value) console.log(join(out, name));
    return exitCodes.ok;
  } finally {
    // Whatever went wrong, nothing half-written stays (after a commit the staged folder is gone already).
    await folder.discard();
  }
}

/** Prints the PDF; a browser that cannot start or print is this machine's failure (exit 3), in one line. */
async function renderPdf(
  path: string,
  report: ReportDocument,
  draft: boolean,
): Promise<Result<RenderedReport, number>> {
  // A running browser can be reused (tests, batch scripts); otherwise one is launched for this report.
  const endpoint = process.env.NIANBAO_CHROMIUM_WS_ENDPOINT;
  const printer = createPdfPrinter({ concurrency: 1, ...(endpoint ? { browserWSEndpoint: endpoint } : {}) });
  try {
    return ok(await renderReport(report, printer, { draft }));
  } catch (error) {
    console.error(`${basename(path)}: the PDF could not be printed (${(error as Error).message.split('\n')[0]})`);
    return fail(exitCodes.failed);
  } finally {
    await printer.close();
  }
}

/** Writes the archive's files and the page's fonts into `folder`; the names written, in order. */
async function writeOutput(
  out: string,
  folder: string,
  report: ReportDocument,
  rendered: RenderedReport,
): Promise<Result<string[], OutputFolderProblem>> {
  // The published page carries its own copy of the font subsets it uses, next to it.
  const { html, fontFiles } = renderWebPage(rendered.page, `${fontsDir}/`);
  // The same files as an archived version (report.json as parsed, the tables as CSV), so the two never differ.
  const files = archiveFiles(report, { html, pdf: rendered.pdf });
  try {
    await mkdir(join(folder, fontsDir));
    for (const file of files) await writeFile(join(folder, file.name), file.body);
  } catch (error) {
    return fail(fileSystemProblem(out, 'cannot write the files', error));
  }
  try {
    await Promise.all(fontFiles.map((file) => copyFile(file, join(folder, fontsDir, basename(file)))));
  } catch (error) {
    // The folder took the files above: a font that cannot be copied is this installation's failure.
    return fail({ ...fileSystemProblem(out, "cannot copy the page's fonts", error), exitCode: exitCodes.failed });
  }
  return ok(files.map((file) => file.name));
}

/** What render writes: the archive's files and the page's fonts; an --out holding anything else is not replaced. */
const isRenderOutput: IsOutput = (path, kind) =>
  kind === 'file'
    ? /^(report\.(html|pdf|json)|table-[a-z0-9-]+\.csv)$/.test(path) ||
      new RegExp(`^${fontsDir}/[^/]+\\.woff2$`).test(path)
    : path === fontsDir;
