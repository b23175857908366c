/**
 * Splits streamed text into lines (LF or CRLF) with 1-based line numbers, skipping blank lines and
 * reporting (then skipping) lines longer than a limit so memory stays bounded. Private to `src/data`.
 *
 * @module
 */

/** A non-blank line, or an over-long one reported as an error. */
export type LineItem = { readonly line: number; readonly text: string } | { readonly line: number; readonly error: string };

export class LineSplitter {
  private buffer = '';
  private line = 1;
  private isSkipping = false;
  private readonly maxLineChars: number;

  constructor(maxLineChars: number) {
    this.maxLineChars = maxLineChars;
  }

  /** Feeds text; complete lines go to `out`. */
  push(text: string, out: LineItem[]): void {
    const s = this.buffer.length === 0 ? text : this.buffer + text;
    let pos = 0;
    if (this.isSkipping) {
      const end = s.indexOf('\n');
      if (end === -1) {
        this.buffer = '';
        return;
      }
      pos = end + 1;
      this.line++;
      this.isSkipping = false;
    }
    for (;;) {
      const end = s.indexOf('\n', pos);
      if (end === -1) break;
      this.emit(s, pos, end, out);
      pos = end + 1;
    }
    if (s.length - pos > this.maxLineChars) {
      out.push({ line: this.line, error: `line longer than ${this.maxLineChars} characters` });
      this.isSkipping = true;
      this.buffer = '';
      return;
    }
    this.buffer = pos === 0 ? s : s.slice(pos);
  }

  /** Signals the end of input; a last line without a line break goes to `out`. */
  end(out: LineItem[]): void {
    if (!this.isSkipping && this.buffer.length > 0) this.emit(this.buffer, 0, this.buffer.length, out);
    this.buffer = '';
  }

  private emit(s: string, start: number, end: number, out: LineItem[]): void {
    let stop = end;
    if (stop > start && s.charCodeAt(stop - 1) === 13) stop--;
    const text = s.slice(start, stop);
    if (text.length > this.maxLineChars) out.push({ line: this.line, error: `line longer than ${this.maxLineChars} characters` });
    else if (text.trim().length > 0) out.push({ line: this.line, text });
    this.line++;
  }
}
