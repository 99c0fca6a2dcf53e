import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { openCsv } from '../../src/io/readers/csvReader.js';
import type { ReadNotes } from '../../src/io/readers/rowReader.js';
import { tempFolder } from '../tempFolder.js';

const { dir, fileWith } = tempFolder('csc-csv-reader-');

function fifo(path: string): string {
  const made = spawnSync('mkfifo', [path], { encoding: 'utf8' });
  expect(made.error).toBeUndefined();
  expect(made.status, made.stderr).toBe(0);
  return path;
}

function symlink(target: string, path: string): string {
  symlinkSync(target, path);
  return path;
}

interface Read {
  readonly rows: [string[], number][];
  readonly notes: ReadNotes;
}

async function read(path: string): Promise<Read> {
  const rows: [string[], number][] = [];
  const notes = await openCsv(path, 'teams.csv').read((fields, line) => rows.push([fields, line]));
  return { rows, notes };
}

const TEXT = 'team,visit_date\nÉquipe Á,2026-10-01\nNord-Est,2026-10-02\n';
const ROWS = [
  [['team', 'visit_date'], 1],
  [['Équipe Á', '2026-10-01'], 2],
  [['Nord-Est', '2026-10-02'], 3],
];

function utf16le(text: string): Buffer {
  return Buffer.from(text, 'utf16le');
}

describe('encodings', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT), 'utf-8'],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), 'utf-8 (BOM)'],
    ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(TEXT)]), 'utf-16le'],
    ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16le(TEXT).swap16()]), 'utf-16be'],
  ])('%s', async (_name, bytes, encoding) => {
    const { rows, notes } = await read(fileWith(bytes));
    expect(rows).toEqual(ROWS);
    expect(notes).toEqual({ encoding, delimiter: ',', notes: [] });
  });

  it('reads bytes that are not UTF-8 as Windows-1252, and says so', async () => {
    // 0xC9 É, 0xC1 Á, 0xE1 á, 0x80 € (Windows-1252, not Latin-1).
    const bytes = Buffer.concat([Buffer.from('team,budget\n', 'latin1'), Buffer.from([0xc9, 0x20, 0xc1, 0x2c, 0x80, 0x35, 0x0a]), Buffer.from('Equipe Sh\xe1n,1\n', 'latin1')]);
    const { rows, notes } = await read(fileWith(bytes));
    expect(rows).toEqual([
      [['team', 'budget'], 1],
      [['É Á', '€5'], 2],
      [['Equipe Shán', '1'], 3],
    ]);
    expect(notes).toEqual({ encoding: 'windows-1252', delimiter: ',', notes: ['read as Windows-1252: the file is not valid UTF-8'] });
  });

  // The first pass reads 256 KiB at a time: these put what matters past the first read.
  const FIRST_READ = 1 << 18;
  const filler = (bytes: number): Buffer => Buffer.from(`${'a'.repeat(999)}\n`.repeat(Math.ceil(bytes / 1000)).slice(0, bytes));

  it('finds a byte that is not UTF-8 past the first read', async () => {
    const bytes = Buffer.concat([Buffer.from('team\nÉ\n'), filler(FIRST_READ), Buffer.from([0x0a, 0xe1, 0x0a])]);
    const { rows, notes } = await read(fileWith(bytes));
    expect(notes.encoding).toBe('windows-1252');
    expect(rows[1]).toEqual([['Ã‰'], 2]);
    expect(rows.at(-1)![0]).toEqual(['á']);
  });

  it.each([1, 2, 3])('keeps UTF-8 when a character is split between reads (%i byte(s) before the split)', async (before) => {
    const bytes = Buffer.concat([Buffer.from('team\n'), filler(FIRST_READ - 5 - before), Buffer.from('€\n')]);
    const { rows, notes } = await read(fileWith(bytes));
    expect(notes.encoding).toBe('utf-8');
    expect(rows.at(-1)![0][0]!.endsWith('a€')).toBe(true);
  });

  it('says when a file with a UTF-8 BOM holds bytes that are not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('team\nSh'), Buffer.from([0xe1]), Buffer.from('n\n')]);
    const { rows, notes } = await read(fileWith(bytes));
    expect(rows[1]).toEqual([['Sh\uFFFDn'], 2]);
    expect(notes.encoding).toBe('utf-8 (BOM)');
    expect(notes.notes).toHaveLength(1);
  });
});

describe('delimiters', () => {
  it.each([
    ['semicolon', 'team;visit_date;note\nNord;01/10/2026;"a;b, c"\n', ';', ['semicolon-separated'], ['Nord', '01/10/2026', 'a;b, c']],
    ['tab', 'team\tvisit_date\tnote\nNord\t01/10/2026\ta, b; c\n', '\t', ['tab-separated'], ['Nord', '01/10/2026', 'a, b; c']],
    ['comma (separators inside quotes do not count)', 'team,"visit;date;x"\nNord,01/10/2026\n', ',', [], ['Nord', '01/10/2026']],
    ['comma on a tie', 'team,visit_date;note\nNord,01/10/2026;x\n', ',', [], ['Nord', '01/10/2026;x']],
  ])('%s', async (_name, text, delimiter, notes, second) => {
    const { rows, notes: readNotes } = await read(fileWith(text));
    expect(readNotes).toEqual({ encoding: 'utf-8', delimiter, notes });
    expect(rows[1]).toEqual([second, 2]);
  });

  it('takes the delimiter from the header below a title line that has none', async () => {
    const { rows, notes } = await read(fileWith('Case supervision export\n\nPerson ID;Case Note Date\nC1;01/10/2026\n'));
    expect(notes.delimiter).toBe(';');
    expect(rows.slice(-2)).toEqual([[['Person ID', 'Case Note Date'], 3], [['C1', '01/10/2026'], 4]]);
  });

  it('a quote inside a title line opens nothing: the header below still gives the delimiter', async () => {
    const { rows, notes } = await read(fileWith('Visits to 31" October - all teams\rPerson ID;Visit Date\rC1;01/10/2026\r'));
    expect(notes.delimiter).toBe(';');
    expect(rows).toEqual([
      [['Visits to 31" October - all teams'], 1],
      [['Person ID', 'Visit Date'], 2],
      [['C1', '01/10/2026'], 3],
    ]);
  });

  it('CRLF, LF and CR each end a title line (40 of them at most before the header)', async () => {
    const titles = Array.from({ length: 39 }, (_, i) => `Title ${i}${['\r\n', '\n', '\r'][i % 3]}`).join('');
    const { notes } = await read(fileWith(`${titles}Person ID;Visit Date\r\nC1;01/10/2026\r\n`));
    expect(notes.delimiter).toBe(';');
  });

  it('takes the header from the first non-blank line, in a UTF-16 file too', async () => {
    const text = '\r\n  \r\nteam;visit_date\r\nNord;01/10/2026\r\n';
    const { rows, notes } = await read(fileWith(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(text)])));
    expect(notes).toEqual({ encoding: 'utf-16le', delimiter: ';', notes: ['semicolon-separated'] });
    expect(rows).toEqual([
      [[''], 1],
      [['  '], 2],
      [['team', 'visit_date'], 3],
      [['Nord', '01/10/2026'], 4],
    ]);
  });
});

describe('physical line numbers (a record starts on the line after the previous one ends)', () => {
  it.each([
    ['LF', 'id,note\nC1,"a\nb"\nC2,x\n', [1, 2, 4]],
    ['CRLF with quoted CRLFs (each counts once)', 'id,note\r\nC1,"a\r\nb\r\nc"\r\nC2,x\r\n', [1, 2, 5]],
    ['a multi-line header', 'id,"note\nlong"\nC1,x\n', [1, 3]],
    ['blank lines', 'id,note\n\nC1,x\n\n\nC2,"y\n"\nC3,z', [1, 2, 3, 4, 5, 6, 8]],
  ])('%s', async (_name, text, lines) => {
    const { rows } = await read(fileWith(text));
    expect(rows.map(([, line]) => line)).toEqual(lines);
  });

  it('keeps quoted commas, quotes and line breaks in values', async () => {
    const { rows } = await read(fileWith('id,team,note\r\nC1,"Équipe Á, ""Nord""","x\r\ny"\r\n'));
    expect(rows[1]).toEqual([['C1', 'Équipe Á, "Nord"', 'x\r\ny'], 2]);
  });
});

describe('failures', () => {
  it('an empty file has no rows', async () => {
    expect(await read(fileWith(''))).toEqual({ rows: [], notes: { encoding: 'utf-8', delimiter: ',', notes: [] } });
  });

  it('a missing file is UNREADABLE_FILE', async () => {
    const error = await read(join(dir, 'missing.csv')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ code: 'UNREADABLE_FILE', message: 'teams.csv: cannot read the file (ENOENT)', location: { file: 'teams.csv' } });
  });

  // Checked before opening: reading a FIFO blocks until something writes to it, and /dev/zero never ends.
  it.each([
    ['a folder', () => mkdirSync(join(dir, 'folder.csv'), { recursive: true })!],
    ['a FIFO', () => fifo(join(dir, 'assessments.csv'))],
    ['a device', () => '/dev/zero'],
    ['a device', () => symlink('/dev/zero', join(dir, 'zero.csv'))],
  ])('a path that is not a regular file (%s) is refused at once, UNREADABLE_FILE', async (kind, make) => {
    const path = make();
    const started = performance.now();
    const error = await read(path).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ code: 'UNREADABLE_FILE', message: `teams.csv: not a regular file (${kind})`, location: { file: 'teams.csv' } });
  }, 5000);

  it('an unclosed quote is MALFORMED_CSV at the line where it opens, in plain words', async () => {
    const error = await read(fileWith('id,note\r\nC1,"a\r\nb"\r\nC2,"open\r\nC3,x\r\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({
      code: 'MALFORMED_CSV',
      message: 'teams.csv: line 4: an unclosed quote opens here; the rest of the file cannot be read as CSV',
      location: { file: 'teams.csv', line: 4 },
    });
  });

  it('the malformed-csv fixture names line 3, where its quote opens', async () => {
    const error = await openCsv('fixtures/bad-input/malformed-csv/visits.csv', 'visits.csv').read(() => {}).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'MALFORMED_CSV',
      message: 'visits.csv: line 3: an unclosed quote opens here; the rest of the file cannot be read as CSV',
      location: { file: 'visits.csv', line: 3 },
    });
  });

  it('a quote inside an unquoted field is a character, not an error', async () => {
    const { rows } = await read(fileWith('id,note\nC1,ab"c\nC2,x\n'));
    expect(rows).toEqual([
      [['id', 'note'], 1],
      [['C1', 'ab"c'], 2],
      [['C2', 'x'], 3],
    ]);
  });

  it.each([
    ['UTF-8', TEXT],
    ['Windows-1252', Buffer.from(TEXT, 'latin1')],
  ])('an error thrown by the sink comes out unchanged (%s)', async (_name, bytes) => {
    const thrown = new RangeError('stop');
    const seen: number[] = [];
    const reading = openCsv(fileWith(bytes), 'teams.csv').read((_fields, line) => {
      seen.push(line);
      if (line === 2) throw thrown;
    });
    await expect(reading).rejects.toBe(thrown);
    expect(seen).toEqual([1, 2]);
  });
});

describe('a record too long to be an extract row', () => {
  it('stops the file with RECORD_TOO_LARGE and its line, before it exhausts memory', async () => {
    // 17 M characters in one quoted cell on line 3, past the 16 M limit, read with no cell cap (with one, the cell is cut: cellCap.test.ts).
    const error = await read(fileWith(`team,visit_date\nNord,2026-10-01\nSud,"${'x'.repeat(17 * 1_048_576)}"\n`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ code: 'RECORD_TOO_LARGE', location: { file: 'teams.csv', line: 3 } });
  });
});
