// The layering rules in .dependency-cruiser.cjs catch what they promise: a small tree shaped like ours, with one
// forbidden import per rule and some allowed ones, cruised in-process with the project's own configuration.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterAll, expect, it } from 'vitest';

/** Each file of the fixture tree and what it imports. */
const tree: Record<string, string[]> = {
  'functions/core/model.ts': ['node:fs'],
  'functions/core/cells.ts': ['./model', '../render/page'],
  'functions/core/cycle-a.ts': ['./cycle-b'],
  'functions/core/cycle-b.ts': ['./cycle-a'],
  'functions/core/typo.ts': ['./no-such-module'],
  'functions/render/page.ts': ['../core/model', 'puppeteer-core'],
  'functions/render/printer.ts': ['./page', '../adapters/browser'],
  'functions/publish/archive.ts': ['../core/model', '@aws-sdk/client-s3', '../render/page'],
  'functions/statistics/import.ts': ['../core/model', '../publish/archive'],
  'functions/pipeline/run.ts': ['../render/page', '../statistics/import', '../adapters/browser'],
  'functions/adapters/browser.ts': ['../render/page', '../statistics/import', 'puppeteer-core', '../cli/main'],
  'functions/cli/main.ts': ['../../dev/start'],
  'functions/handlers/validate.ts': ['../adapters/browser', '../statistics/import'],
  'infra/app.ts': ['../functions/adapters/browser', '../tests/support/fake'],
  'bench/publish.bench.ts': ['../functions/pipeline/run', '../dev/start', '../tests/support/fake'],
  'dev/start.ts': [],
  'tests/support/fake.ts': ['../../functions/cli/main'],
};

const fixture = mkdtempSync(join(tmpdir(), 'nianbao-layering-'));
afterAll(() => rmSync(fixture, { recursive: true, force: true }));

async function violations(): Promise<string[]> {
  for (const [path, imports] of Object.entries(tree)) {
    mkdirSync(join(fixture, dirname(path)), { recursive: true });
    writeFileSync(join(fixture, path), `${imports.map((i) => `import '${i}';\n`).join('')}export {};\n`);
  }
  symlinkSync(resolve('node_modules'), join(fixture, 'node_modules'));
  const options = await extractDepcruiseOptions(resolve('.dependency-cruiser.cjs'));
  const { output } = await cruise(Object.keys(tree), { ...options, baseDir: fixture });
  const { summary } = output as ICruiseResult;
  const target = (to: string) =>
    to.includes('node_modules/') ? to.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1') : to;
  return summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${target(v.to)}`).sort();
}

it('reports every forbidden import, and only those', async () => {
  expect(await violations()).toEqual(
    [
      'core-does-no-io: functions/core/model.ts → fs',
      'core-imports-nothing-else: functions/core/cells.ts → functions/render/page.ts',
      'no-circular: functions/core/cycle-a.ts → functions/core/cycle-b.ts',
      'not-to-unresolvable: functions/core/typo.ts → ./no-such-module',
      'no-sdk-or-browser: functions/render/page.ts → puppeteer-core',
      'render-imports-core: functions/render/printer.ts → functions/adapters/browser.ts',
      'no-sdk-or-browser: functions/publish/archive.ts → @aws-sdk/client-s3',
      'publish-imports-core: functions/publish/archive.ts → functions/render/page.ts',
      'statistics-imports-core: functions/statistics/import.ts → functions/publish/archive.ts',
      'pipeline-imports-core-render-publish-statistics: functions/pipeline/run.ts → functions/adapters/browser.ts',
      'adapters-implement-ports: functions/adapters/browser.ts → functions/cli/main.ts',
      'runtime-stays-runtime: functions/cli/main.ts → dev/start.ts',
      'runtime-stays-runtime: infra/app.ts → tests/support/fake.ts',
      'bench-without-tests: bench/publish.bench.ts → tests/support/fake.ts',
    ].sort(),
  );
});
