import type { CreditScoreError } from '../src/errors.js';

/** The error `fn` throws (typed for its `code` and `issues`); fails the test when it does not throw. */
export function catchError(fn: () => unknown): CreditScoreError {
  try {
    fn();
  } catch (e) {
    return e as CreditScoreError;
  }
  throw new Error('expected a throw');
}
