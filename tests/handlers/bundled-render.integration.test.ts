// The render function as deployed: its bundle (not the source) in a plain Node process, in Lambda's file layout
// (read-only code and fonts layer, writable /tmp only, no system CJK font), against s3rver. It launches the
// bundled Chromium once and prints a PDF whose every glyph comes from the report's own fonts.
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { S3ArtifactStore, s3Client } from '../../functions/adapters/s3-artifact-store';
import type { PublishConfig } from '../../functions/adapters/publish-config';
import { validateForPublication } from '../../functions/pipeline/check-report';
import { newRun } from '../../functions/pipeline/run';
import type { Rendered, Validated } from '../../functions/pipeline/run-stages';
import { stageJson, stagingKey } from '../../functions/pipeline/staged-artifacts';
import { summarizeValidation } from '../../functions/publish/validation-summary';
import { bundleFontsLayer, bundleFunction } from '../../infra/function-bundles';
import { readPdf } from '../render/read-pdf';
import { lishi2023 } from '../render/render-fixtures';
import { invokeInSandbox, lambdaSandbox } from '../support/lambda-sandbox';

const run = promisify(execFile);
let root: string;
let output: { result: Rendered; logs: string[] };
let staging: S3ArtifactStore;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'nianbao-lambda-'));
  await chmod(root, 0o755);
  bundleFunction('render', join(root, 'bundle'));
  bundleFontsLayer(join(root, 'layer'));
  const sandbox = lambdaSandbox(join(root, 'sandbox'), join(root, 'bundle'), join(root, 'layer'));
  const aws = inject('localAws');
  const config = {
    region: 'cn-north-1',
    stagingBucket: aws.stagingBucket,
    s3Endpoint: aws.s3Endpoint,
  } as PublishConfig;
  staging = new S3ArtifactStore(s3Client(config, aws.stagingBucket), aws.stagingBucket);
  const report = lishi2023();
  const request = newRun({ agency: report.agency.code, year: report.year });
  const validation = summarizeValidation(
    await validateForPublication(report, { previousReports: { get: async () => undefined } }),
  );
  const event: Validated = {
    run: request,
    staged: { report: await stageJson(staging, stagingKey(request, 'report.json'), report) },
    validation,
  };
  const { result, logs } = await invokeInSandbox(
    sandbox,
    event,
    { NIANBAO_STAGING_BUCKET: aws.stagingBucket, NIANBAO_S3_ENDPOINT: aws.s3Endpoint },
    90_000,
  );
  output = { result: result as Rendered, logs };
}, 120_000);

afterAll(async () => {
  if (root) await run('chmod', ['-R', 'u+w', root]).then(() => rm(root, { recursive: true, force: true }));
});

describe('the bundled render function in a Lambda-like sandbox', () => {
  it('stages a PDF printed with the report fonts only, no system font', async () => {
    const { result } = output;
    expect(result.staged.pdf).toBe(stagingKey(result.run, 'report.pdf'));
    const bytes = await staging.get(result.staged.pdf);
    const pdf = await readPdf(bytes!);
    const report = lishi2023();
    expect(pdf.pages.join('')).toContain(report.agency.name.replace(/\s+/g, ''));
    expect(pdf.pages.join('')).toContain('政府信息公开');
    expect(pdf.type3).toBe(false);
    expect(pdf.baseFonts.length).toBeGreaterThan(0);
    for (const name of pdf.baseFonts) expect(name).toMatch(/^[A-Z]{6}\+Noto(Serif|Sans)SC/);
    // The public HTML refers to the fonts by their site keys, which the publish step copies from the layer.
    expect(result.assets.length).toBeGreaterThan(0);
    for (const asset of result.assets) expect(asset.key).toMatch(/^assets\/fonts\/[\d.-]+\/noto-s(erif|ans)-sc-/);
  });

  it('logs JSON lines, each with the run id', () => {
    expect(output.logs.length).toBeGreaterThan(0);
    for (const line of output.logs)
      expect(JSON.parse(line) as Record<string, unknown>).toMatchObject({ runId: output.result.run.id });
  });
});
