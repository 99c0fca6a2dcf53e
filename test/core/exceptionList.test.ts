import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/core/dates/localDate.js';
import { ExceptionList, type ExceptionRow } from '../../src/core/exceptionList.js';

const day = parseIsoDay('2026-10-05')!;

// Rows as a report keeps them: repeated children, teams, workers and details; a blank team and
// worker (undefined, not ''); a worker's row with no child (''); record ids of other lengths,
// one empty, one not Latin-1 (which makes the joined ids a two-byte string).
const ROWS: ExceptionRow[] = [
  { childId: 'C00001', recordId: 'A0001', team: 'Team A', worker: 'Worker 1', detail: 'completed after 46 working days' },
  { childId: 'C00001', recordId: 'A0002', team: 'Team A', worker: 'Worker 1', detail: 'completed after 46 working days' },
  { childId: 'C00002', recordId: '', team: undefined, worker: undefined, detail: 'open 50 working days' },
  { childId: '', recordId: 'Worker 2', team: 'Team B', worker: 'Worker 2', detail: '19 children' },
  { childId: 'C00003', recordId: 'Ä-7 ✓', team: 'Team B', worker: 'Worker 2', detail: 'completed after 46 working days' },
];

describe('ExceptionList', () => {
  it('gives back the rows it was made of, in their order', () => {
    const list = ExceptionList.of(ROWS);
    expect(list.length).toBe(5);
    expect([...list]).toEqual(ROWS);
    expect(list.at(2)).toEqual({ childId: 'C00002', recordId: '', team: undefined, worker: undefined, detail: 'open 50 working days' });
    expect(list.at(4).recordId).toBe('Ä-7 ✓');
    expect(list.map((row, i) => `${i}:${row.recordId}`)).toEqual(['0:A0001', '1:A0002', '2:', '3:Worker 2', '4:Ä-7 ✓']);
  });

  it('keeps the dates of the rows that have them, and no dates key on the rows that do not', () => {
    const rows: ExceptionRow[] = [{ ...ROWS[0]!, dates: { started: day } }, ROWS[1]!];
    const list = ExceptionList.of(rows);
    expect([...list]).toEqual(rows);
    expect('dates' in list.at(1)).toBe(false);
    expect('dates' in ExceptionList.of(ROWS).at(0)).toBe(false);
  });

  it('is empty when made of no rows', () => {
    const list = ExceptionList.of([]);
    expect(list.length).toBe(0);
    expect([...list]).toEqual([]);
    expect(list.map((row) => row)).toEqual([]);
  });
});
