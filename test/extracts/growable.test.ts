import { describe, expect, it } from 'vitest';
import { growable, release, settled, sized, withRoom } from '../../src/core/extracts/growable.js';

describe('arrays that grow in place (resizable buffers)', () => {
  it('grow in place, keeping what they hold, new room zero', () => {
    const a = withRoom(growable(Int32Array), 4);
    a.set([1, -2, 3, 4]);
    const b = withRoom(a, 1000);
    expect(b).toBe(a);
    expect(b.length).toBe(1000);
    expect([...b.subarray(0, 6)]).toEqual([1, -2, 3, 4, 0, 0]);
    // Room already there: nothing changes.
    expect(withRoom(b, 10).length).toBe(1000);
  });

  it('copy a plain array (one settled, or received from a thread) into a growable one', () => {
    const plain = Uint16Array.from([7, 8, 9]);
    const grown = withRoom(plain, 5);
    expect(grown).not.toBe(plain);
    expect((grown.buffer as ArrayBuffer).resizable).toBe(true);
    expect([...grown]).toEqual([7, 8, 9, 0, 0]);
    expect([...plain]).toEqual([7, 8, 9]);
  });

  it('settle to a plain array of their length, giving the memory back at once', () => {
    const a = withRoom(growable(Uint8Array), 100);
    a.set([5, 6, 7]);
    const plain = settled(a, 3);
    expect([...plain]).toEqual([5, 6, 7]);
    expect((plain.buffer as ArrayBuffer).resizable).toBe(false);
    expect(a.length).toBe(0);
    expect(a.buffer.byteLength).toBe(0);
  });

  it('leave a plain array to the collector when released', () => {
    const plain = Uint32Array.from([1, 2]);
    release(plain);
    expect([...plain]).toEqual([1, 2]);
  });

  it('size a plain array ahead, keeping what the array held', () => {
    const a = withRoom(growable(Int16Array), 2);
    a.set([3, -4]);
    const plain = sized(a, 64);
    expect((plain.buffer as ArrayBuffer).resizable).toBe(false);
    expect(plain.length).toBe(64);
    expect([...plain.subarray(0, 3)]).toEqual([3, -4, 0]);
    // The growable one's memory is given back; a size already there changes nothing.
    expect(a.length).toBe(0);
    expect(sized(plain, 10)).toBe(plain);
  });

  it('settle a plain array nearly full without a copy, and one mostly empty by copying', () => {
    const full = sized(growable(Int32Array), 100);
    full.set([9, 8, 7]);
    // 97 of 100 used: within a sixteenth of its size, so the array is seen through to 97.
    const kept = settled(full, 97);
    expect(kept.buffer).toBe(full.buffer);
    expect(kept.length).toBe(97);
    expect([...kept.subarray(0, 3)]).toEqual([9, 8, 7]);
    expect(settled(full, 100)).toBe(full);
    // 3 of 100 used: copied out to its length.
    const copied = settled(full, 3);
    expect(copied.buffer).not.toBe(full.buffer);
    expect([...copied]).toEqual([9, 8, 7]);
  });
});
