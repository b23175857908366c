/**
 * Private: append-only typed-array buffers that double their capacity, so a stream of any length is
 * accumulated at a fixed cost per row (8 bytes for a Float64Array) without holding row objects.
 */

/** A growable Float64Array. */
export class GrowableFloat64 {
  private buffer: Float64Array;
  private size = 0;

  constructor(initialCapacity = 4096) {
    this.buffer = new Float64Array(Math.max(16, initialCapacity));
  }

  get length(): number {
    return this.size;
  }

  /** Appends every value of `values`. */
  pushAll(values: ArrayLike<number>): void {
    this.reserve(values.length);
    if (values instanceof Float64Array) this.buffer.set(values, this.size);
    else for (let i = 0; i < values.length; i++) this.buffer[this.size + i] = values[i];
    this.size += values.length;
  }

  /** Appends one value. */
  push(value: number): void {
    this.reserve(1);
    this.buffer[this.size++] = value;
  }

  /** The values so far, trimmed to length (a copy, so later pushes cannot alias it). */
  toArray(): Float64Array {
    return this.buffer.slice(0, this.size);
  }

  private reserve(extra: number): void {
    if (this.size + extra <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < this.size + extra) capacity *= 2;
    const next = new Float64Array(capacity);
    next.set(this.buffer.subarray(0, this.size));
    this.buffer = next;
  }
}

/** A growable Uint8Array (labels). */
export class GrowableUint8 {
  private buffer: Uint8Array;
  private size = 0;

  constructor(initialCapacity = 4096) {
    this.buffer = new Uint8Array(Math.max(16, initialCapacity));
  }

  get length(): number {
    return this.size;
  }

  pushAll(values: ArrayLike<number>): void {
    if (this.size + values.length > this.buffer.length) {
      let capacity = this.buffer.length * 2;
      while (capacity < this.size + values.length) capacity *= 2;
      const next = new Uint8Array(capacity);
      next.set(this.buffer.subarray(0, this.size));
      this.buffer = next;
    }
    if (values instanceof Uint8Array) this.buffer.set(values, this.size);
    else for (let i = 0; i < values.length; i++) this.buffer[this.size + i] = values[i];
    this.size += values.length;
  }

  toArray(): Uint8Array {
    return this.buffer.slice(0, this.size);
  }
}

/**
 * A growable Float32Array: champion input values kept for CSI (4 bytes per value; values are
 * rounded to single precision, 7 significant digits, which moves a value across a CSI bin edge only
 * when it lies within 1e-7 (relative) of it).
 */
export class GrowableFloat32 {
  private buffer: Float32Array;
  private size = 0;

  constructor(initialCapacity = 4096) {
    this.buffer = new Float32Array(Math.max(16, initialCapacity));
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.buffer.length) {
      const next = new Float32Array(this.buffer.length * 2);
      next.set(this.buffer);
      this.buffer = next;
    }
    this.buffer[this.size++] = value;
  }

  /** The values so far as doubles (exactly the stored single-precision values). */
  toFloat64(): Float64Array {
    return Float64Array.from(this.buffer.subarray(0, this.size));
  }
}
