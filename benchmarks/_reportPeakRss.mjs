/**
 * Preload (`node --import ./benchmarks/_reportPeakRss.mjs …`) that prints the process's own peak RSS
 * on stderr at exit as `PEAK_RSS_KB=<n>`: VmHWM from /proc/self/status on Linux (the high-water mark
 * of this process's address space, which starts afresh at exec), else getrusage's maxRSS. Plain
 * JavaScript so that measuring a child (the built CLI) loads no TypeScript loader into it. The same
 * reading as benchmarks/_peakRss.ts, for a process that is not ours to instrument.
 */
import { readFileSync } from 'node:fs';

process.on('exit', () => {
  let kb;
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) kb = Number(m[1]);
  } catch {
    // not Linux
  }
  process.stderr.write(`PEAK_RSS_KB=${kb ?? process.resourceUsage().maxRSS}\n`);
});
