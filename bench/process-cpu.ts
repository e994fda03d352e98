// CPU time by role: Chromium, this process (the pipeline, or bare printing's puppeteer), and the stand-ins (s3rver,
// dynalite): where a report's CPU goes when all of them share the machine.
import { processTree } from './process-tree';

export interface CpuByRole {
  readonly chromeMs: number;
  readonly thisProcessMs: number;
  readonly standInsMs: number;
}

export const noCpu: CpuByRole = { chromeMs: 0, thisProcessMs: 0, standInsMs: 0 };

function cpuByRole(): CpuByRole {
  let { chromeMs, thisProcessMs, standInsMs } = noCpu;
  for (const p of processTree()) {
    // Not what this process has reaped: a browser closed between measurements would land there.
    if (p.pid === process.pid) thisProcessMs += p.cpuMs;
    else if (p.comm === 'esbuild')
      thisProcessMs += p.cpuMs + p.reapedCpuMs; // tsx's compiler
    else if (/chrom|headless/i.test(p.comm)) chromeMs += p.cpuMs + p.reapedCpuMs;
    else standInsMs += p.cpuMs + p.reapedCpuMs;
  }
  return { chromeMs, thisProcessMs, standInsMs };
}

export function addCpu(a: CpuByRole, b: CpuByRole): CpuByRole {
  return {
    chromeMs: a.chromeMs + b.chromeMs,
    thisProcessMs: a.thisProcessMs + b.thisProcessMs,
    standInsMs: a.standInsMs + b.standInsMs,
  };
}

/** Measures CPU by role from now until `stop()`. Chromium must run throughout (its time dies with it). */
export function measureCpu() {
  const start = cpuByRole();
  return {
    stop: (): CpuByRole =>
      addCpu(cpuByRole(), {
        chromeMs: -start.chromeMs,
        thisProcessMs: -start.thisProcessMs,
        standInsMs: -start.standInsMs,
      }),
  };
}
