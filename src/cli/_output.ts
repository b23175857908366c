/**
 * Output files of the commands: checked (or opened) before any long work, so a bad `--out` path
 * fails at once with exit 2 and a clear message, never after a long fit or as a stack trace.
 */
import { accessSync, closeSync, constants, createWriteStream, openSync, statSync, type WriteStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InvalidInputError } from '../errors.js';

const REASONS: Record<string, string> = {
  ENOENT: 'its directory does not exist',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  EROFS: 'read-only file system',
};

function unwritable(command: string, path: string, code: string | undefined, cause?: unknown): InvalidInputError {
  const reason = (code !== undefined ? REASONS[code] : undefined) ?? 'it cannot be opened for writing';
  return new InvalidInputError(
    `${command}: cannot write --out ${path}: ${reason}${code !== undefined ? ` (${code})` : ''}`,
    [{ code: 'unwritable_output', path: ['out'], message: reason }],
    { cause },
  );
}

/**
 * Checks that `path` can be written without creating or truncating it: an existing file must be
 * writable and not a directory; otherwise its directory must exist and be writable.
 *
 * @throws InvalidInputError (exit 2) naming the path and the reason
 */
export function checkOutputPath(command: string, path: string): void {
  try {
    let isFile = false;
    try {
      const s = statSync(path);
      if (s.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      isFile = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (isFile) accessSync(path, constants.W_OK);
    else {
      const dir = dirname(resolve(path));
      if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
      accessSync(dir, constants.W_OK);
    }
  } catch (e) {
    throw unwritable(command, path, (e as NodeJS.ErrnoException).code, e);
  }
}

/**
 * Opens `path` for writing now (created or truncated), so an unwritable path fails before any
 * input is read. A later write error (disk full...) is reported through `failure()`.
 *
 * @throws InvalidInputError (exit 2) naming the path and the reason
 */
export function openOutput(command: string, path: string): { stream: WriteStream; failure: () => Error | undefined } {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (e) {
    throw unwritable(command, path, (e as NodeJS.ErrnoException).code, e);
  }
  let failure: Error | undefined;
  let stream: WriteStream;
  try {
    stream = createWriteStream(path, { fd });
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  stream.on('error', (e: NodeJS.ErrnoException) => {
    failure = unwritable(command, path, e.code, e);
  });
  return { stream, failure: () => failure };
}
