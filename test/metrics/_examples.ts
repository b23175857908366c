/**
 * Test helper: reads the TSDoc `@example` blocks of the `./metrics` sources, and checks the `//=>`
 * claims in them by evaluating the example code with the metrics in scope.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { transformSync } from 'esbuild';

export const metricsDir = resolve(import.meta.dirname, '../../src/metrics');

export interface DocExample {
  file: string;
  /** Name of the exported declaration the TSDoc belongs to. */
  name: string;
  kind: 'function' | 'const' | 'type';
  code: string;
}

/**
 * The `@example` code of a TSDoc comment's inner text (between `/**` and `*\/`, leading `*`
 * stripped, up to the next tag), or undefined when it has none.
 */
export function exampleOf(commentBody: string): string | undefined {
  const body = commentBody
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n');
  const at = body.indexOf('@example');
  if (at < 0) return undefined;
  const rest = body.slice(at + '@example'.length);
  const next = rest.search(/\n@\w/);
  return (next < 0 ? rest : rest.slice(0, next)).trim();
}

/** Every `@example` of an exported declaration in src/metrics (public files only). */
export function docExamples(): DocExample[] {
  const out: DocExample[] = [];
  for (const file of readdirSync(metricsDir).sort()) {
    if (!file.endsWith('.ts') || file.startsWith('_') || file === 'index.ts') continue;
    const text = readFileSync(resolve(metricsDir, file), 'utf8');
    const re = /\/\*\*([\s\S]*?)\*\/\s*export\s+(function|const|type|interface)\s+([A-Za-z_$][\w$]*)/g;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const code = exampleOf(m[1]);
      if (code === undefined) continue;
      const kind = m[2] === 'function' ? 'function' : m[2] === 'const' ? 'const' : 'type';
      out.push({ file, name: m[3], kind, code });
    }
  }
  return out;
}

/** `//#region example:<name>` … `//#endregion` blocks of a test file, by name. */
export function exampleRegions(testFile: string): Map<string, string> {
  const text = readFileSync(testFile, 'utf8');
  const regions = new Map<string, string>();
  const re = /\/\/#region example:([\w$]+)\n([\s\S]*?)\/\/#endregion/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    regions.set(
      m[1],
      m[2]
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .join('\n'),
    );
  }
  return regions;
}

export function normalise(code: string): string {
  return code
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

interface Expected {
  __number: number;
  tolerance: number;
  /** Written `12.345...`: the actual value truncated to the written decimals equals it. */
  truncated?: boolean;
}

/**
 * Numeric literals written with 4+ decimals are read as rounded (±half a unit in the last place);
 * followed by `...`, as truncated (the actual value starts with those digits); others are exact.
 */
function numberSpec(literal: string): Expected {
  if (literal.endsWith('...')) {
    const digits = literal.slice(0, -3);
    const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
    return { __number: Number(digits), tolerance: 10 ** -decimals, truncated: true };
  }
  const value = Number(literal);
  const [mantissa, exponent] = literal.toLowerCase().split('e');
  const decimals = mantissa.includes('.') ? mantissa.split('.')[1].length : 0;
  const scale = exponent === undefined ? 1 : 10 ** Number(exponent);
  const tolerance = decimals >= 4 ? 0.5 * 10 ** -decimals * scale * (1 + 1e-9) : 1e-12 * Math.max(1, Math.abs(value));
  return { __number: value, tolerance };
}

/**
 * The expected value of a claim: a JS literal whose numbers become {@link numberSpec}s (numbers inside
 * string literals are left alone); `Float64Array [1, 2]` (how a typed array prints) is read as an array.
 */
function parseExpected(source: string): unknown {
  const untyped = source.replace(/^(?:Float64Array|Float32Array|Int32Array|Uint8Array)\s+(?=\[)/, '');
  const marked = untyped.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|(?<![\w.])-?\d+(?:\.\d+)?(?:e-?\d+)?(?:\.\.\.)?(?![\w])/gi, (lit) =>
    lit.startsWith("'") || lit.startsWith('"') ? lit : `__n(${JSON.stringify(lit)})`,
  );
  return new Function('__n', `return (${marked});`)(numberSpec);
}

function matches(actual: unknown, expected: unknown, path: string, problems: string[]): void {
  if (expected !== null && typeof expected === 'object' && '__number' in expected) {
    const e = expected as Expected;
    if (e.truncated === true) {
      // |actual| in [|written|, |written| + one unit of the last written decimal), same sign
      const ok = typeof actual === 'number' && Math.sign(actual) === Math.sign(e.__number || actual) && Math.abs(actual) >= Math.abs(e.__number) && Math.abs(actual) < Math.abs(e.__number) + e.tolerance;
      if (!ok) problems.push(`${path}: expected ${e.__number}... (truncated), got ${String(actual)}`);
      return;
    }
    if (typeof actual !== 'number' || !(Math.abs(actual - e.__number) <= e.tolerance)) problems.push(`${path}: expected ${e.__number} (±${e.tolerance}), got ${String(actual)}`);
    return;
  }
  if (Array.isArray(expected)) {
    const list = ArrayBuffer.isView(actual) ? Array.from(actual as unknown as ArrayLike<unknown>) : actual;
    if (!Array.isArray(list) || list.length !== expected.length) {
      problems.push(`${path}: expected an array of ${expected.length}, got ${JSON.stringify(actual)}`);
      return;
    }
    expected.forEach((e, i) => matches(list[i], e, `${path}[${i}]`, problems));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') {
      problems.push(`${path}: expected an object, got ${String(actual)}`);
      return;
    }
    const keysE = Object.keys(expected).sort();
    const keysA = Object.keys(actual).sort();
    if (keysE.join() !== keysA.join()) problems.push(`${path}: keys ${keysA.join()} differ from ${keysE.join()}`);
    for (const k of keysE) matches((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}.${k}`, problems);
    return;
  }
  if (!Object.is(actual, expected)) problems.push(`${path}: expected ${String(expected)}, got ${String(actual)}`);
}

/**
 * The example's code with each `//=>` line turned into a `__claim(actual, expected, expression)` call;
 * a claim written `//=> throws ErrorName: message` becomes `__claimThrows(() => expression, ...)`.
 */
function claimBody(code: string): { body: string; claims: number } {
  const out: string[] = [];
  let claims = 0;
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const at = line.indexOf('//=>');
    if (at < 0) {
      out.push(line);
      continue;
    }
    let expectedSource = line.slice(at + 4).trim();
    // an expected value continued on the next lines, each starting with `//` (not `//=>`)
    while (i + 1 < lines.length && /^\s*\/\/(?!=>)/.test(lines[i + 1])) expectedSource += ` ${lines[++i].trim().slice(2).trim()}`;
    let statement = line.slice(0, at).trim();
    if (statement === '') {
      statement = (out.pop() ?? '').trim();
    }
    // a statement spread over several lines: take earlier lines until its brackets balance
    const depth = (t: string): number => (t.match(/[([{]/g) ?? []).length - (t.match(/[)\]}]/g) ?? []).length;
    while (depth(statement) < 0 && out.length > 0) statement = `${(out.pop() ?? '').trim()}\n${statement}`;
    // `if (narrowing) expression; //=> value` claims the expression under its guard (a claim whose
    // guard is false is reported as not reached)
    const guarded = /^(if\s*\((?:[^()]|\([^()]*\))*\)\s*)([\s\S]*)$/.exec(statement);
    const guard = guarded?.[1] ?? '';
    const expression = (guarded?.[2] ?? statement).replace(/;\s*$/, '');
    const call = expectedSource.startsWith('throws ') ? `__claimThrows(() => (${expression})` : `__claim(${expression}`;
    out.push(`${guard}${call}, ${JSON.stringify(expectedSource)}, ${JSON.stringify(expression)});`);
    claims++;
  }
  return { body: out.join('\n'), claims };
}

/**
 * Evaluates an example with `scope` in scope and returns the failed `//=>` claims (empty = all hold)
 * and how many claims were checked.
 */
export function checkClaims(code: string, scope: Record<string, unknown>): { problems: string[]; claims: number } {
  const { body, claims } = claimBody(code);
  const problems: string[] = [];
  const names = Object.keys(scope);
  const reached = { count: 0 };
  new Function(...names, '__claim', '__claimThrows', body)(...names.map((n) => scope[n]), ...claimFunctions(problems, reached));
  if (reached.count < claims) problems.push(`${claims - reached.count} of ${claims} claims not reached`);
  return { problems, claims };
}

/** `__claim` and `__claimThrows`, recording failed claims in `problems`. */
function claimFunctions(problems: string[], reached: { count: number }): [(actual: unknown, expectedSource: string, expression: string) => void, (run: () => unknown, expectedSource: string, expression: string) => void] {
  const claim = (actual: unknown, expectedSource: string, expression: string): void => {
    reached.count++;
    matches(actual, parseExpected(expectedSource), expression, problems);
  };
  const claimThrows = (run: () => unknown, expectedSource: string, expression: string): void => {
    reached.count++;
    const [name, ...message] = expectedSource.slice('throws '.length).split(': ');
    try {
      run();
    } catch (e) {
      const error = e as Error;
      if (error.constructor.name !== name || (message.length > 0 && error.message !== message.join(': '))) {
        problems.push(`${expression}: expected to throw ${expectedSource.slice('throws '.length)}, threw ${error.constructor.name}: ${error.message}`);
      }
      return;
    }
    problems.push(`${expression}: expected to throw ${name}, returned`);
  };
  return [claim, claimThrows];
}

type AsyncFunctionConstructor = new (...args: string[]) => (...args: unknown[]) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as AsyncFunctionConstructor;

/**
 * {@link checkClaims} for examples written in TypeScript (type annotations are stripped by esbuild)
 * that may `await` (run as an async function body).
 */
export async function checkClaimsAsync(code: string, scope: Record<string, unknown>): Promise<{ problems: string[]; claims: number }> {
  const { body: typed, claims } = claimBody(code);
  const body = transformSync(typed, { loader: 'ts' }).code;
  const problems: string[] = [];
  const names = Object.keys(scope);
  const reached = { count: 0 };
  await new AsyncFunction(...names, '__claim', '__claimThrows', body)(...names.map((n) => scope[n]), ...claimFunctions(problems, reached));
  if (reached.count < claims) problems.push(`${claims - reached.count} of ${claims} claims not reached`);
  return { problems, claims };
}

/**
 * Every `@example` in a source file's TSDoc comments (declarations and class members) that makes a
 * `//=>` claim, with the line its comment starts on. `file` is relative to the repository root.
 */
export function claimedExamples(file: string): { line: number; code: string }[] {
  const text = readFileSync(resolve(import.meta.dirname, '../..', file), 'utf8');
  const out: { line: number; code: string }[] = [];
  for (const m of text.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*?)\*\//g)) {
    const code = exampleOf(m[1]);
    if (code?.includes('//=>') === true) out.push({ line: text.slice(0, m.index).split('\n').length, code });
  }
  return out;
}

/** `scope` without the names `code` declares itself (a parameter may not be redeclared with const). */
export function scopeFor(code: string, scope: Record<string, unknown>): Record<string, unknown> {
  const declared = new Set<string>();
  for (const m of code.matchAll(/\b(?:const|let|var)\s+(\{[^}]*\}|\[[^\]]*\]|[\w$]+)/g)) {
    for (const name of m[1].match(/[A-Za-z_$][\w$]*/g) ?? []) declared.add(name);
  }
  return Object.fromEntries(Object.entries(scope).filter(([k]) => !declared.has(k)));
}

/**
 * Checks every claimed example of `files` with `scopeOf(file)` in scope; returns the failures
 * (`file:line: problem`, an example that throws included) and the number of claims checked.
 */
export async function checkFileClaims(files: readonly string[], scopeOf: (file: string) => Record<string, unknown>): Promise<{ problems: string[]; claims: number }> {
  let claims = 0;
  const problems: string[] = [];
  for (const file of files) {
    for (const ex of claimedExamples(file)) {
      try {
        const r = await checkClaimsAsync(ex.code, scopeFor(ex.code, scopeOf(file)));
        claims += r.claims;
        problems.push(...r.problems.map((p) => `${file}:${ex.line}: ${p}`));
      } catch (e) {
        problems.push(`${file}:${ex.line}: the example throws ${(e as Error).name}: ${(e as Error).message}`);
      }
    }
  }
  return { problems, claims };
}
