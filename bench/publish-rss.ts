// Peak resident memory of this process and everything it started (Chromium, the stand-ins), sampled from /proc.
import { processTree } from './process-tree';

/** Samples every `everyMs` until stopped; returns peaks in MB. */
export function sampleRss(everyMs = 500) {
  let peakSelf = 0;
  let peakTree = 0;
  const sample = () => {
    const tree = processTree();
    peakSelf = Math.max(peakSelf, tree.find((p) => p.pid === process.pid)?.rssKb ?? 0);
    peakTree = Math.max(
      peakTree,
      tree.reduce((sum, p) => sum + p.rssKb, 0),
    );
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
