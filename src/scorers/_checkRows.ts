import { InvalidInputError } from '../errors.js';

/**
 * A matrix's `rows` must be a non-negative integer: with `rows × width === values.length` alone, a
 * ragged matrix (e.g. `rows: 1.5` with an even width) would pass the shape check and be scored wrong.
 */
export function checkRows(rows: number, where: string): void {
  if (!(Number.isInteger(rows) && rows >= 0)) {
    throw new InvalidInputError(`${where}: rows must be a non-negative integer`, [{ code: 'invalid_rows', path: ['rows'], message: 'must be a non-negative integer' }]);
  }
}
