/**
 * An incremental RFC 4180 tokenizer that reports the physical line each record starts on.
 *
 * Why not csv-parse: `npx tsx benchmarks/readLargeCsv.ts --rows 1000000` (a seeded 1M-row,
 * 14-column, 64 MB file; each task in its own process; CPU seconds, since wall time is meaningless
 * on a loaded machine), three runs on a shared 2-core machine, Node 20: `readRows` (this tokenizer
 * plus missing tokens and one record object per row, async iteration) 2.4-2.6 CPU s = 379k-414k rows
 * per CPU second; csv-parse 7 async iteration with `info` (record line numbers, which error reports
 * need) 8.6-10.0 CPU s = 100k-116k rows per CPU s, without `info` (its best case) 4.6-5.6 CPU s =
 * 180k-217k. So readRows is about 3.5x csv-parse as the reader would use it and about 2x its best
 * case (with `--rows 200000`: 343k vs 93k / 165k rows per CPU s). Besides, csv-parse's `info.lines`
 * counts a CRLF inside a quoted field twice, so every later error would cite the wrong line.
 * test/data/csvTokenizer.test.ts checks this tokenizer (and readRows) against csv-parse on seeded
 * random RFC 4180 tables, and pins that line-count difference.
 *
 * Rules:
 * - fields are separated by a one-character `delimiter`; records end at LF or CRLF (or at a lone
 *   CR when the first line ends with one: classic Mac files);
 * - a field starting with `"` is quoted: it may hold delimiters, line breaks and `""` (one quote);
 *   the closing quote must be followed by a delimiter, a line break or the end of input, else the
 *   record is reported malformed and reading resumes on the next line;
 * - a `"` inside an unquoted field is kept as text (`12" pipe`), as most producers expect;
 * - blank lines (empty or only blanks) are skipped;
 * - a record longer than `maxRecordChars` (typically a quote left open) is reported and reading
 *   resumes on the line after the one it started on, so memory stays bounded; a quote still open at
 *   the end of input is reported the same way.
 *
 * Cost: O(input length); unquoted lines take a fast path (one `indexOf` and one `split`).
 *
 * @module
 */

/** One record: its fields and the 1-based physical line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/** A malformed record: where it starts, the reason, and the 0-based field index when known. */
export interface CsvMalformed {
  readonly line: number;
  readonly error: string;
  readonly field?: number;
}

/** What the tokenizer emits, in input order. */
export type CsvItem = CsvRecord | CsvMalformed;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Marker for "the record continues past the end of the buffer". */
const INCOMPLETE = -1;

export class CsvTokenizer {
  private buffer = '';
  /** Physical line number of `buffer[0]`. */
  private line = 1;
  /** Line break character: LF (also covers CRLF) or CR (classic Mac); decided by the first line. */
  private eol: number | undefined;
  private readonly delimiter: string;
  private readonly delimiterCode: number;
  private readonly maxRecordChars: number;

  // Results of the last parseQuotedRecord call.
  private fields: string[] = [];
  private breaks = 0;
  private malformed: CsvMalformed | undefined;

  constructor(delimiter: string, maxRecordChars: number) {
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
    this.maxRecordChars = maxRecordChars;
  }

  /** Feeds more text; complete records are appended to `out`. */
  push(text: string, out: CsvItem[]): void {
    this.buffer = this.buffer.length === 0 ? text : this.buffer + text;
    this.parse(out, false);
  }

  /** Signals the end of input; the last records (and any open-quote error) are appended to `out`. */
  end(out: CsvItem[]): void {
    this.parse(out, true);
    this.buffer = '';
  }

  private detectEol(s: string): void {
    // The first line break outside quotes decides between LF/CRLF and lone CR.
    let inQuotes = false;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === QUOTE) inQuotes = !inQuotes;
      else if (!inQuotes && c === LF) {
        this.eol = LF;
        return;
      } else if (!inQuotes && c === CR) {
        if (i + 1 >= s.length) return; // cannot tell yet
        this.eol = s.charCodeAt(i + 1) === LF ? LF : CR;
        return;
      }
    }
  }

  private parse(out: CsvItem[], isFinal: boolean): void {
    if (this.eol === undefined) {
      this.detectEol(this.buffer);
      if (this.eol === undefined) {
        if (!isFinal && this.buffer.length <= this.maxRecordChars) return;
        this.eol = LF;
      }
    }
    const eolChar = this.eol === LF ? '\n' : '\r';
    if (this.isSkipping) {
      // The rest of an over-long line that was already reported.
      const lineEnd = this.buffer.indexOf(eolChar);
      if (lineEnd === -1) {
        this.buffer = '';
        return;
      }
      this.buffer = this.buffer.slice(lineEnd + 1);
      this.line++;
      this.isSkipping = false;
    }
    const s = this.buffer;
    const n = s.length;
    const isLf = this.eol === LF;
    const delimiter = this.delimiter;
    let pos = 0;
    let line = this.line;
    let quote = s.indexOf('"');
    if (quote === -1) quote = n;
    while (pos < n) {
      if (quote < pos) {
        quote = s.indexOf('"', pos);
        if (quote === -1) quote = n;
      }
      let lineEnd = s.indexOf(eolChar, pos);
      if (lineEnd === -1) {
        if (!isFinal) {
          if (n - pos > this.maxRecordChars) {
            out.push({ line, error: `record longer than ${this.maxRecordChars} characters` });
            this.isSkipping = true;
            pos = n;
          }
          break;
        }
        lineEnd = n;
      }
      if (quote >= lineEnd) {
        // Fast path: no quote on this line.
        let end = lineEnd;
        if (isLf && end > pos && s.charCodeAt(end - 1) === CR) end--;
        if (end > pos) {
          const fields = s.slice(pos, end).split(delimiter);
          if (fields.length > 1 || fields[0].trim().length > 0) out.push({ line, fields });
        }
        pos = lineEnd + 1;
        line++;
        continue;
      }
      // Slow path: the record has a quote somewhere.
      const next = this.parseQuotedRecord(s, pos, isFinal);
      if (next === INCOMPLETE) {
        if (!isFinal && n - pos <= this.maxRecordChars) break;
        // A quote that never closes (or closes absurdly far away): report the record and resume
        // on the line after the one it starts on.
        out.push({
          line,
          error: isFinal ? 'quoted field not closed before the end of input' : `record longer than ${this.maxRecordChars} characters (is a quote left open?)`,
        });
        pos = lineEnd === n ? n : lineEnd + 1;
        line++;
        continue;
      }
      if (this.malformed !== undefined) {
        out.push({ ...this.malformed, line });
      } else if (this.fields.length > 1 || this.fields[0].trim().length > 0) {
        out.push({ line, fields: this.fields });
      }
      line += this.breaks;
      pos = next;
    }
    this.buffer = pos >= n ? '' : s.slice(pos);
    this.line = line;
  }

  /** Set when the rest of an already-reported line must be skipped as more text arrives. */
  private isSkipping = false;

  /** Index of the first line break (LF, or CR in CR mode) at or after `from`, or -1. */
  private findLineEnd(s: string, from: number): number {
    return s.indexOf(this.eol === LF ? '\n' : '\r', from);
  }

  /** Number of line breaks in `s[from, to)`. */
  private countBreaks(s: string, from: number, to: number): number {
    const ch = this.eol === LF ? '\n' : '\r';
    let count = 0;
    let i = s.indexOf(ch, from);
    while (i !== -1 && i < to) {
      count++;
      i = s.indexOf(ch, i + 1);
    }
    return count;
  }

  /**
   * Parses one record starting at `start` with the general state machine. Returns the index just
   * after the record's terminator and sets `fields`, `breaks` (line breaks consumed, terminator
   * included) and `malformed`; or returns INCOMPLETE when the buffer ends inside the record.
   */
  private parseQuotedRecord(s: string, start: number, isFinal: boolean): number {
    const n = s.length;
    const d = this.delimiterCode;
    const isLf = this.eol === LF;
    const fields: string[] = [];
    let breaks = 0;
    let i = start;
    this.malformed = undefined;
    for (;;) {
      if (i < n && s.charCodeAt(i) === QUOTE) {
        // Quoted field.
        let value = '';
        let segment = i + 1;
        let j = segment;
        for (;;) {
          const q = s.indexOf('"', j);
          if (q === -1) return INCOMPLETE;
          if (q + 1 >= n && !isFinal) return INCOMPLETE; // is it "" or a closing quote?
          if (s.charCodeAt(q + 1) === QUOTE) {
            value += s.slice(segment, q + 1);
            j = q + 2;
            segment = j;
            continue;
          }
          breaks += this.countBreaks(s, i, q);
          value += s.slice(segment, q);
          i = q + 1;
          break;
        }
        fields.push(value);
        if (i >= n) {
          // End of input right after the closing quote (isFinal, checked above).
          this.fields = fields;
          this.breaks = breaks;
          return n;
        }
        const c = s.charCodeAt(i);
        if (c === d) {
          i++;
          continue;
        }
        const terminator = this.terminatorLength(s, i, isLf);
        if (terminator === INCOMPLETE) {
          if (!isFinal) return INCOMPLETE;
          this.fields = fields;
          this.breaks = breaks;
          return n;
        }
        if (terminator > 0) {
          this.fields = fields;
          this.breaks = breaks + 1;
          return i + terminator;
        }
        // Text after a closing quote: malformed. Resume after the current physical line.
        const lineEnd = this.findLineEnd(s, i);
        if (lineEnd === -1 && !isFinal) return INCOMPLETE;
        this.malformed = { line: 0, error: `text after the closing quote of field ${fields.length}`, field: fields.length - 1 };
        this.fields = fields;
        this.breaks = breaks + (lineEnd === -1 ? 0 : 1);
        return lineEnd === -1 ? n : lineEnd + 1;
      }
      // Unquoted field: up to the next delimiter or line break; quotes inside are text.
      let j = i;
      for (;;) {
        if (j >= n) {
          if (!isFinal) return INCOMPLETE;
          fields.push(s.slice(i, j));
          this.fields = fields;
          this.breaks = breaks;
          return n;
        }
        const c = s.charCodeAt(j);
        if (c === d) {
          fields.push(s.slice(i, j));
          i = j + 1;
          break;
        }
        if (c === LF || c === CR) {
          const terminator = this.terminatorLength(s, j, isLf);
          if (terminator === INCOMPLETE) {
            if (!isFinal) return INCOMPLETE;
            // A lone CR at the very end in LF mode: text.
            fields.push(s.slice(i, n));
            this.fields = fields;
            this.breaks = breaks;
            return n;
          }
          if (terminator > 0) {
            fields.push(s.slice(i, j));
            this.fields = fields;
            this.breaks = breaks + 1;
            return j + terminator;
          }
        }
        j++;
      }
    }
  }

  /**
   * Length of the record terminator at `i` (1 for LF or lone CR, 2 for CRLF), 0 when `s[i]` does
   * not end a record (a lone CR in LF mode is text), INCOMPLETE when a CR ends the buffer.
   */
  private terminatorLength(s: string, i: number, isLf: boolean): number {
    const c = s.charCodeAt(i);
    if (isLf) {
      if (c === LF) return 1;
      if (c === CR) {
        if (i + 1 >= s.length) return INCOMPLETE;
        return s.charCodeAt(i + 1) === LF ? 2 : 0;
      }
      return 0;
    }
    if (c === CR) {
      if (i + 1 >= s.length) return 1;
      return s.charCodeAt(i + 1) === LF ? 2 : 1;
    }
    return 0;
  }
}
