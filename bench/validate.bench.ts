// npm run bench:validate — documents/second validating the fixture on one core (target ≥ 20,000/s).
// The script bundles this file with esbuild first, as the Lambda functions are bundled, so the code measured is the code deployed.
import { readFileSync } from 'node:fs';
import { parseReport } from '../functions/core/report/parse-report';
import { validateReport } from '../functions/core/rules/validate-report';

const fixture = JSON.parse(readFileSync(process.env.BENCH_FIXTURE ?? 'tests/fixtures/lishi-2023.json', 'utf8'));
const parsed = parseReport(fixture);
if (!parsed.ok) throw new Error('the fixture does not parse');
const report = parsed.value;
const previous = { ...report, year: report.year - 1, issuedOn: `${report.year}-01-25` };
const target = 20_000;
const seconds = Number(process.env.BENCH_SECONDS ?? 2);

/** CPU time in seconds: on a shared 2-core machine, wall time would measure the neighbours. */
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Runs `work` for about `seconds` of CPU after a warm-up and returns operations per CPU-second. */
function rate(work: () => unknown): number {
  for (let i = 0; i < 2_000; i++) work();
  let count = 0;
  const start = cpuSeconds();
  while (cpuSeconds() - start < seconds) {
    for (let i = 0; i < 500; i++) work();
    count += 500;
  }
  return count / (cpuSeconds() - start);
}

const cases: [string, () => unknown][] = [
  ['parse (S1) only', () => parseReport(fixture)],
  ['parse + validate (S1–R10)', () => {
    const p = parseReport(fixture);
    return p.ok && validateReport(p.value);
  }],
  ['parse + validate with last year (all rules)', () => {
    const p = parseReport(fixture);
    return p.ok && validateReport(p.value, previous);
  }],
  ['validate a parsed report', () => validateReport(report)],
];

const rows = cases.map(([name, work]) => {
  const perSecond = rate(work);
  return { case: name, 'docs/s': Math.round(perSecond), 'µs/doc': (1e6 / perSecond).toFixed(1), 'vs target': `${(perSecond / target).toFixed(2)}×` };
});
console.log(`validate benchmark: tests/fixtures/lishi-2023.json, one core, node ${process.version}, ${seconds} CPU-seconds per case (rates per CPU-second)`);
console.table(rows);
