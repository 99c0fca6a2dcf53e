/** The most slots `reserve` makes room for ahead (a 512 MB table): past it, a table grows as entries come. */
const MAX_RESERVED_SLOTS = 2 ** 26;

/** The slots of a new, empty index. */
const FIRST_SLOTS = 4096;

/**
 * Where a hash's probe starts in a table of `slotCount` slots (as an index
 * into the array of pairs): the hash scaled to the table, so the table need
 * not be a power of two. The product is not exact past 2^53, but it is the
 * same on every run and lies below the slot count.
 */
function homeOf(low: number, slotCount: number): number {
  return Math.floor(((low >>> 0) * slotCount) / 4294967296) << 1;
}

/**
 * The rows kept so far, by row hash, for finding exact duplicates: open
 * addressing over one typed array, so a million rows cost about 11 MB and
 * nothing for the garbage collector to trace. Entries are the kept rows'
 * numbers (0, 1, 2…); a hash match is only a candidate until `same` confirms it.
 *
 * Each slot holds two 32-bit numbers side by side: the 32-bit hash
 * (where the slot is, and a first filter of candidates) and the entry + 1
 * (0: empty). A probe reads one cache line, where a separate array of hashes
 * by entry would cost a second random read per slot passed. The array is
 * a plain one, not a resizable buffer (as an event log's are while it grows past its guess): V8 reads
 * plain arrays faster, and record kinds probe three indexes a row.
 */
export class RowIndex {
  private slots: Int32Array = new Int32Array(FIRST_SLOTS * 2);
  private size = 0;

  /**
   * The first kept row with this hash that `same` confirms; otherwise records
   * `entry` under the hash and returns -1.
   */
  findOrAdd(hash: number, entry: number, same: (earlier: number) => boolean): number {
    const low = hash | 0;
    const at = this.probe(low, same);
    const slots = this.slots;
    if (slots[at + 1] !== 0) return slots[at + 1]! - 1;
    slots[at] = low;
    slots[at + 1] = entry + 1;
    if (++this.size * 4 > (slots.length >> 1) * 3) this.rehash();
    return -1;
  }

  /** The first kept row with this hash that `same` confirms, else -1. */
  find(hash: number, same: (earlier: number) => boolean): number {
    return this.slots[this.probe(hash | 0, same) + 1]! - 1;
  }

  /** Where the first kept row with this hash that `same` confirms is, else the empty slot that ends the probe. */
  private probe(low: number, same: (earlier: number) => boolean): number {
    const slots = this.slots;
    let at = homeOf(low, slots.length >> 1);
    for (let taken = slots[at + 1]!; taken !== 0; taken = slots[at + 1]!) {
      if (slots[at] === low && same(taken - 1)) return at;
      at += 2;
      if (at === slots.length) at = 0;
    }
    return at;
  }

  /**
   * Makes room for this many entries in all, so the table need not grow (a
   * guess: more may come): three quarters full at the guess, not rounded up
   * to a power of two (ten million rows take 107 MB while read, not 134).
   */
  reserve(entries: number): void {
    const needed = Math.min(Math.ceil((entries * 4) / 3), MAX_RESERVED_SLOTS);
    if (needed > this.slots.length >> 1) this.resize(needed);
  }

  /** Doubles the table, keeping it at most three quarters full: probes stay short (neighbouring slots share a cache line). */
  private rehash(): void {
    this.resize(this.slots.length);
  }

  /** Moves every entry into a table of this many slots. */
  private resize(slotCount: number): void {
    const old = this.slots;
    const slots = new Int32Array(slotCount * 2);
    for (let from = 0; from < old.length; from += 2) {
      const taken = old[from + 1]!;
      if (taken === 0) continue;
      const low = old[from]!;
      let at = homeOf(low, slotCount);
      while (slots[at + 1] !== 0) {
        at += 2;
        if (at === slots.length) at = 0;
      }
      slots[at] = low;
      slots[at + 1] = taken;
    }
    this.slots = slots;
  }

  /** Empties the index, dropping its table. */
  clear(): void {
    this.slots = new Int32Array(FIRST_SLOTS * 2);
    this.size = 0;
  }
}
