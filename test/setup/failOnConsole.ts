// Library code must never write to the console (STYLE.md B2): any console call in a test fails it.
import { afterEach, beforeEach } from 'vitest';

const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
const originals = new Map<string, (...args: unknown[]) => void>();

beforeEach(() => {
  for (const m of methods) {
    originals.set(m, console[m]);
    console[m] = (...args: unknown[]) => {
      throw new Error(`console.${m} called during a test: ${args.map(String).join(' ').slice(0, 200)}`);
    };
  }
});

afterEach(() => {
  for (const m of methods) console[m] = originals.get(m) as (...args: unknown[]) => void;
});
