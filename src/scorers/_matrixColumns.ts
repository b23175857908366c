import { InvalidInputError, type Issue } from '../errors.js';
import type { FeatureMatrix } from '../types.js';
import { checkRows } from './_checkRows.js';

/**
 * Where a scorer's inputs sit in a {@link FeatureMatrix}: checks the matrix's shape (integer `rows`,
 * `values.length = rows × names.length`) and returns the column of each input, by name (the first
 * column of a repeated name). The last mapping is kept with a copy of the names it was for, so a
 * caller scoring batch after batch with the same columns pays one comparison per name; the names
 * are compared by value, so a caller reusing a mutated names array is mapped afresh.
 */
export class MatrixColumns {
  #names: readonly string[] | undefined;
  #columns: number[] = [];

  /**
   * @param inputNames - the scorer's inputs, in its order
   * @param noun - what an input is called in messages ('model feature', 'characteristic')
   */
  constructor(
    private readonly inputNames: readonly string[],
    private readonly noun: string,
  ) {}

  /** The column of each input in `m`, after checking its shape. @throws {@link InvalidInputError} `invalid_rows`, `length_mismatch`, `missing_feature` */
  of(m: FeatureMatrix, where: string): readonly number[] {
    const names = m.names;
    checkRows(m.rows, where);
    if (m.values.length !== m.rows * names.length) {
      throw new InvalidInputError(`${where}: expected rows × columns = ${m.rows * names.length} values, got ${m.values.length}`, [
        { code: 'length_mismatch', path: ['values'], message: 'values length is not rows × columns' },
      ]);
    }
    const last = this.#names;
    if (last !== undefined && last.length === names.length) {
      let same = true;
      for (let c = 0; c < names.length && same; c++) same = last[c] === names[c];
      if (same) return this.#columns;
    }
    const columns = this.#map(names, where);
    this.#names = names.slice();
    this.#columns = columns;
    return columns;
  }

  #map(names: readonly string[], where: string): number[] {
    const position = new Map<string, number>();
    names.forEach((name, c) => {
      if (!position.has(name)) position.set(name, c);
    });
    const issues: Issue[] = [];
    const out = this.inputNames.map((name) => {
      const c = position.get(name);
      if (c === undefined) issues.push({ code: 'missing_feature', path: ['names', name], message: `the matrix has no column for this ${this.noun}` });
      return c ?? -1;
    });
    if (issues.length > 0) {
      throw new InvalidInputError(`${where}: the matrix lacks ${issues.length} ${this.noun}${issues.length === 1 ? '' : 's'} (${issues.map((i) => String(i.path[1])).slice(0, 10).join(', ')})`, issues);
    }
    return out;
  }
}
