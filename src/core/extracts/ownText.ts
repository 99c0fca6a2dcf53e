/** V8 makes a substring this long or longer a view into the string it was cut from. */
const SLICE_MIN_LENGTH = 13;

/**
 * A copy of `text` that holds on to no larger string. The CSV scanner cuts
 * fields out of whole decoded chunks, and a kept field of 13 or more
 * characters would keep its chunk alive (in effect the whole file, a few
 * kept values per chunk): every value kept past its row goes through this.
 * Appending a character makes a new string, flattened when it is sliced.
 */
export function ownText(text: string): string {
  return text.length < SLICE_MIN_LENGTH ? text : (text + ' ').slice(0, -1);
}

/**
 * `text`, flattened in place. V8 keeps a string built by joining others as a
 * tree of its pieces (32 bytes a join, and every piece) until something reads
 * it by character, which copies it into one string of its length: a kept
 * exception's detail of five joins shrinks to a third.
 */
export function flatText(text: string): string {
  text.charCodeAt(0);
  return text;
}
