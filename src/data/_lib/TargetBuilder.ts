/**
 * Reads a binary target column from text: values are compared after trimming, and numeric texts by
 * value (`'1'`, `'1.0'` and `1` are one class). Private to `src/data`.
 *
 * @module
 */
import { InvalidInputError, InvalidOptionsError } from '../../errors.js';
import { parseNumberText } from './cells.js';

/** The class key of a target text: its numeric value's text when numeric, else the trimmed text. */
export function targetKey(text: string | number): string {
  if (typeof text === 'number') return String(text);
  const t = text.trim();
  const v = parseNumberText(t);
  return v === v ? String(v) : t;
}

/** Largest number of distinct target values tracked before giving up counting exactly. */
const TRACK_LIMIT = 10_000;

export class TargetBuilder {
  readonly name: string;
  private readonly badKey: string | undefined;
  private readonly goodKey: string | undefined;
  private readonly keys = new Map<string, number>();
  private readonly counts: number[] = [];
  private codes = new Int32Array(1024);
  private rows = 0;
  /** Rows rejected because their target is neither the bad nor the good value. */
  otherRows = 0;

  constructor(name: string, bad: string | number | undefined, good: string | number | undefined) {
    this.name = name;
    this.badKey = bad === undefined ? undefined : targetKey(bad);
    this.goodKey = good === undefined ? undefined : targetKey(good);
  }

  /**
   * Checks a target cell. Returns the reason the row must be rejected, or `undefined` (the cell is
   * then remembered by {@link push}).
   */
  check(text: string | null | undefined): string | undefined {
    if (text === null || text === undefined) return `target '${this.name}' is missing`;
    if (this.goodKey !== undefined) {
      const key = targetKey(text);
      if (key !== this.goodKey && key !== this.badKey) {
        this.otherRows++;
        return `target '${this.name}' holds a value that is neither the bad nor the good value`;
      }
    }
    return undefined;
  }

  /** Remembers a checked, non-missing target cell. */
  push(text: string): void {
    const key = targetKey(text);
    let code = this.keys.get(key);
    if (code === undefined) {
      code = this.keys.size;
      if (code < TRACK_LIMIT) {
        this.keys.set(key, code);
        this.counts.push(0);
      } else {
        code = TRACK_LIMIT - 1;
      }
    }
    this.counts[code]++;
    if (this.rows === this.codes.length) {
      const c = new Int32Array(this.codes.length * 2);
      c.set(this.codes);
      this.codes = c;
    }
    this.codes[this.rows++] = code;
  }

  /**
   * The 0/1 target (1 = bad) and a message describing the mapping.
   *
   * @throws {@link InvalidInputError} when the column has more than two distinct values, or the
   * bad value occurs in no row
   * @throws {@link InvalidOptionsError} when `bad` is needed (values other than 0/1) but absent
   */
  finish(where: string): { target: Uint8Array; message: string } {
    const distinct = this.keys.size;
    if (distinct > 2) {
      const count = distinct >= TRACK_LIMIT ? `at least ${TRACK_LIMIT}` : String(distinct);
      throw new InvalidInputError(
        `${where}: target '${this.name}' has ${count} distinct values but a binary target needs two (map it to two values, or pass both \`bad\` and \`good\` to keep those two classes and report the other rows)`,
        [{ code: 'too_many_classes', path: [this.name], message: `${count} distinct values, expected 2` }],
      );
    }
    let badKey = this.badKey;
    if (badKey === undefined) {
      for (const key of this.keys.keys()) {
        if (key !== '0' && key !== '1') {
          throw new InvalidOptionsError(`${where}: target '${this.name}' is not coded 0/1; pass \`bad\` to say which value means bad`, [
            { code: 'bad_value_required', path: ['bad'], message: 'needed when the target is not coded 0/1' },
          ]);
        }
      }
      badKey = '1';
    } else if (!this.keys.has(badKey) && this.rows > 0) {
      throw new InvalidInputError(`${where}: the bad value given matches no row of target '${this.name}' (${distinct} distinct value${distinct === 1 ? '' : 's'} found)`, [
        { code: 'bad_value_not_found', path: [this.name], message: 'no row holds the bad value' },
      ]);
    }
    const badCode = this.keys.get(badKey) ?? -1;
    const target = new Uint8Array(this.rows);
    let bad = 0;
    for (let i = 0; i < this.rows; i++) {
      if (this.codes[i] === badCode) {
        target[i] = 1;
        bad++;
      }
    }
    const rate = this.rows === 0 ? 'no rows' : `bad rate ${((100 * bad) / this.rows).toFixed(2)}%`;
    return { target, message: `target '${this.name}': ${bad} bad and ${this.rows - bad} good rows (${rate})` };
  }
}
