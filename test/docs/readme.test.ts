/**
 * The README's quick start is real: its code block is examples/quickstart.ts (with the package
 * import in place of the source import), and the output block under it is what that file prints.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
const example = readFileSync(resolve(root, 'examples/quickstart.ts'), 'utf8');

/** The fenced blocks of a section, in order. */
function blocksAfter(heading: string): { lang: string; body: string }[] {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no '## ${heading}' section`);
  const end = readme.indexOf('\n## ', start + 4);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], body: m[2] }));
}

describe('README quick start', () => {
  const [code, output] = blocksAfter('Quick start');

  it('shows examples/quickstart.ts as a user writes it (package import)', () => {
    expect(code.lang).toBe('ts');
    expect(code.body).toBe(example.replace("from '../src/index.js'", "from 'credit-scoring'"));
  });

  it('shows what examples/quickstart.ts prints', () => {
    const printed = execFileSync(process.execPath, ['--import', 'tsx', resolve(root, 'examples/quickstart.ts')], { cwd: root, encoding: 'utf8' });
    expect(output.lang).toBe('text');
    expect(output.body).toBe(printed);
  });
});
