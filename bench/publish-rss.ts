// Peak resident memory of this process and everything it started (Chromium, s3rver), sampled from /proc.
import { readdirSync, readFileSync } from 'node:fs';

function treeRssKb(root: number): { self: number; tree: number } {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      parents.set(Number(name), ppid);
      rss.set(Number(name), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
    } catch {
      // the process ended while we looked
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = parents.get(p) ?? 0, hops++) if (p === root) return true;
    return false;
  };
  let tree = 0;
  for (const [pid, kb] of rss) if (inTree(pid)) tree += kb;
  return { self: rss.get(root) ?? 0, tree };
}

/** Samples every `everyMs` until stopped; returns peaks in MB. */
export function sampleRss(everyMs = 500) {
  let peakSelf = 0;
  let peakTree = 0;
  const sample = () => {
    const { self, tree } = treeRssKb(process.pid);
    peakSelf = Math.max(peakSelf, self);
    peakTree = Math.max(peakTree, tree);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { nodeMb: Math.round(peakSelf / 1024), treeMb: Math.round(peakTree / 1024) };
    },
  };
}
