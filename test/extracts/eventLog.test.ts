import { describe, expect, it } from 'vitest';
import type { DayNumber } from '../../src/core/dates/localDate.js';
import { EventLog, type EventPlace } from '../../src/core/extracts/eventLog.js';
import { TextPool } from '../../src/core/extracts/textPool.js';
import { Rng } from '../../src/scripts/syntheticAuthority.js';

interface PlainEvent extends EventPlace {
  readonly child: string;
  readonly day: number;
  readonly code: number;
  readonly file: string;
}

/** Random events: runs of one child's rows sharing team and worker (as exports come), blanks, names with and without ids. */
function randomEvents(seed: number, n: number): PlainEvent[] {
  const rng = new Rng(seed);
  const pick = <T>(items: readonly T[]) => items[rng.int(0, items.length - 1)]!;
  const events: PlainEvent[] = [];
  while (events.length < n) {
    const child = `C${rng.int(1, 40)}`;
    const team = pick([undefined, 'Team A', 'Team B', 'Équipe Nord']);
    const worker = pick([undefined, 'W1', 'W2', 'S O’Neill']);
    for (let run = rng.int(1, 4); run > 0; run--) {
      events.push({ child, day: rng.int(20000, 20500), code: rng.int(0, 5), line: events.length + 2, team, worker, name: rng.chance(0.3) ? undefined : `V${rng.int(1, 99999)}`, file: 'visits.csv' });
    }
  }
  return events;
}

/** The events in a log; `expect` rows of room made after the first hundred (as a file's guessed rows make it). */
function logOf(events: readonly PlainEvent[], file: string, expect?: number): EventLog {
  const log = new EventLog(file);
  events.forEach((e, i) => {
    if (i === 100 && expect !== undefined) log.reserve(expect);
    log.add(e.child, e.day as DayNumber, e.code, e);
  });
  return log;
}

function read(log: EventLog): PlainEvent[] {
  const { day, dayBase, code } = log.data();
  return Array.from({ length: log.length }, (_, i) => ({ child: log.childOf(i), day: dayBase + day[i]!, code: code[i]!, ...log.placeOf(i), file: log.fileOf(i) }));
}

describe('the event log against a plain list of events (random, seeded)', () => {
  it.each([1, 2, 3])('seed %i: every event reads back as added, after a thread crossing and after merging two tables', (seed) => {
    const first = randomEvents(seed, 3000);
    const second = randomEvents(seed + 100, 1500).map((e) => ({ ...e, file: 'visits (2).csv' }));
    const log = logOf(first, 'visits.csv');
    expect(read(log)).toEqual(first);
    // Room made ahead, too little or too much: the same events.
    expect(read(logOf(first, 'visits.csv', 1000))).toEqual(first);
    expect(read(logOf(first, 'visits.csv', 5000))).toEqual(first);
    // As sent from a worker thread: the plain arrays, then rebuilt.
    expect(read(EventLog.from(structuredClone(log.sent())))).toEqual(first);
    // Merged as an extract read from two tables: each event keeps its table.
    const merged = new EventLog();
    merged.append(EventLog.from(log.sent()));
    merged.append(logOf(second, 'visits (2).csv'));
    expect(read(merged)).toEqual([...first, ...second]);
  });
});

describe('sharing the texts of several logs', () => {
  it('keeps every event and child number, and a shared log rebuilt from its arrays still takes events', () => {
    const first = randomEvents(4, 2000);
    const second = randomEvents(5, 1000);
    const a = logOf(first, 'visits.csv');
    const b = EventLog.from(structuredClone(logOf(second, 'visits.csv').sent()));
    const pool = new TextPool();
    a.shareTexts(pool);
    b.shareTexts(pool);
    expect(read(a)).toEqual(first);
    expect(read(b)).toEqual(second);
    for (let i = 0; i < a.length; i++) expect(a.childNumber(a.childOf(i))).toBe(a.childNumberAt(i));
    expect(a.childNumber('C999')).toBeUndefined();
    // A child it has keeps its number; a new one takes the next.
    const children = new Set(second.map((e) => e.child)).size;
    const more = [second[0]!, { ...second[0]!, child: 'C999', line: 9999 }, { ...second[1]!, line: 10000 }];
    for (const e of more) b.add(e.child, e.day as DayNumber, e.code, e);
    expect(read(b)).toEqual([...second, ...more]);
    expect(b.childNumber(second[0]!.child)).toBe(b.childNumberAt(0));
    expect(b.childNumber('C999')).toBe(children);
  });
});

describe('the names of events', () => {
  it('reads ASCII names from their codes and others through the UTF-8 decoder, each as it was added', () => {
    const names = ['V000001', '', 'VÉ-0002', 'V😀3', 'C00012-visit-number-0004', 'Ω'];
    const log = new EventLog('visits.csv');
    names.forEach((name, i) => log.add('C00001', (20000 + i) as DayNumber, 0, { line: i + 2, team: undefined, worker: undefined, name: name || undefined }));
    expect(names.map((_, i) => log.placeOf(i).name)).toEqual(['V000001', undefined, 'VÉ-0002', 'V😀3', 'C00012-visit-number-0004', 'Ω']);
  });
});

describe('trimming the event log', () => {
  it('keeps every event, gives arrays of the log length, and grows again after (from empty too)', () => {
    const events = randomEvents(13, 3000);
    const log = new EventLog('visits.csv');
    log.trim();
    for (const e of events.slice(0, 2000)) log.add(e.child, e.day as DayNumber, e.code, e);
    log.trim();
    expect(log.data().code.buffer.byteLength).toBe(2000);
    for (const e of events.slice(2000)) log.add(e.child, e.day as DayNumber, e.code, e);
    expect(read(log)).toEqual(events);
  });
});

describe('the event log read through its holders as runs, event by event and run by run', () => {
  it.each([
    ['in runs of a child', randomEvents(31, 4000)],
    ['in date order (a change of child every event)', [...randomEvents(32, 4000)].sort((a, b) => a.day - b.day).map((e, i) => ({ ...e, line: i + 2 }))],
  ])('%s: each event by index, then by child run, then each event again', (_, events) => {
    for (const log of [logOf(events, 'visits.csv', 3000), EventLog.from(structuredClone(logOf(events, 'visits.csv').sent()))]) {
      const byIndex = () => events.map((e, i) => [log.childOf(i), log.placeOf(i).team, log.placeOf(i).worker, log.matches(i, e.child, e.day as DayNumber, e.code)]);
      const expected = events.map((e) => [e.child, e.team, e.worker, true]);
      expect(byIndex()).toEqual(expected);
      const { childIds } = log.data();
      const byRun: string[] = [];
      log.eachChildRun((child, from, to) => {
        for (let i = from; i < to; i++) byRun[i] = childIds[child]!;
      });
      expect(byRun).toEqual(events.map((e) => e.child));
      expect(byIndex()).toEqual(expected);
    }
  });
});

describe('the event log keeps only what its events have', () => {
  it('keeps no ids for a kind without them (supervision), nor table numbers for one table', () => {
    const events = randomEvents(21, 500).map((e) => ({ ...e, name: undefined, file: 'supervision.csv' }));
    const log = logOf(events, 'supervision.csv', 600);
    const data = log.data();
    expect(data.names).toBeUndefined();
    expect(data.tables).toBeUndefined();
    expect(read(log)).toEqual(events);
    expect(read(EventLog.from(structuredClone(log.sent())))).toEqual(events);
  });

  it('makes ids (blank before) when the first event with one comes', () => {
    const events = randomEvents(22, 300).map((e, i) => ({ ...e, name: i < 250 ? undefined : e.name }));
    const log = logOf(events, 'visits.csv');
    expect(log.data().names).toBeDefined();
    expect(read(log)).toEqual(events);
  });

  it('keeps days as 16-bit offsets within 32,767 days of the first, and widens them to 32 bits keeping every one when a day lies outside', () => {
    const events = randomEvents(23, 3000);
    const first = events[0]!.day;
    const near = events.map((e, i) => (i % 97 === 5 ? { ...e, day: i % 2 === 0 ? first - 32767 : first + 32767 } : e));
    const narrow = logOf(near, 'visits.csv', 2000);
    expect(narrow.data().day).toBeInstanceOf(Uint16Array);
    expect(read(narrow)).toEqual(near);
    // 0000-01-01 and 9999-12-31 (days -719528 and 2932896), after some events and before others.
    const far = near.map((e, i) => (i === 1500 ? { ...e, day: -719528 } : i === 2500 ? { ...e, day: 2932896 } : e));
    const wide = logOf(far, 'visits.csv', 2000);
    expect(wide.data().day).toBeInstanceOf(Int32Array);
    expect(read(wide)).toEqual(far);
    expect(read(EventLog.from(structuredClone(wide.sent())))).toEqual(far);
    for (let i = 0; i < far.length; i++) expect(wide.matches(i, far[i]!.child, far[i]!.day as DayNumber, far[i]!.code)).toBe(true);
  });

  it('numbers teams and workers in 16 bits up to 65,535 labels, then widens those past it to 32 keeping every one', () => {
    // Workers W0… and one team: 65,535 labels fit 16 bits; the 65,536th widens the workers' numbers, not the team's.
    const events = Array.from({ length: 70_000 }, (_, i): PlainEvent => ({ child: `C${i % 900}`, day: 20000 + (i % 300), code: i % 6, line: i + 2, team: 'Team A', worker: `W${i}`, name: undefined, file: 'visits.csv' }));
    const narrow = logOf(events.slice(0, 65_534), 'visits.csv');
    expect(narrow.sent().holders.worker).toBeInstanceOf(Uint16Array);
    const log = logOf(events, 'visits.csv', 60_000);
    expect(log.sent().holders.worker).toBeInstanceOf(Uint32Array);
    expect(log.sent().holders.team).toBeInstanceOf(Uint16Array);
    expect(read(log)).toEqual(events);
    expect(read(EventLog.from(structuredClone(log.sent())))).toEqual(events);
  });
});
