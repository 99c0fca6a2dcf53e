import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/dates/localDate.js';
import { recordsLoaded } from '../../src/core/extracts/notLoaded.js';
import { readExtract } from '../../src/io/readExtract.js';
import { openCsv } from '../../src/io/readers/csvReader.js';
import { validationLimits } from '../../src/cli/options.js';
import { builtInCalendar } from '../../src/core/calendar/workingCalendar.js';

const options = { limits: validationLimits(dayNumber(2026, 11, 23), builtInCalendar('england-and-wales')), keepRecords: true };

function read(path: string, readOptions: Parameters<typeof readExtract>[2] = options) {
  return readExtract('visits', openCsv(path, 'visits.csv'), readOptions);
}

function fileWith(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'csc-read-')), 'visits.csv');
  writeFileSync(path, text);
  return path;
}

// Each row's second field is blank-or-bad on purpose so the issue shows the line it was read from.
describe('physical line numbers (the line where the record starts; the header is line 1)', () => {
  it.each([
    ['LF', 'child_id,visit_date,worker\nC1,bad,w\nC2,"bad","multi\nline"\nC3,bad,w\n', [2, 3, 5]],
    ['CRLF with a quoted CRLF (csv-parse counts it twice)', 'child_id,visit_date,worker\r\nC1,bad,"a\r\nb\r\nc"\r\nC2,bad,w\r\nC3,bad,w\r\n', [2, 5, 6]],
    ['blank lines and separator-only lines between records', 'child_id,visit_date,worker\n\nC1,bad,w\n,,\n\nC2,bad,"x\ny"\nC3,bad,w\n', [3, 6, 8]],
    ['a multi-line header', 'child_id,"visit\ndate",worker\nC1,bad,w\n', [3]],
  ])('%s', async (_name, text, lines) => {
    const extract = await read(fileWith(text));
    expect(extract.quality[0]!.issues.map((i) => i.line)).toEqual(lines);
    expect(extract.quality[0]!.rowsRead).toBe(lines.length);
  });
});

describe('reading', () => {
  it('keeps quoted commas, quotes and newlines in values and ignores extra columns', async () => {
    const text = '\uFEFFChild ID,Visit-Date,Team,Comment\r\nC00001,05/10/2026 14:00,"Team A, ""North""","x\r\ny"\r\n';
    const extract = await read(fileWith(text));
    expect([...extract.records]).toEqual([{ line: 2, child_id: 'C00001', visit_date: dayNumber(2026, 10, 5), team: 'Team A, "North"' }]);
  });

  it('accounts for every row: read = used + rejected', async () => {
    const text = 'child_id,visit_date\nC1,2026-10-01\nC1,2026-10-01\nC2,nope\nC3,2026-10-02\n';
    const { quality } = await read(fileWith(text));
    expect(quality[0]).toMatchObject({ rowsRead: 4, rowsUsed: 2, rowsRejected: 2 });
  });
});

describe('event kinds read without their records', () => {
  it('keep one (child, day, code, line) per used row and no record objects', async () => {
    // Line 3 repeats line 2 (rejected as a duplicate); line 4 has a blank plan type (code 0); CP is code 2.
    const text = 'child_id,visit_date,plan_type\nC1,2026-10-01,CP\nC1,2026-10-01,CP\nC2,05/10/2026,\n';
    const extract = await read(fileWith(text), { limits: options.limits });
    expect(recordsLoaded(extract.records)).toBe(false);
    expect(() => extract.records.length).toThrow('the visits records were not loaded');
    const events = extract.events!.data();
    expect(events.childIds).toEqual(['C1', 'C2']);
    expect([0, 1].map((i) => extract.events!.childNumberAt(i))).toEqual([0, 1]);
    expect([...events.day].map((day) => events.dayBase + day)).toEqual([dayNumber(2026, 10, 1), dayNumber(2026, 10, 5)]);
    expect([...events.code]).toEqual([2, 0]);
    expect([0, 1].map((i) => extract.events!.lineOf(i))).toEqual([2, 4]);
    expect(extract.quality[0]).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsRejected: 1 });
    expect(extract.quality[0]!.issues).toEqual([{ scope: 'row', code: 'DUPLICATE_ROW', line: 3, message: 'repeats line 2 exactly' }]);
  });
});

describe('issues past the cap', () => {
  it('are counted per code, not listed, while every row is still accounted for', async () => {
    // Five bad dates and one bad flag under a cap of 2: two INVALID_DATE listed and three counted;
    // the flag (its own code) is listed. Five rows rejected, one used with its flag refused.
    const text = 'child_id,visit_date,seen_alone\nC1,bad,Y\nC2,bad,Y\nC3,bad,Y\nC4,bad,Y\nC5,bad,Y\nC6,2026-10-01,maybe\n';
    const extract = await readExtract('visits', openCsv(fileWith(text), 'visits.csv'), { ...options, issueCap: 2 });
    const [quality] = extract.quality;
    expect(quality).toMatchObject({ rowsRead: 6, rowsUsed: 1, rowsRejected: 5, issuesNotListed: { INVALID_DATE: 3 } });
    expect(quality!.issues.map((i) => [i.code, i.line])).toEqual([['INVALID_DATE', 2], ['INVALID_DATE', 3], ['INVALID_FLAG', 7]]);
  });
});

describe('a value over the size limit', () => {
  it('is refused as a cell issue quoting only its start; in a required column the row is rejected', async () => {
    // A 60-character limit: line 2's team (optional) is refused and the row used; line 3's child ID
    // (required) rejects the row. The issues quote 40 characters and an ellipsis, never the whole value.
    const long = 'x'.repeat(300);
    const text = `child_id,visit_date,team\nC1,2026-10-01,${long}\n${long},2026-10-02,Team A\n`;
    const limits = { ...options.limits, maxCellCharacters: 60 };
    const [quality] = (await readExtract('visits', openCsv(fileWith(text), 'visits.csv'), { limits, keepRecords: true })).quality;
    expect(quality).toMatchObject({ rowsRead: 2, rowsUsed: 1, rowsRejected: 1, cellIssues: { team: 1 } });
    expect(quality!.issues).toEqual([
      { scope: 'cell', code: 'CELL_TOO_LARGE', line: 2, column: 'team', value: `${'x'.repeat(40)}…`, message: `team "${'x'.repeat(40)}…" is longer than the 60 characters a value may have` },
      { scope: 'row', code: 'CELL_TOO_LARGE', line: 3, column: 'child_id', value: `${'x'.repeat(40)}…`, message: 'child_id is longer than the 60 characters a value may have' },
    ]);
  });
});

describe('a file of nothing but blank lines', () => {
  it('is EMPTY_FILE, not a missing column', async () => {
    const error = await read(fileWith('\n\n   \r\n,,,\n')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'EMPTY_FILE', message: 'visits.csv: the file is empty (no header row)' });
  });
});

describe('a configured header row', () => {
  const text = 'Visits report\nNovember 2026\nchild_id,visit_date\nC1,2026-10-01\n';

  it('skips the rows above it, saying so', async () => {
    const [quality] = (await readExtract('visits', openCsv(fileWith(text), 'visits.csv'), { ...options, mapping: { headerRow: 3 } })).quality;
    expect(quality).toMatchObject({ headerLine: 3, rowsRead: 1, rowsUsed: 1 });
    expect(quality!.notes).toContain('2 rows above the header (line 3) skipped as titles');
  });

  it('is MISSING_HEADER when it is past the end of the table', async () => {
    const error = await readExtract('visits', openCsv(fileWith(text), 'visits.csv'), { ...options, mapping: { headerRow: 9 } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MISSING_HEADER', message: 'visits.csv: the configured header row 9 is past the end of the table' });
  });
});

// Sizing ahead from the file's size is an optimisation only: the plain path is reading without it.
describe('the rows guessed from a file size (how far the indexes and event log are sized ahead)', () => {
  const DEMO = fileURLToPath(new URL('../../fixtures/demo/', import.meta.url));
  const contents = (extract: Awaited<ReturnType<typeof readExtract>>) => ({
    quality: extract.quality,
    records: recordsLoaded(extract.records) ? [...extract.records] : 'not loaded',
    events: extract.events?.data(),
  });

  /**
   * Over a thousand assessments (the guess needs a thousand rows): the demo's
   * five times over with new ids, then 40 rows repeated exactly
   * (DUPLICATE_ROW) and 40 with a used id and other values (DUPLICATE_ID).
   */
  function manyAssessments(): string {
    const [header, ...rows] = readFileSync(join(DEMO, 'assessments.csv'), 'utf8').trim().split('\n');
    const copies = [0, 1, 2, 3, 4].flatMap((k) => rows.map((row) => row.replace(/^([^,]*),([^,]*),/, `$1,$2-${k},`)));
    const repeated = copies.slice(0, 40);
    const sameIds = copies.slice(40, 80).map((row) => row.replace(/,Team [A-Z]+,/, ',Team Z,'));
    return fileWith([header, ...copies, ...repeated, ...sameIds].join('\n'));
  }

  it.each([
    // Rejected: the demo's visits repeat one row (line 3 repeats line 2); the assessments
    // above 80, and the demo's row with 31/02/2026 five times over.
    ['visits', false, 1, join(DEMO, 'visits.csv')],
    ['visits', true, 1, join(DEMO, 'visits.csv')],
    ['assessments', true, 85, manyAssessments()],
  ] as const)('change nothing in %s (records kept: %s, %i rejected), whether the guess is right, far too low or far too high', async (kind, keepRecords, rejected, path) => {
    const readWith = (bytes?: number) => readExtract(kind, openCsv(path, `${kind}.csv`), { ...options, keepRecords, ...(bytes === undefined ? {} : { bytes }) });
    const plain = contents(await readWith());
    expect(plain.quality[0]!.rowsUsed).toBeGreaterThan(1000);
    expect(plain.quality[0]!.rowsRejected).toBe(rejected);
    const size = statSync(path).size;
    for (const bytes of [size, 1, size * 1000]) expect(contents(await readWith(bytes))).toEqual(plain);
  });
});
