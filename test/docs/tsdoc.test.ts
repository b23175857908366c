/**
 * Every public export (package root and each subpath entry) carries TSDoc with an `@example`
 * (STYLE.md B3). Uses the TypeScript compiler API to resolve re-exports to their declarations.
 */
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const entries = ['src/index.ts', 'src/train/index.ts', 'src/metrics/index.ts', 'src/data/index.ts', 'src/backtest/index.ts'].map((p) => resolve(root, p));

function undocumented(): string[] {
  const program = ts.createProgram(entries, { strict: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, resolveJsonModule: true, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const missing: string[] = [];
  for (const entry of entries) {
    const sf = program.getSourceFile(entry);
    if (!sf) continue;
    const moduleSymbol = checker.getSymbolAtLocation(sf);
    if (!moduleSymbol) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const decls = symbol.getDeclarations() ?? [];
      const hasExample = decls.some((d) => {
        const tags = ts.getJSDocTags(d);
        if (tags.some((t) => t.tagName.text === 'example')) return true;
        // `export const X = ...`: the JSDoc sits on the variable statement
        const stmt = ts.isVariableDeclaration(d) ? d.parent?.parent : undefined;
        return stmt !== undefined && ts.getJSDocTags(stmt).some((t) => t.tagName.text === 'example');
      });
      if (!hasExample) missing.push(`${exported.getName()} (${entry.slice(root.length + 1)})`);
    }
  }
  return [...new Set(missing)].sort();
}

describe('public API documentation', () => {
  it('every export of every entry point has TSDoc with an @example', () => {
    expect(undocumented()).toEqual([]);
  });
});
