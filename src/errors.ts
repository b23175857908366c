import type { $ZodError } from 'zod/v4/core';

/**
 * Machine-readable category of a {@link CreditScoreError}.
 *
 * @category Errors
 * @example
 * const code: ErrorCode = 'invalid_input';
 */
export type ErrorCode =
  | 'invalid_input'
  | 'invalid_artifact'
  | 'unsupported_artifact_version'
  | 'insufficient_data'
  | 'convergence_failed'
  | 'unknown_feature'
  | 'invalid_options';

/**
 * One problem found in an input: where it is (`path`, e.g. `['bureau', 'tradelines', 3, 'balance']`),
 * which rule it broke (`code`), and a message that never contains the offending value of an
 * identifying field.
 *
 * @category Errors
 * @example
 * const issue: Issue = { code: 'too_small', path: ['application', 'requestedAmount'], message: 'must be >= 0' };
 */
export interface Issue {
  /** The rule broken, e.g. `invalid_type`, `too_small`, `invalid_date`, `unrecognized_keys`. */
  code: string;
  /** Keys and array indices from the root of the input to the offending field. */
  path: (string | number)[];
  /** Human-readable description of the rule broken (no personal data). */
  message: string;
}

/**
 * Formats an issue path the way people write it: `bureau.tradelines[3].balance`.
 *
 * @category Errors
 * @example
 * formatIssuePath(['bureau', 'tradelines', 3, 'balance']);
 * //=> 'bureau.tradelines[3].balance'
 */
export function formatIssuePath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * Base class of every error this library throws. Carries a stable `code` and the list of `issues`.
 *
 * @category Errors
 * @example
 * try {
 *   parseApplicant({});
 * } catch (e) {
 *   if (e instanceof CreditScoreError) e.code; //=> 'invalid_input'
 * }
 */
export class CreditScoreError extends Error {
  /** Stable machine-readable category. */
  readonly code: ErrorCode;
  /** Every problem found, each with its path and rule. */
  readonly issues: readonly Issue[];

  constructor(code: ErrorCode, message: string, issues: readonly Issue[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.issues = issues;
  }

  /** A plain-data form for JSON output (CLI error rows, batch results). */
  toJSON(): { code: ErrorCode; message: string; issues: Issue[] } {
    return { code: this.code, message: this.message, issues: this.issues.map((i) => ({ ...i, path: [...i.path] })) };
  }
}

/**
 * Raw input (an applicant, a feature record, a data row) broke the schema.
 *
 * @category Errors
 * @example
 * new InvalidInputError('parseApplicant: 1 issue', [{ code: 'invalid_date', path: ['asOf'], message: 'not a calendar date' }]);
 */
export class InvalidInputError extends CreditScoreError {
  constructor(message: string, issues: readonly Issue[] = [], options?: { cause?: unknown }) {
    super('invalid_input', message, issues, options);
  }
}

/**
 * A model artifact is malformed, tampered with, of an unsupported version, or does not match the features given.
 *
 * @category Errors
 * @example
 * new InvalidArtifactError('loadModel: unknown kind', [{ code: 'invalid_value', path: ['kind'], message: 'unknown model kind' }]);
 */
export class InvalidArtifactError extends CreditScoreError {
  constructor(
    message: string,
    issues: readonly Issue[] = [],
    options?: { cause?: unknown; code?: 'invalid_artifact' | 'unsupported_artifact_version' | 'unknown_feature' },
  ) {
    super(options?.code ?? 'invalid_artifact', message, issues, options);
  }
}

/**
 * Training data cannot support a fit: one class only, no usable feature, too few rows.
 *
 * @category Errors
 * @example
 * new InsufficientDataError('fitLogisticRegression: the target has one class only');
 */
export class InsufficientDataError extends CreditScoreError {
  constructor(message: string, issues: readonly Issue[] = [], options?: { cause?: unknown }) {
    super('insufficient_data', message, issues, options);
  }
}

/**
 * An iterative fit did not converge within its iteration budget.
 *
 * @category Errors
 * @example
 * new ConvergenceError('fitLogisticRegression: no convergence after 100 iterations');
 */
export class ConvergenceError extends CreditScoreError {
  constructor(message: string, issues: readonly Issue[] = [], options?: { cause?: unknown }) {
    super('convergence_failed', message, issues, options);
  }
}

/**
 * Options passed to a function are invalid (out of range, contradictory).
 *
 * @category Errors
 * @example
 * new InvalidOptionsError('fitScorecard: maxBins must be >= 2', [{ code: 'too_small', path: ['maxBins'], message: 'must be >= 2' }]);
 */
export class InvalidOptionsError extends CreditScoreError {
  constructor(message: string, issues: readonly Issue[] = [], options?: { cause?: unknown }) {
    super('invalid_options', message, issues, options);
  }
}

/**
 * Converts zod issues (classic `zod` or `zod/mini`: both raise zod core's `$ZodError`) to
 * {@link Issue}s. Messages are zod's rule descriptions (which never include the received value for
 * strings), so no personal data leaks through them.
 *
 * @category Errors
 * @example
 * const r = z.object({ a: z.number() }).safeParse({ a: 'x' });
 * if (!r.success) issuesFromZod(r.error)[0].path; //=> ['a']
 */
export function issuesFromZod(error: $ZodError): Issue[] {
  return error.issues.map((i) => ({
    // Custom checks carry their rule name in params.rule (e.g. 'invalid_date').
    code: i.code === 'custom' && typeof i.params?.rule === 'string' ? i.params.rule : i.code,
    path: i.path.map((k) => (typeof k === 'symbol' ? String(k) : k)),
    message: i.message,
  }));
}

/**
 * Wraps a `ZodError` in the given error class, with a message that lists every issue by path.
 *
 * @category Errors
 * @example
 * const r = z.object({ a: z.number() }).safeParse({});
 * if (!r.success) fromZodError(r.error, 'parseThing', InvalidInputError).issues.length; //=> 1
 */
export function fromZodError<E extends CreditScoreError>(
  error: $ZodError,
  where: string,
  ErrorClass: new (message: string, issues: readonly Issue[], options?: { cause?: unknown }) => E,
): E {
  const issues = issuesFromZod(error);
  const shown = issues.slice(0, 10).map((i) => `${formatIssuePath(i.path)}: ${i.message}`);
  const more = issues.length > 10 ? `; and ${issues.length - 10} more` : '';
  const message = `${where}: ${issues.length} issue${issues.length === 1 ? '' : 's'} (${shown.join('; ')}${more})`;
  return new ErrorClass(message, issues, { cause: error });
}

/**
 * A copy of `error` whose issue paths start with `prefix` (e.g. the row index in a batch), same
 * class, code and message.
 *
 * @category Errors
 * @example
 * withPathPrefix(new InvalidInputError('x', [{ code: 'c', path: ['asOf'], message: 'm' }]), [3]).issues[0].path;
 * //=> [3, 'asOf']
 */
export function withPathPrefix<E extends CreditScoreError>(error: E, prefix: readonly (string | number)[]): E {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as E;
  Object.assign(copy, error, { issues: error.issues.map((i) => ({ ...i, path: [...prefix, ...i.path] })) });
  Object.defineProperty(copy, 'message', { value: error.message, enumerable: false, writable: true, configurable: true });
  Object.defineProperty(copy, 'stack', { value: error.stack, enumerable: false, writable: true, configurable: true });
  return copy;
}
