/** The 32-bit finaliser of MurmurHash3: spreads every input bit over the output. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A 53-bit hash of a row's fields (two multiplicative lanes, field
 * boundaries included), small enough to key a Map by number. Used to find
 * candidate duplicate rows without keeping every row's text.
 */
export function rowHash(fields: readonly string[]): number {
  let a = 0x9747b28c ^ fields.length;
  let b = 0x1b873593;
  for (const field of fields) {
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i);
      a = Math.imul(a ^ c, 0x9e3779b1);
      b = Math.imul(b ^ c, 0x27d4eb2f);
    }
    a = Math.imul(a ^ 0x1f, 0x9e3779b1);
    b = Math.imul(b ^ 0x1e, 0x27d4eb2f);
  }
  return mix32(b) * 0x200000 + (mix32(a) & 0x1fffff);
}

/** A 32-bit hash of one text (an id, a team), for the typed-array tables the parser keeps. */
export function textHash(text: string): number {
  let h = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x9e3779b1);
  return mix32(h);
}
