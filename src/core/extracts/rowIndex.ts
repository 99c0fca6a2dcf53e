/** The most slots `reserve` makes room for ahead (a 512 MB table): past it, a table grows as entries come. */
const MAX_RESERVED_SLOTS = 2 ** 26;

/** The slots of a new, empty index. */
const FIRST_SLOTS = 4096;

/** From this many entries made room for ahead, they go in a packed table (see PackedSlots); below, its saving is a few hundred KB. */
const PACKED_FROM_ENTRIES = 2 ** 16;

/** What `probe` is told whether a kept entry is the one looked for. */
type Same = (earlier: number) => boolean;

/**
 * Where a hash's probe starts in a table of `slotCount` slots: the hash's
 * high bits scaled to the table, so the table need not be a power of two
 * (and the low bits are free for a packed slot's check). The product is not
 * exact past 2^53, but it is the same on every run and lies below the count.
 */
function homeOf(low: number, slotCount: number): number {
  return Math.floor(((low >>> 0) * slotCount) / 4294967296);
}

/**
 * Slots of two 32-bit numbers side by side: the 32-bit hash (where the slot
 * is, and a first filter of candidates) and the entry + 1 (0: empty). A
 * probe reads one cache line, where a separate array of hashes by entry
 * would cost a second random read per slot passed. Holding whole hashes, it
 * can grow: every entry moves to its place in a table twice the size.
 */
class WideSlots {
  private slots: Int32Array = new Int32Array(FIRST_SLOTS * 2);
  size = 0;

  /** The slot (as an index of pairs) holding the entry `same` confirms, else the empty slot that ends the probe. */
  probe(low: number, same: Same): number {
    const slots = this.slots;
    let at = homeOf(low, slots.length >> 1) << 1;
    for (let taken = slots[at + 1]!; taken !== 0; taken = slots[at + 1]!) {
      if (slots[at] === low && same(taken - 1)) return at;
      at += 2;
      if (at === slots.length) at = 0;
    }
    return at;
  }

  /** The entry in slot `at`, else -1. */
  entryAt(at: number): number {
    return this.slots[at + 1]! - 1;
  }

  /** Puts the entry in the empty slot `at` where its probe ended. */
  put(at: number, low: number, entry: number): void {
    const slots = this.slots;
    slots[at] = low;
    slots[at + 1] = entry + 1;
    // Kept at most three quarters full: probes stay short (neighbouring slots share a cache line).
    if (++this.size * 4 > (slots.length >> 1) * 3) this.resize(slots.length);
  }

  /** Calls `each` with every entry and its hash's low 32 bits. */
  forEach(each: (low: number, entry: number) => void): void {
    const slots = this.slots;
    for (let at = 0; at < slots.length; at += 2) if (slots[at + 1] !== 0) each(slots[at]!, slots[at + 1]! - 1);
  }

  /** Room for this many entries in all, three quarters full at that. */
  reserve(entries: number): void {
    const needed = Math.min(Math.ceil((entries * 4) / 3), MAX_RESERVED_SLOTS);
    if (needed > this.slots.length >> 1) this.resize(needed);
  }

  /** Moves every entry into a table of this many slots. */
  private resize(slotCount: number): void {
    const old = this.slots;
    const slots = new Int32Array(slotCount * 2);
    for (let from = 0; from < old.length; from += 2) {
      const taken = old[from + 1]!;
      if (taken === 0) continue;
      const low = old[from]!;
      let at = homeOf(low, slotCount) << 1;
      while (slots[at + 1] !== 0) {
        at += 2;
        if (at === slots.length) at = 0;
      }
      slots[at] = low;
      slots[at + 1] = taken;
    }
    this.slots = slots;
  }
}

/**
 * Slots of one 32-bit number, sized once for a number of entries known
 * ahead: the entry + 1 in the low `entryBits` bits (0: empty), the hash's
 * low bits above them as the first filter of candidates (the high bits
 * chose the slot). Half the wide slots' 8 bytes: ten million rows take 53
 * MB while read, not 107. With the hash not whole it cannot move to a
 * bigger table: once three quarters full, or given an entry past its
 * bits, it takes no more.
 */
class PackedSlots {
  private readonly slots: Uint32Array;
  private readonly entryBits: number;
  /** The low `entryBits` bits: a slot's entry + 1. */
  private readonly entryMask: number;
  /** The low 32 - `entryBits` bits: a hash's check. */
  private readonly checkMask: number;
  /** The most entries it takes: three quarters of its slots. */
  readonly capacity: number;
  private size = 0;

  constructor(entries: number) {
    const slotCount = Math.min(Math.ceil((entries * 4) / 3), MAX_RESERVED_SLOTS);
    this.slots = new Uint32Array(slotCount);
    // Room for entries up to twice the guess, so a table read past its guessed size still fits.
    this.entryBits = Math.min(31, Math.ceil(Math.log2(2 * entries + 2)));
    this.entryMask = 2 ** this.entryBits - 1;
    this.checkMask = 2 ** (32 - this.entryBits) - 1;
    this.capacity = Math.floor((slotCount * 3) / 4);
  }

  /** The slot holding the entry `same` confirms, else the empty slot that ends the probe. */
  probe(low: number, same: Same): number {
    const slots = this.slots;
    const { entryBits, entryMask } = this;
    const check = low & this.checkMask;
    let at = homeOf(low, slots.length);
    for (let taken = slots[at]!; taken !== 0; taken = slots[at]!) {
      if (taken >>> entryBits === check && same((taken & entryMask) - 1)) return at;
      if (++at === slots.length) at = 0;
    }
    return at;
  }

  /** The entry in slot `at`, else -1. */
  entryAt(at: number): number {
    return (this.slots[at]! & this.entryMask) - 1;
  }

  /** Whether the entry fits in the empty slot a probe ended at. */
  takes(entry: number): boolean {
    return this.size < this.capacity && entry < this.entryMask;
  }

  /** Adds an entry (one it `takes`) known to be new: in the first empty slot from its home. */
  add(low: number, entry: number): void {
    this.put(this.probe(low, () => false), low, entry);
  }

  /** Puts the entry (one it `takes`) in the empty slot `at` where its probe ended. */
  put(at: number, low: number, entry: number): void {
    this.slots[at] = ((low & this.checkMask) << this.entryBits) | (entry + 1);
    this.size++;
  }
}

/**
 * The rows kept so far, by row hash, for finding exact duplicates: open
 * addressing over typed arrays, so a million rows cost about 5 to 11 MB and
 * nothing for the garbage collector to trace. Entries are the kept rows'
 * numbers (0, 1, 2…); a hash match is only a candidate until `same`
 * confirms it, and at most one kept entry is ever confirmed (a second would
 * have been found as the first's duplicate, not kept).
 *
 * Made room for ahead (`reserve`, from a file's size), the entries go in a
 * packed table of 4 bytes a slot; those past it, or all when no room was
 * made, in a wide table of 8 that grows. The tables are plain arrays, not
 * resizable buffers (as an event log's are while it grows past its guess):
 * V8 reads plain arrays faster, and record kinds probe three indexes a row.
 */
export class RowIndex {
  private packed: PackedSlots | undefined;
  private wide = new WideSlots();

  /**
   * The kept entry with this hash that `same` confirms; otherwise records
   * `entry` under the hash and returns -1.
   */
  findOrAdd(hash: number, entry: number, same: Same): number {
    const low = hash | 0;
    const packed = this.packed;
    let packedAt = -1;
    if (packed !== undefined) {
      packedAt = packed.probe(low, same);
      const found = packed.entryAt(packedAt);
      if (found !== -1) return found;
    }
    const wide = this.wide;
    const wideAt = wide.size > 0 || packed === undefined ? wide.probe(low, same) : -1;
    if (wideAt !== -1) {
      const found = wide.entryAt(wideAt);
      if (found !== -1) return found;
    }
    if (packed !== undefined && packed.takes(entry)) packed.put(packedAt, low, entry);
    else wide.put(wideAt !== -1 ? wideAt : wide.probe(low, same), low, entry);
    return -1;
  }

  /** The kept entry with this hash that `same` confirms, else -1. */
  find(hash: number, same: Same): number {
    const low = hash | 0;
    if (this.packed !== undefined) {
      const found = this.packed.entryAt(this.packed.probe(low, same));
      if (found !== -1 || this.wide.size === 0) return found;
    }
    return this.wide.entryAt(this.wide.probe(low, same));
  }

  /**
   * Makes room for this many entries in all, so the table need not grow (a
   * guess: more may come): the first time, a packed table for that many,
   * which takes the entries so far; after, the wide table grows to hold
   * those the packed one cannot.
   */
  reserve(entries: number): void {
    if (this.packed !== undefined || entries < PACKED_FROM_ENTRIES) {
      this.wide.reserve(entries - (this.packed?.capacity ?? 0));
      return;
    }
    const packed = new PackedSlots(entries);
    const rest = new WideSlots();
    this.wide.forEach((low, entry) => {
      if (packed.takes(entry)) packed.add(low, entry);
      else rest.put(rest.probe(low, () => false), low, entry);
    });
    this.packed = packed;
    this.wide = rest;
  }

  /** Empties the index, dropping its tables. */
  clear(): void {
    this.packed = undefined;
    this.wide = new WideSlots();
  }
}
