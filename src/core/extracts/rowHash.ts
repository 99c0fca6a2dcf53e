/** The 32-bit finaliser of MurmurHash3: spreads every input bit over the output. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A 32-bit hash of a row's fields, field boundaries included: what the
 * duplicate index keys its slots by. Used to find candidate duplicate rows
 * without keeping every row's text; each candidate is confirmed on its
 * values, so two rows sharing a hash cost a comparison, never a figure.
 */
export function rowHash(fields: readonly string[]): number {
  let h = 0x9747b28c ^ fields.length;
  for (const field of fields) {
    for (let i = 0; i < field.length; i++) h = Math.imul(h ^ field.charCodeAt(i), 0x9e3779b1);
    h = Math.imul(h ^ 0x1f, 0x9e3779b1);
  }
  return mix32(h);
}

/** A 32-bit hash of one text (an id, a team), for the typed-array tables the parser keeps. */
export function textHash(text: string): number {
  let h = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x9e3779b1);
  return mix32(h);
}
