/**
 * The rows kept so far, by row hash, for finding exact duplicates: open
 * addressing over typed arrays, so a million rows cost about 24 MB and
 * nothing for the garbage collector to trace. Entries are the kept rows'
 * numbers (0, 1, 2…); a hash match is only a candidate until `same` confirms it.
 */
export class RowIndex {
  private slots: Int32Array = new Int32Array(1 << 12);
  private hashes: Float64Array = new Float64Array(1 << 11);
  private size = 0;

  /**
   * The first kept row with this hash that `same` confirms; otherwise records
   * `entry` under the hash and returns -1.
   */
  findOrAdd(hash: number, entry: number, same: (earlier: number) => boolean): number {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let taken = this.slots[slot]!; taken !== 0; taken = this.slots[slot]!) {
      const earlier = taken - 1;
      if (this.hashes[earlier] === hash && same(earlier)) return earlier;
      slot = (slot + 1) & mask;
    }
    this.slots[slot] = entry + 1;
    if (entry >= this.hashes.length) this.hashes = grown(this.hashes, entry + 1);
    this.hashes[entry] = hash;
    if (++this.size * 2 > this.slots.length) this.rehash();
    return -1;
  }

  /** Doubles the table, keeping it at most half full so probes stay short. */
  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (const taken of this.slots) {
      if (taken === 0) continue;
      let slot = this.hashes[taken - 1]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = taken;
    }
    this.slots = slots;
  }
}

function grown(array: Float64Array, needed: number): Float64Array {
  let size = array.length;
  while (size < needed) size *= 2;
  const bigger = new Float64Array(size);
  bigger.set(array);
  return bigger;
}
