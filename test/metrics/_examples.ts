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

/** Every `@example` of an exported declaration in src/metrics (public files only). */
export function docExamples(): DocExample[] {
  const out: DocExample[] = [];
  for (const file of readdirSync(metricsDir).sort()) {
    if (!file.endsWith('.ts') || file.startsWith('_') || file === 'index.ts') continue;
    const text = readFileSync(resolve(metricsDir, file), 'utf8');
    const re = /\/\*\*([\s\S]*?)\*\/\s*export\s+(function|const|type|interface)\s+([A-Za-z_$][\w$]*)/g;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const body = m[1]
        .split('\n')
        .map((l) => l.replace(/^\s*\* ?/, ''))
        .join('\n');
      const at = body.indexOf('@example');
      if (at < 0) continue;
      const rest = body.slice(at + '@example'.length);
      const next = rest.search(/\n@\w/);
      const code = (next < 0 ? rest : rest.slice(0, next)).trim();
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
  for (const line of code.split('\n')) {
    const at = line.indexOf('//=>');
    if (at < 0) {
      out.push(line);
      continue;
    }
    const expectedSource = line.slice(at + 4).trim();
    let statement = line.slice(0, at).trim();
    if (statement === '') {
      statement = (out.pop() ?? '').trim();
    }
    const expression = statement.replace(/;\s*$/, '');
    const call = expectedSource.startsWith('throws ') ? `__claimThrows(() => (${expression})` : `__claim(${expression}`;
    out.push(`${call}, ${JSON.stringify(expectedSource)}, ${JSON.stringify(expression)});`);
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
  new Function(...names, '__claim', '__claimThrows', body)(...names.map((n) => scope[n]), ...claimFunctions(problems));
  return { problems, claims };
}

/** `__claim` and `__claimThrows`, recording failed claims in `problems`. */
function claimFunctions(problems: string[]): [(actual: unknown, expectedSource: string, expression: string) => void, (run: () => unknown, expectedSource: string, expression: string) => void] {
  const claim = (actual: unknown, expectedSource: string, expression: string): void => {
    matches(actual, parseExpected(expectedSource), expression, problems);
  };
  const claimThrows = (run: () => unknown, expectedSource: string, expression: string): void => {
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
  await new AsyncFunction(...names, '__claim', '__claimThrows', body)(...names.map((n) => scope[n]), ...claimFunctions(problems));
  return { problems, claims };
}
