/**
 * This process's peak resident set size, in MB.
 *
 * On Linux it is `VmHWM` from /proc/self/status: the high-water mark of this process's own address
 * space, which starts afresh at exec. getrusage's `maxRSS` (process.resourceUsage) is NOT that: Linux
 * keeps it across execve, and a child forked from a large parent starts from the parent's RSS at fork
 * time (measured here: a 10k-row backtest child spawned after a 1M-row fit in the parent reported 475
 * MB, its own peak being ~130 MB). Elsewhere, maxRSS is the fallback.
 */
import { readFileSync } from 'node:fs';

export function peakRssMB(): number {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // not Linux: fall through
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
