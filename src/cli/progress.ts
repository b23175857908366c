import type { CliIO } from './io.js';

/**
 * A progress bar on stderr, shown only when stderr is a TTY and the work has already taken more
 * than a second, so pipelines and CI logs stay clean.
 */
export interface Progress {
  /** Reports progress: `done` of `total` (total may be unknown: rows so far are shown). */
  update(done: number, total?: number): void;
  /** Clears the bar. */
  finish(): void;
}

/** Creates a progress reporter for `label`. */
export function createProgress(io: CliIO, label: string): Progress {
  const start = performance.now();
  let lastDraw = 0;
  let drawn = false;
  const tty = io.stderr.isTTY === true;
  return {
    update(done: number, total?: number) {
      if (!tty) return;
      const now = performance.now();
      if (now - start < 1000 || now - lastDraw < 100) return;
      lastDraw = now;
      drawn = true;
      let text: string;
      if (total !== undefined && total > 0) {
        const f = Math.min(1, done / total);
        const width = 30;
        const filled = Math.round(f * width);
        text = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(f * 100).toFixed(0)}%`;
      } else {
        text = `${label} ${done.toLocaleString('en-US')} rows`;
      }
      io.stderr.write(`\r${text}\u001b[K`);
    },
    finish() {
      if (drawn) io.stderr.write('\r\u001b[K');
    },
  };
}
