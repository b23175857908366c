import { hashSha256 } from './hashSha256.js';

/**
 * Canonical JSON text of a plain-data value: `JSON.stringify` of a copy whose object keys are
 * inserted in sorted order (by UTF-16 code units; note that JavaScript still lists integer-like keys
 * such as `"7"` first, in numeric order — deterministic either way), no whitespace, `undefined`
 * members dropped as `JSON.stringify` drops them. Two values that are equal as JSON data give the
 * same text whatever their key order; numbers are written as `JSON.stringify` writes them (the
 * shortest text that round-trips, identical on every conforming engine). Private helper.
 * O(size · log keys per object).
 *
 * @throws Error when the value holds a non-finite number, a bigint, a function or a cycle (not JSON data)
 * @example
 * canonicalJson({ b: 1, a: [true, null, { d: 'x', c: 2 }] });
 * //=> '{"a":[true,null,{"c":2,"d":"x"}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedCopy(value, new Set()));
}

function sortedCopy(value: unknown, seen: Set<object>): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new Error('canonicalJson: non-finite number is not JSON data');
      return value;
    case 'object':
      if (value === null) return null;
      break;
    default:
      throw new Error(`canonicalJson: a ${typeof value} is not JSON data`);
  }
  const obj = value as object;
  if (seen.has(obj)) throw new Error('canonicalJson: cyclic value');
  seen.add(obj);
  let out: unknown;
  if (Array.isArray(obj) || ArrayBuffer.isView(obj)) {
    const items = (Array.isArray(obj) ? obj : Array.from(obj as unknown as ArrayLike<number>)) as unknown[];
    let allNumbers = true;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item !== 'number') {
        allNumbers = false;
        break;
      }
      if (!Number.isFinite(item)) throw new Error('canonicalJson: non-finite number is not JSON data');
    }
    // undefined / function items become null, as JSON.stringify writes them in arrays
    out = allNumbers ? items : items.map((item) => (item === undefined || typeof item === 'function' ? null : sortedCopy(item, seen)));
  } else {
    const record = obj as Record<string, unknown>;
    // null prototype: a "__proto__" key stays an ordinary member instead of setting the prototype
    const copy = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(record).sort()) {
      const v = record[key];
      if (v === undefined || typeof v === 'function') continue;
      copy[key] = sortedCopy(v, seen);
    }
    out = copy;
  }
  seen.delete(obj);
  return out;
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
