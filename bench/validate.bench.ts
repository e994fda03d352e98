// npm run bench:validate — documents/second validating the fixture on one core (target ≥ 20,000/s).
// The script bundles this file with esbuild first, as the Lambda functions are bundled, so the code measured is the code deployed.
import { readFileSync } from 'node:fs';
import { parseReport } from '../functions/core/report/parse-report';
import { validateReport } from '../functions/core/rules/validate-report';

const fixture: unknown = JSON.parse(readFileSync(process.env.BENCH_FIXTURE ?? 'samples/lishi-2023.json', 'utf8'));
const parsed = parseReport(fixture);
if (!parsed.ok) throw new Error('the fixture does not parse');
const report = parsed.value;
const previous = { ...report, year: report.year - 1, issuedOn: `${report.year}-01-25` };
const target = 20_000;
const seconds = Number(process.env.BENCH_SECONDS ?? 3);

/** CPU time in seconds: on a shared 2-core machine, wall time would measure the neighbours. */
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

const rounds = Number(process.env.BENCH_ROUNDS ?? 7);

/** Operations per CPU-second of `work`, in each of several rounds after a warm-up: this machine is shared and a
 * single round can be slowed by its neighbours, so the table shows the median and the best round. */
function rates(work: () => unknown): number[] {
  for (let i = 0; i < 5_000; i++) work();
  return Array.from({ length: rounds }, () => {
    let count = 0;
    const start = cpuSeconds();
    while (cpuSeconds() - start < seconds / rounds) {
      for (let i = 0; i < 200; i++) work();
      count += 200;
    }
    return count / (cpuSeconds() - start);
  }).sort((a, b) => a - b);
}

const cases: [string, () => unknown][] = [
  ['parse (S1) only', () => parseReport(fixture)],
  [
    'parse + validate (S1–R10)',
    () => {
      const p = parseReport(fixture);
      return p.ok && validateReport(p.value);
    },
  ],
  [
    'parse + validate with last year (all rules)',
    () => {
      const p = parseReport(fixture);
      return p.ok && validateReport(p.value, previous);
    },
  ],
  ['validate a parsed report', () => validateReport(report)],
];

const rows = cases.map(([name, work]) => {
  const measured = rates(work);
  const median = measured[Math.floor(measured.length / 2)]!;
  const best = measured.at(-1)!;
  return {
    case: name,
    'docs/s (median)': Math.round(median),
    'docs/s (best)': Math.round(best),
    'µs/doc (median)': (1e6 / median).toFixed(1),
    'median vs target': `${(median / target).toFixed(2)}×`,
  };
});
console.log(
  `validate benchmark: samples/lishi-2023.json on one core, node ${process.version}; ${rounds} rounds of ${(seconds / rounds).toFixed(2)} CPU-s per case, rates per CPU-second; target ${target.toLocaleString('en')} docs/s`,
);
console.table(rows);
