import { hashSha256 } from './hashSha256.js';

/**
 * Canonical JSON text of a plain-data value: object keys sorted (by UTF-16 code units, as
 * `Array.prototype.sort` does), no whitespace, numbers as `JSON.stringify` writes them (the shortest
 * text that round-trips, identical on every conforming engine), `undefined` members dropped as
 * `JSON.stringify` drops them. Two values that are equal as JSON data give the same text whatever
 * their key order. Private helper.
 *
 * @throws Error when the value holds a non-finite number, a bigint, a function or a cycle (not JSON data)
 * @example
 * canonicalJson({ b: 1, a: [true, null, { d: 'x', c: 2 }] });
 * //=> '{"a":[true,null,{"c":2,"d":"x"}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts, new Set());
  return parts.join('');
}

function write(value: unknown, out: string[], seen: Set<object>): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      out.push(JSON.stringify(value));
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new Error('canonicalJson: non-finite number is not JSON data');
      out.push(JSON.stringify(value));
      return;
    case 'object':
      break;
    default:
      throw new Error(`canonicalJson: a ${typeof value} is not JSON data`);
  }
  const obj = value as object;
  if (seen.has(obj)) throw new Error('canonicalJson: cyclic value');
  seen.add(obj);
  if (Array.isArray(obj) || ArrayBuffer.isView(obj)) {
    const items = Array.isArray(obj) ? obj : Array.from(obj as unknown as ArrayLike<number>);
    out.push('[');
    for (let i = 0; i < items.length; i++) {
      if (i > 0) out.push(',');
      const item: unknown = items[i];
      if (item === undefined || typeof item === 'function') out.push('null');
      else write(item, out, seen);
    }
    out.push(']');
  } else {
    const record = obj as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    out.push('{');
    let first = true;
    for (const key of keys) {
      const v = record[key];
      if (v === undefined || typeof v === 'function') continue;
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(key), ':');
      write(v, out, seen);
    }
    out.push('}');
  }
  seen.delete(obj);
}

/**
 * SHA-256 (hex) of the UTF-8 bytes of {@link canonicalJson}: a content hash that ignores key order
 * and formatting. Private helper.
 *
 * @example
 * hashCanonicalJson({ b: 1, a: 2 }) === hashCanonicalJson({ a: 2, b: 1 }); //=> true
 */
export function hashCanonicalJson(value: unknown): string {
  return hashSha256(new TextEncoder().encode(canonicalJson(value)));
}
