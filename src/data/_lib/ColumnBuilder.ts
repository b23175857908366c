/**
 * Builds one typed column from streamed text cells, inferring its type on the way (buffered typing:
 * one pass over the input, no second read, so standard input works too). Private to `src/data`.
 *
 * Inference: the first non-missing cell proposes a type (number, then `YYYY-MM-DD` date, then
 * true/false/yes/no boolean, else text); the column keeps it while every later cell fits, and
 * falls back to categorical at the first cell that does not. Values are stored typed (8 bytes a
 * row); while a typed column has at most 1,000 distinct texts their dictionary is kept too, so a
 * late fall-back to categorical keeps the original texts (`'01'` stays `'01'`); past that limit a
 * fall-back rebuilds categories from the canonical text of the values (`String(number)`,
 * `YYYY-MM-DD`, `true`/`false`).
 *
 * @module
 */
import type { Column } from '../Dataset.js';
import { formatDayNumber, parseBooleanText, parseDateText, parseNumberText } from './cells.js';

/** The type a column is read as (booleans are stored as numeric 0/1). */
export type ColumnKind = 'numeric' | 'date' | 'boolean' | 'categorical';

/** Largest number of distinct texts remembered for a column still typed numeric/date/boolean. */
const TYPED_DICTIONARY_LIMIT = 1000;

/** A finished column and the statistics the drop rules need. */
export interface BuiltColumn {
  readonly name: string;
  /** `'empty'` when every cell was missing and no type was forced. */
  readonly kind: ColumnKind | 'empty';
  readonly column: Column;
  readonly missing: number;
  readonly nonMissing: number;
  /** Whether all non-missing values are equal (true for an empty column). */
  readonly isConstant: boolean;
  /** Whether all non-missing values are distinct (computed on demand: O(n log n) for numbers). */
  readonly hasUniqueValues: () => boolean;
  /** Numeric columns: whether every value is an integer. */
  readonly isIntegerValued: boolean;
  readonly min: number;
  readonly max: number;
}

export class ColumnBuilder {
  readonly name: string;
  readonly isForced: boolean;
  private kind: ColumnKind | 'empty';
  private rows = 0;
  private missing = 0;
  private capacity = 0;
  private values: Float64Array | null = null;
  private codes: Int32Array | null = null;
  private dictionary: Map<string, number> | null = null;
  private texts: string[] = [];
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  private isIntegerValued = true;

  /**
   * @param forced - a type given by the caller (cells are then validated before they are pushed)
   * @param initialMissing - rows already read before this column appeared (JSON Lines)
   */
  constructor(name: string, forced?: ColumnKind, initialMissing = 0) {
    this.name = name;
    this.isForced = forced !== undefined;
    this.kind = forced ?? 'empty';
    this.ensure(Math.max(1024, initialMissing));
    if (forced === undefined || forced === 'categorical') {
      this.codes = new Int32Array(this.capacity);
      this.dictionary = new Map();
    }
    if (forced !== 'categorical') this.values = new Float64Array(this.capacity);
    for (let i = 0; i < initialMissing; i++) this.pushMissing();
  }

  private ensure(needed: number): void {
    if (needed <= this.capacity) return;
    let capacity = Math.max(this.capacity * 2, 1024);
    while (capacity < needed) capacity *= 2;
    this.capacity = capacity;
    if (this.values !== null) {
      const v = new Float64Array(capacity);
      v.set(this.values.subarray(0, this.rows));
      this.values = v;
    }
    if (this.codes !== null) {
      const c = new Int32Array(capacity);
      c.set(this.codes.subarray(0, this.rows));
      this.codes = c;
    }
  }

  /** Appends a missing cell. */
  pushMissing(): void {
    if (this.rows === this.capacity) this.ensure(this.rows + 1);
    if (this.values !== null) this.values[this.rows] = Number.NaN;
    if (this.codes !== null) this.codes[this.rows] = -1;
    this.missing++;
    this.rows++;
  }

  /** Appends an already-validated value of a forced numeric, date or boolean column. */
  pushValue(v: number): void {
    if (this.rows === this.capacity) this.ensure(this.rows + 1);
    (this.values as Float64Array)[this.rows++] = v;
    this.track(v);
  }

  /** Appends the text of a (forced or inferred) categorical cell. */
  pushCategory(text: string): void {
    if (this.rows === this.capacity) this.ensure(this.rows + 1);
    (this.codes as Int32Array)[this.rows++] = this.code(text);
  }

  /** Appends a non-missing cell of a column whose type is inferred. */
  pushText(text: string): void {
    switch (this.kind) {
      case 'numeric':
        if (this.pushTyped(text, parseNumberText(text))) return;
        break;
      case 'date':
        if (this.pushTyped(text, parseDateText(text))) return;
        break;
      case 'boolean':
        if (this.pushTyped(text, parseBooleanText(text))) return;
        break;
      case 'categorical':
        this.pushCategory(text);
        return;
      case 'empty': {
        let v = parseNumberText(text);
        if (v === v) this.kind = 'numeric';
        else if ((v = parseDateText(text)) === v) this.kind = 'date';
        else if ((v = parseBooleanText(text)) === v) this.kind = 'boolean';
        if (this.kind !== 'empty' && this.pushTyped(text, v)) return;
        break;
      }
    }
    this.becomeCategorical();
    this.pushCategory(text);
  }

  private pushTyped(text: string, v: number): boolean {
    if (v !== v) return false;
    if (this.rows === this.capacity) this.ensure(this.rows + 1);
    (this.values as Float64Array)[this.rows] = v;
    if (this.dictionary !== null) {
      (this.codes as Int32Array)[this.rows] = this.code(text);
      if (this.texts.length > TYPED_DICTIONARY_LIMIT) {
        this.dictionary = null;
        this.codes = null;
        this.texts = [];
      }
    }
    this.rows++;
    this.track(v);
    return true;
  }

  private track(v: number): void {
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    if (this.isIntegerValued && !Number.isInteger(v)) this.isIntegerValued = false;
  }

  private code(text: string): number {
    const dictionary = this.dictionary as Map<string, number>;
    let c = dictionary.get(text);
    if (c === undefined) {
      c = this.texts.length;
      this.texts.push(text);
      dictionary.set(text, c);
    }
    return c;
  }

  private becomeCategorical(): void {
    if (this.dictionary === null) {
      // Rebuild categories from canonical texts of the typed values.
      const values = this.values as Float64Array;
      this.dictionary = new Map();
      this.texts = [];
      this.codes = new Int32Array(this.capacity);
      for (let i = 0; i < this.rows; i++) {
        const v = values[i];
        this.codes[i] = v !== v ? -1 : this.code(this.canonicalText(v));
      }
    }
    this.values = null;
    this.kind = 'categorical';
  }

  private canonicalText(v: number): string {
    if (this.kind === 'date') return formatDayNumber(v);
    if (this.kind === 'boolean') return v === 1 ? 'true' : 'false';
    return String(v);
  }

  /** The finished column (categories sorted by text, codes remapped) and its statistics. */
  finish(): BuiltColumn {
    const rows = this.rows;
    const nonMissing = rows - this.missing;
    if (this.kind === 'categorical') {
      const order = this.texts.map((_, i) => i).sort((a, b) => (this.texts[a] < this.texts[b] ? -1 : this.texts[a] > this.texts[b] ? 1 : 0));
      const rank = new Int32Array(order.length);
      order.forEach((old, k) => (rank[old] = k));
      const source = this.codes as Int32Array;
      const codes = new Int32Array(rows);
      for (let i = 0; i < rows; i++) codes[i] = source[i] < 0 ? -1 : rank[source[i]];
      const distinct = this.texts.length;
      return {
        name: this.name,
        kind: 'categorical',
        column: { name: this.name, type: 'categorical', codes, categories: order.map((i) => this.texts[i]) },
        missing: this.missing,
        nonMissing,
        isConstant: distinct <= 1,
        hasUniqueValues: () => distinct === nonMissing,
        isIntegerValued: false,
        min: Number.NaN,
        max: Number.NaN,
      };
    }
    const values = (this.values as Float64Array).slice(0, rows);
    return {
      name: this.name,
      kind: this.kind,
      column: { name: this.name, type: this.kind === 'date' ? 'date' : 'numeric', values },
      missing: this.missing,
      nonMissing,
      isConstant: nonMissing === 0 || this.min === this.max,
      hasUniqueValues: () => this.hasUniqueValues(values, nonMissing),
      isIntegerValued: this.isIntegerValued && nonMissing > 0,
      min: this.min,
      max: this.max,
    };
  }

  private hasUniqueValues(values: Float64Array, nonMissing: number): boolean {
    if (nonMissing <= 1) return true;
    if (this.kind === 'boolean') return nonMissing <= 2 && this.min !== this.max;
    // Cheap rejections first: an integer column narrower than its row count must repeat.
    if (this.isIntegerValued && this.max - this.min + 1 < nonMissing) return false;
    const sorted = new Float64Array(nonMissing);
    let k = 0;
    for (let i = 0; i < values.length; i++) if (values[i] === values[i]) sorted[k++] = values[i];
    sorted.sort();
    for (let i = 1; i < nonMissing; i++) if (sorted[i] === sorted[i - 1]) return false;
    return true;
  }
}
