/**
 * Records and physical line numbers of the CSV reader against Python's csv
 * module, the reference (it reads CRLF, LF and CR, mixed, each as one line
 * break, and a quote inside an unquoted field as a character). python3 is
 * required: CI has it, and a missing one fails these tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { openCsv } from '../../src/io/readers/csvReader.js';
import { Rng } from '../../src/scripts/syntheticAuthority.js';

const dir = mkdtempSync(join(tmpdir(), 'csc-csv-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

type Row = [string[], number];

interface Case {
  readonly name: string;
  readonly bytes: Buffer;
  /** Python's codec for the file: 'utf-8', 'utf-16' (with its BOM), 'cp1252'. */
  readonly encoding?: string;
  readonly delimiter?: string;
  /** False when Python's values differ by design (text after a closing quote, `"ab"c`): records and lines must still agree. */
  readonly sameValues?: boolean;
}

interface PythonRead {
  /** `sum(1 for _ in csv.reader(open(path, newline='')))`. */
  readonly count: number;
  /** Each record's fields and the line where it starts (one after where the previous ended: `reader.line_num`). */
  readonly rows: Row[];
}

// Reads every file named in the JSON on stdin; blank lines come out as [], the reader's as [''].
const PYTHON = `
import csv, json, sys
out = []
for path, encoding, delimiter in json.load(sys.stdin):
    count = sum(1 for _ in csv.reader(open(path, newline='', encoding=encoding), delimiter=delimiter))
    reader = csv.reader(open(path, newline='', encoding=encoding), delimiter=delimiter)
    rows, ended = [], 0
    for row in reader:
        rows.append([row or [''], ended + 1])
        ended = reader.line_num
    out.append({'count': count, 'rows': rows})
json.dump(out, sys.stdout)
`;

function write(bytes: Buffer): string {
  const path = join(dir, `case-${++files}.csv`);
  writeFileSync(path, bytes);
  return path;
}

function python(cases: readonly Case[], paths: readonly string[]): PythonRead[] {
  const input = JSON.stringify(cases.map((c, i) => [paths[i], c.encoding ?? 'utf-8', c.delimiter ?? ',']));
  const run = spawnSync('python3', ['-c', PYTHON], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  expect(run.error, 'python3 must be installed: it is the reference for these tests').toBeUndefined();
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as PythonRead[];
}

async function readRows(path: string): Promise<Row[]> {
  const rows: Row[] = [];
  await openCsv(path, 'visits.csv').read((fields, line) => rows.push([fields, line]));
  return rows;
}

/** Reads every case with the reader and with Python, and expects the same records on the same lines. */
async function expectAsPython(cases: readonly Case[]): Promise<void> {
  const paths = cases.map((c) => write(c.bytes));
  const reference = python(cases, paths);
  for (const [i, c] of cases.entries()) {
    const rows = await readRows(paths[i]!);
    const expected = reference[i]!;
    const label = `${c.name}: ${JSON.stringify(c.bytes.toString('latin1').slice(0, 200))}`;
    expect(rows.length, label).toBe(expected.count);
    expect(rows.map(([, line]) => line), label).toEqual(expected.rows.map(([, line]) => line));
    if (c.sameValues !== false) expect(rows, label).toEqual(expected.rows);
  }
}

const utf8 = (text: string): Buffer => Buffer.from(text);
const lines = (count: number, from: number, end: string): string =>
  Array.from({ length: count }, (_, i) => `C${from + i},2026-10-${String((i % 28) + 1).padStart(2, '0')},CP${end}`).join('');

describe('line endings: CRLF, LF and CR each end one record, mixed in one file', () => {
  it('reads the reported cases as Python does', async () => {
    await expectAsPython([
      // Was "501 rows read" for 700 records: the LF lines were glued into one.
      { name: 'a CRLF export with 200 LF rows appended', bytes: utf8(`child_id,visit_date,plan_type\r\n${lines(499, 1, '\r\n')}${lines(200, 500, '\n')}`) },
      // Was 1 row.
      { name: 'a CRLF header over 1,000 LF rows', bytes: utf8(`child_id,visit_date,plan_type\r\n${lines(1000, 1, '\n')}`) },
      { name: 'an LF file with one CRLF line', bytes: utf8(`child_id,visit_date,plan_type\n${lines(3, 1, '\n')}C3,2026-10-03,CP\r\n${lines(3, 4, '\n')}`) },
      { name: 'CR only (classic Mac)', bytes: utf8(`child_id,visit_date,plan_type\r${lines(5, 1, '\r')}`) },
      { name: 'an LF file ending in CR', bytes: utf8(`child_id,visit_date\nC1,2026-10-01\r`) },
      { name: 'blank lines of each kind', bytes: utf8('a,b\r\n\r\n\n\r\rC1,x\n\r\n\rC2,y\r') },
      { name: 'CR then CRLF is two breaks, LF then CR too', bytes: utf8('a,b\r\r\nC1,x\n\rC2,y\r\n') },
      {
        name: 'quoted fields keep their breaks, each of CRLF, LF and CR',
        bytes: utf8('id,note,more\r\nC1,"a\r\nb","c\nd"\nC2,"e\rf\r\n\n\rg",h\rC3,"i\r",j\r\nC4,"\n",k'),
      },
      { name: 'a quoted field ending a CR file', bytes: utf8('id,note\rC1,"a\rb"\rC2,x') },
      { name: 'semicolon-separated, mixed endings', bytes: utf8('id;note\r\nC1;"a;\rb"\nC2;x\rC3;y'), delimiter: ';' },
      { name: 'tab-separated, mixed endings', bytes: utf8('id\tnote\rC1\t"a\r\nb"\r\nC2\tx\n'), delimiter: '\t' },
      {
        name: 'Windows-1252, mixed endings',
        bytes: Buffer.from('team,note\r\n\xc9quipe,"a\rb"\nNord,\xe9t\xe9\rSud,x\r\n', 'latin1'),
        encoding: 'cp1252',
      },
      {
        name: 'UTF-16 LE with a BOM, mixed endings',
        bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('team,note\r\nÉquipe,"a\rb"\nNord,x\rSud,y\r\n', 'utf16le')]),
        encoding: 'utf-16',
      },
      { name: 'a UTF-8 BOM, mixed endings', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('id,x\r\nC1,a\nC2,b\rC3,c')]), encoding: 'utf-8-sig' },
    ]);
  });

  it('reads a CRLF split between two reads as one break, in and out of quotes', async () => {
    // The file is read 64 KiB at a time: put the CR last in the first read.
    const READ = 1 << 16;
    const header = 'id,note\n';
    // A record of filler that leaves `used` characters before the CR ends the first read.
    const filler = (used: number): string => `C0,${'a'.repeat(READ - 1 - header.length - used - 4)}\n`;
    const cases: Case[] = [
      { name: 'outside quotes', bytes: utf8(`${header}${filler(2)}C1\r\nC2,x\n`) },
      { name: 'inside quotes', bytes: utf8(`${header}${filler(4)}C1,"\r\nb"\rC2,x\n`) },
      { name: 'after a closing quote', bytes: utf8(`${header}${filler(5)}C1,""\r\nC2,x\n`) },
      // The decoded text reaches the parser in other pieces: the break is still one.
      { name: 'Windows-1252', bytes: Buffer.from(`${header}\xe9${filler(3)}C1\r\nC2,x\n`, 'latin1'), encoding: 'cp1252' },
    ];
    for (const c of cases) expect(c.bytes[READ - 1], c.name).toBe(0x0d);
    await expectAsPython(cases);
  });

  it('finds a CR far into an LF file (the first pass reads 256 KiB at a time), in UTF-8 and Windows-1252', async () => {
    const body = lines(30_000, 1, '\n');
    expect(body.length).toBeGreaterThan(2 * (1 << 18));
    await expectAsPython([
      { name: 'UTF-8, one CR line at the end', bytes: utf8(`child_id,visit_date,plan_type\n${body}C0,2026-10-01,CP\rC0,2026-10-02,CP\n`) },
      { name: 'UTF-8, one CRLF line at the end', bytes: utf8(`child_id,visit_date,plan_type\n${body}C0,2026-10-01,CP\r\nC0,2026-10-02,CP\n`) },
      {
        name: 'Windows-1252, one CR line at the end',
        bytes: Buffer.from(`child_id,visit_date,team\nC0,2026-10-01,\xc9quipe\n${body}C0,2026-10-01,CP\rC0,2026-10-02,CP\n`, 'latin1'),
        encoding: 'cp1252',
      },
    ]);
  });

  it('numbers lines physically in a file of mixed endings', async () => {
    const rows = await readRows(write(utf8('id,note\r\nC1,"a\rb\r\nc\nd"\nC2,x\rC3,"\r\n"\r\n\nC4,y')));
    expect(rows).toEqual([
      [['id', 'note'], 1],
      [['C1', 'a\rb\r\nc\nd'], 2],
      [['C2', 'x'], 6],
      [['C3', '\r\n'], 7],
      [[''], 9],
      [['C4', 'y'], 10],
    ]);
  });

  it('an LF file with one CRLF line: the two copies of a row read alike and later lines keep their numbers', async () => {
    // Before, the CRLF line kept a CR in its last field (so it was no duplicate) and counted two lines.
    const rows = await readRows(write(utf8('child_id,visit_date,plan_type\nC1,2026-10-01,CP\r\nC1,2026-10-01,CP\nC2,2026-10-02,CIN\n')));
    expect(rows).toEqual([
      [['child_id', 'visit_date', 'plan_type'], 1],
      [['C1', '2026-10-01', 'CP'], 2],
      [['C1', '2026-10-01', 'CP'], 3],
      [['C2', '2026-10-02', 'CIN'], 4],
    ]);
  });

  it('a CRLF header over 1,000 LF rows reads 1,001 records on lines 1 to 1,001', async () => {
    const rows = await readRows(write(utf8(`child_id,visit_date,plan_type\r\n${lines(1000, 1, '\n')}`)));
    expect(rows).toHaveLength(1001);
    expect(rows.map(([, line]) => line)).toEqual(Array.from({ length: 1001 }, (_, i) => i + 1));
    expect(rows.at(-1)).toEqual([['C1000', '2026-10-20', 'CP'], 1001]);
  });
});

describe('quotes', () => {
  it('a quote inside an unquoted field is kept as it is, as Python keeps it', async () => {
    await expectAsPython([
      { name: 'ab"c', bytes: utf8('id,note\nC1,ab"c\nC2,x\n') },
      { name: 'a quote that would open a field in the middle of one', bytes: utf8('id,note\nC1,ab"c,\nd"\nC2,x\n') },
      { name: 'a space before the quote', bytes: utf8('id,note\r\nC1, "a\r\nC2,x\r\n') },
      { name: 'a quote last in a field', bytes: utf8('id,note\rC1,12"\rC2,x') },
    ]);
    const rows = await readRows(write(utf8('id,note\nC1,ab"c\nC2,x\n')));
    expect(rows[1]).toEqual([['C1', 'ab"c'], 2]);
  });

  it('text after a closing quote stays in the field, quote included (Python drops the quotes), on the same lines', async () => {
    await expectAsPython([{ name: '"ab"c', bytes: utf8('id,note\nC1,"ab"c,"d\ne"f\nC2,x\n'), sameValues: false }]);
    const rows = await readRows(write(utf8('id,note\nC1,"ab"c,"d\ne"f\nC2,x\n')));
    expect(rows).toEqual([
      [['id', 'note'], 1],
      [['C1', '"ab"c', '"d\ne"f'], 2],
      [['C2', 'x'], 4],
    ]);
  });

  it.each([
    ['at the start of a record', 'id,note\r\nC1,"a\r\nb"\r\nC2,"open\r\nC3,x\r\n', 4],
    ['after a quoted field of three lines in the same record', 'id,note,more\nC1,"a\nb\rc","open\nC3,x\n', 4],
    ['after a quoted field of three lines in the same record (CR)', 'id,note,more\rC1,"a\rb\r\nc",x,"open\rC3,x\r', 4],
    ['in a record below a multi-line one', 'id,note\nC1,"a\nb\nc"\nC2,"open', 5],
  ])('an unclosed quote is MALFORMED_CSV at the line where it opens (%s)', async (_name, text, line) => {
    const error = await readRows(write(utf8(text))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({
      code: 'MALFORMED_CSV',
      message: `visits.csv: line ${line}: an unclosed quote opens here; the rest of the file cannot be read as CSV`,
      location: { file: 'visits.csv', line },
    });
  });
});

/** A seeded generator (the synthetic authority's mulberry32): the same seed, the same sequence, so a failure can be replayed. */
function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

describe('generated files: the same records on the same lines as Python', () => {
  const BREAKS = ['\r\n', '\n', '\r'];

  it('well-formed records: quoted and unquoted fields, every kind of break, in and out of quotes', async () => {
    const next = random(20261001);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const text = (length: number, alphabet: string): string => Array.from({ length }, () => pick([...alphabet])).join('');
    const field = (): string => {
      const roll = next();
      if (roll < 0.45) return text(Math.floor(next() * 6), 'ab é ');
      if (roll < 0.55) return `${text(1 + Math.floor(next() * 3), 'ab')}"${text(Math.floor(next() * 3), 'ab"')}`; // ab"c
      const inside = Array.from({ length: Math.floor(next() * 4) }, () => pick(['x', 'é', ',', ';', '""', ...BREAKS])).join('');
      return `"${inside}"`;
    };
    const cases: Case[] = Array.from({ length: 300 }, (_, n) => {
      const records = Array.from({ length: 1 + Math.floor(next() * 8) }, () =>
        next() < 0.1 ? '' : Array.from({ length: 1 + Math.floor(next() * 4) }, field).join(','),
      );
      const ended = records.map((record) => record + pick(BREAKS)).join('');
      return { name: `well-formed #${n}`, bytes: utf8(next() < 0.3 ? ended.replace(/(\r\n|\n|\r)$/, '') : ended) };
    });
    await expectAsPython(cases);
  });

  it('random text of quotes, separators and breaks: same records and lines wherever it is CSV at all', async () => {
    const next = random(44090);
    const pieces = ['a', 'b', ',', ',', '"', '""', '\r\n', '\n', '\r', ' '];
    const all: Case[] = Array.from({ length: 400 }, (_, n) => ({
      name: `random #${n}`,
      bytes: utf8(Array.from({ length: Math.floor(next() * 24) }, () => pieces[Math.floor(next() * pieces.length)]!).join('')),
      sameValues: false,
    }));
    // An unclosed quote is an error for the reader (Python reads the rest of the file into the field).
    const readable: Case[] = [];
    for (const c of all) {
      const failure = await readRows(write(c.bytes)).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (failure === undefined) readable.push(c);
      else expect(failure, c.name).toMatchObject({ code: 'MALFORMED_CSV', message: expect.stringContaining('an unclosed quote opens here') });
    }
    expect(readable.length).toBeGreaterThan(all.length / 3);
    await expectAsPython(readable);
  });
});
