import { describe, expect, it } from 'vitest';
import { guessTable, type TableGuess, type TableSample } from '../../src/core/extracts/guessMapping.js';

/** A sample whose rows are numbered from line 1 (blank lines can be skipped with `lines`). */
function sample(file: string, rows: readonly (readonly string[])[], lines?: readonly number[], sheet?: string): TableSample {
  return { file, ...(sheet !== undefined ? { sheet } : {}), rows: rows.map((fields, i) => ({ fields, line: lines?.[i] ?? i + 1 })) };
}

function guessed(result: ReturnType<typeof guessTable>): TableGuess {
  if (!('kind' in result)) throw new Error(`no guess: ${result.reason}`);
  return result;
}

describe('guessTable: the kind', () => {
  it('places a table by the required columns its header names, with the header each column is read from', () => {
    const guess = guessed(guessTable(sample('export1.csv', [
      ['Person ID', 'Visit Date', 'Visit Type', 'Social Worker'],
      ['C00001', '05/10/2026', 'CP', 'Worker 01'],
    ])));
    expect(guess.kind).toBe('visits');
    expect(guess.columns).toEqual([
      { column: 'child_id', header: 'Person ID' },
      { column: 'visit_date', header: 'Visit Date' },
      { column: 'plan_type', header: 'Visit Type' },
      { column: 'worker', header: 'Social Worker' },
    ]);
    expect(guess.mapping).toEqual({ file: 'export1.csv' });
    expect(guess.unplaced).toEqual([]);
  });

  it('between two kinds the header fits, the one with more columns wins, unless the file or sheet name says otherwise', () => {
    // child_id + referral_date fits referrals; + start_date fits assessments better (3 columns to 2).
    const rows = [['Child ID', 'Referral Date', 'Start Date'], ['C00001', '01/10/2026', '02/10/2026']];
    expect(guessed(guessTable(sample('export.csv', rows))).kind).toBe('assessments');
    expect(guessed(guessTable(sample('Referrals export.csv', rows))).kind).toBe('referrals');
    expect(guessed(guessTable(sample('book.xlsx', rows, undefined, 'Referrals'))).kind).toBe('referrals');
  });

  it('a table that names the required columns of no kind is not guessed, with the reason', () => {
    expect(guessTable(sample('contacts.csv', [['Name', 'Address'], ['A', 'B']]))).toEqual({
      file: 'contacts.csv',
      reason: 'its header names the required columns of no extract kind',
    });
  });
});

describe('guessTable: header row, columns and values', () => {
  // An authority's plans export: two title lines, a blank line, then the header on line 4.
  const plans = guessed(guessTable(sample('Open Plans.csv', [
    ['Open plans report'],
    ['Run on 20/11/2026'],
    ['Person ID', 'Plan Reference', 'Type of Plan', 'Plan Start Dt', 'Plan End Date', 'Allocated Team', 'Notes'],
    ['C00001', 'P0001', 'Child Protection', '01/06/2026', '', 'Team A', ''],
    ['C00002', 'P0002', 'LAC', '01/09/2026', '', 'Team B', 'moved'],
    ['C00003', 'P0003', 'Child in Need', '01/10/2026', '', 'Team A', ''],
    ['C00004', 'P0004', 'CP', '01/10/2026', '', 'Team A', ''],
    ['C00005', 'P0005', 'Respite', '01/10/2026', '', 'Team A', ''],
    ['C00006', 'P0006', 'Unknown', '01/10/2026', '', 'Team A', ''],
  ], [1, 2, 4, 5, 6, 7, 8, 9, 10])));

  it('finds the header below title rows and gives its line', () => {
    expect(plans.kind).toBe('plans');
    expect(plans.mapping.headerRow).toBe(4);
  });

  it('places a close spelling ("Plan Start Dt") as a configured column', () => {
    expect(plans.mapping.columns).toEqual({ start_date: ['Plan Start Dt'] });
    expect(plans.columns).toContainEqual({ column: 'start_date', header: 'Plan Start Dt' });
  });

  it('maps local codes by their words, "Unknown" to not recorded, and leaves our own codes alone', () => {
    expect(plans.mapping.values).toEqual({ plan_type: { 'Child Protection': 'CP', LAC: 'CLA', 'Child in Need': 'CIN', Unknown: null } });
  });

  it('lists what it could not place: unknown headers and codes', () => {
    expect(plans.unplaced).toEqual(['column "Notes"', 'plan_type value "Respite"']);
  });

  it.each([
    ['Child Protection Plan', 'CP'],
    ['CPP', 'CP'],
    ['Private Fostering Arrangement', 'PF'],
    ['Care Leaver', 'CL'],
    ['Looked After Child', 'CLA'],
    ['Child in Care', 'CLA'],
    ['Child in Need Plan', 'CIN'],
  ])('plan type %j → %s', (value, code) => {
    const guess = guessed(guessTable(sample('plans.csv', [['child_id', 'plan_type', 'start_date'], ['C00001', value, '2026-10-01']])));
    expect(guess.mapping.values).toEqual({ plan_type: { [value]: code } });
  });

  it('supervision kinds: oversight and management words → oversight; "Supervision" is ours already', () => {
    const guess = guessed(guessTable(sample('supervision.csv', [
      ['child_id', 'recorded_date', 'kind'],
      ['C00001', '2026-10-01', 'Supervision'],
      ['C00001', '2026-10-02', 'Management Oversight'],
      ['C00001', '2026-10-03', 'Manager Review'],
    ])));
    expect(guess.mapping.values).toEqual({ kind: { 'Management Oversight': 'oversight', 'Manager Review': 'oversight' } });
  });

  it('flags: Annex A answers ("a) Yes") read as they are; "c) Unknown" and "N/A" are not recorded', () => {
    const guess = guessed(guessTable(sample('assessments.csv', [
      ['child_id', 'start_date', 'child_seen'],
      ['C00001', '2026-10-01', 'a) Yes'],
      ['C00002', '2026-10-01', 'b) No'],
      ['C00003', '2026-10-01', 'c) Unknown'],
      ['C00004', '2026-10-01', 'N/A'],
      ['C00005', '2026-10-01', 'Y'],
    ])));
    expect(guess.mapping.values).toEqual({ child_seen: { 'c) Unknown': null, 'N/A': null } });
    expect(guess.unplaced).toEqual([]);
  });

  it('notices month-first dates', () => {
    const rows = [['child_id', 'start_date', 'completed_date'], ['C00001', '05/06/2019', '05/16/2019']];
    expect(guessed(guessTable(sample('assessments.csv', rows))).mapping.dateOrder).toBe('mdy');
    const dayFirst = [['child_id', 'start_date', 'completed_date'], ['C00001', '05/06/2019', '16/05/2019']];
    expect(guessed(guessTable(sample('assessments.csv', dayFirst))).mapping.dateOrder).toBeUndefined();
  });

  it('takes no column alias from a data value: "Supervision" in a kind column is not the supervisor', () => {
    // Every header here is a built-in alias. A data cell "Supervision" is close in spelling
    // to "supervisor", but it is a value, not a header: the config must not name it.
    const guess = guessed(guessTable(sample('Case Notes.csv', [
      ['Person ID', 'Case Note Date', 'Case Note Type', 'Manager'],
      ['C00001', '05/10/2026', 'Supervision', 'Manager 01'],
      ['C00001', '10/09/2026', 'Management Oversight', 'Manager 02'],
    ])));
    expect(guess.kind).toBe('supervision');
    expect(guess.columns).toContainEqual({ column: 'supervisor', header: 'Manager' });
    expect(guess.mapping.columns).toBeUndefined();
  });
});
