/** The typed arrays the parser keeps a number per row in. */
export type Numbers = Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

/** How an array is made bigger: `withRoom` (grown in place) or `sized` (a plain array of a size known ahead). */
export type Resize = <A extends Numbers>(array: A, size: number) => A;

/** The most bytes an array grown in place may reach: address space reserved, not memory taken. */
const MAX_BYTES = 2 ** 32;

/**
 * An empty array of this type that grows in place (`withRoom`). Its buffer
 * is resizable: growing copies nothing and leaves no old array behind, where
 * a doubling copy leaves the old half as garbage until the next full
 * collection (hundreds of MB at ten million rows). Untouched room costs
 * address space only, and its memory can be given back at once (`release`).
 */
export function growable<A extends Numbers>(of: new (buffer: ArrayBuffer) => A): A {
  return new of(new ArrayBuffer(0, { maxByteLength: MAX_BYTES }));
}

/**
 * `array` with room for at least `size` elements: grown in place when its
 * buffer is resizable (it tracks the buffer's length), else copied into one
 * that is (a settled or received array growing again).
 */
export function withRoom<A extends Numbers>(array: A, size: number): A {
  const bytes = size * array.BYTES_PER_ELEMENT;
  const buffer = array.buffer;
  if (buffer instanceof ArrayBuffer && buffer.resizable && array.length === buffer.byteLength / array.BYTES_PER_ELEMENT && bytes <= buffer.maxByteLength) {
    if (bytes > buffer.byteLength) buffer.resize(bytes);
    return array;
  }
  const grown = growable(array.constructor as new (buffer: ArrayBuffer) => A);
  (grown.buffer as ArrayBuffer).resize(Math.max(bytes, array.byteLength));
  grown.set(array);
  return grown;
}

/** Gives a growable array's memory back at once (it is then empty); any other array is left to the collector. */
export function release(array: Numbers): void {
  const buffer = array.buffer;
  if (buffer instanceof ArrayBuffer && buffer.resizable) buffer.resize(0);
}

/**
 * A plain array of `size` elements holding `array`'s: for a size known
 * ahead (a guess from the file's size, or the sum of merged tables). Plain
 * arrays are written and read at full speed, and one filled nearly to its
 * size settles without a copy. Past `size`, it grows as `withRoom` grows it.
 */
export function sized<A extends Numbers>(array: A, size: number): A {
  if (size <= array.length) return array;
  const plain = new (array.constructor as new (length: number) => A)(size);
  plain.set(array);
  release(array);
  return plain;
}

/** Numbers into a table of labels: 16 bits each until a number outgrows them (past 65,535 labels), then 32. */
export type LabelNumbers = Uint16Array | Uint32Array;

/** `numbers`, widened to 32 bits (same room, the narrow array's memory given back) when `n` does not fit their 16. */
export function roomForLabel(numbers: LabelNumbers, n: number): LabelNumbers {
  if (n <= 0xffff || numbers instanceof Uint32Array) return numbers;
  const wide = new Uint32Array(numbers.length);
  wide.set(numbers);
  release(numbers);
  return wide;
}

/** How much room past its length a settled array may keep rather than be copied: a guess's margin. */
const KEPT_ROOM = 1 / 16;

/**
 * The first `length` elements as a plain array: arrays read in hot loops
 * are plain, as V8 reads those about twice as fast as ones over a
 * resizable buffer. A growable array is copied and its memory given back;
 * a plain one nearly full is kept, seen through to `length`.
 */
export function settled<A extends Numbers>(array: A, length: number): A {
  const buffer = array.buffer;
  if (!(buffer instanceof ArrayBuffer && buffer.resizable) && length >= array.length * (1 - KEPT_ROOM)) {
    return (length === array.length ? array : array.subarray(0, length)) as A;
  }
  const plain = array.slice(0, length) as A;
  release(array);
  return plain;
}
