/** Peak memory of a process and everything it starts, sampled from /proc (Linux; null elsewhere). */
import { readdirSync, readFileSync } from 'node:fs';

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = byParent.get(ppid) ?? [];
      list.push(Number(entry));
      byParent.set(ppid, list);
    } catch {}
  }
  return byParent;
}

/** RSS in MB of `pid` and its descendants now. */
export function treeRssMB(pid: number): number {
  const byParent = children();
  let kB = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop() as number;
    try {
      const rss = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1];
      kB += Number(rss ?? 0);
    } catch {}
    stack.push(...(byParent.get(p) ?? []));
  }
  return kB / 1024;
}

/** Samples the tree's RSS every `everyMs` until stopped; `peak()` is the highest sum seen. */
export function sampleTree(pid: number, everyMs = 250): { peak: () => number | null; stop: () => void } {
  let peak: number | null = null;
  const sample = () => {
    try {
      const now = treeRssMB(pid);
      if (now > 0) peak = Math.max(peak ?? 0, now);
    } catch {}
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return { peak: () => peak, stop: () => clearInterval(timer) };
}
