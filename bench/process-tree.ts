// This process and everything it started (Chromium, the stand-ins), read from /proc: memory and CPU time per process.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  readonly pid: number;
  readonly comm: string;
  readonly rssKb: number;
  /** User + system time. */
  readonly cpuMs: number;
  /** The same, of the children it has reaped (a closed page's renderer, say). */
  readonly reapedCpuMs: number;
}

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString());
const pageKb = Number(execFileSync('getconf', ['PAGESIZE']).toString()) / 1024;

export function processTree(root = process.pid): ProcessInfo[] {
  const all = new Map<number, ProcessInfo & { ppid: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // the process ended while we looked
    }
    // Fields after the command (which may hold spaces and parentheses), numbered as in proc(5), from 3.
    const close = stat.lastIndexOf(')');
    const field = stat.slice(close + 2).split(' ');
    const at = (n: number) => Number(field[n - 3]);
    all.set(Number(name), {
      pid: Number(name),
      ppid: at(4),
      comm: stat.slice(stat.indexOf('(') + 1, close),
      rssKb: at(24) * pageKb,
      cpuMs: ((at(14) + at(15)) / ticksPerSecond) * 1000,
      reapedCpuMs: ((at(16) + at(17)) / ticksPerSecond) * 1000,
    });
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = all.get(p)?.ppid ?? 0, hops++) if (p === root) return true;
    return false;
  };
  return [...all.values()].filter((p) => inTree(p.pid));
}
