import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/dates/localDate.js';
import { builtInCalendar } from '../../src/core/calendar/workingCalendar.js';
import { validationLimits } from '../../src/cli/options.js';
import { readTable } from '../../src/io/readTable.js';
import { CellCap } from '../../src/io/readers/cellCap.js';
import { openCsv } from '../../src/io/readers/csvReader.js';
import { Rng } from '../../src/scripts/syntheticAuthority.js';
import { tempFolder } from '../tempFolder.js';

const { dir, fileWith } = tempFolder('csc-cell-cap-');

async function readRows(path: string, limit?: number): Promise<[string[], number][]> {
  const rows: [string[], number][] = [];
  await openCsv(path, 'notes.csv', limit).read((fields, line) => rows.push([fields, line]));
  return rows;
}

const BOM = '\uFEFF';

/** The bytes out of a cap given `input` in chunks of `size` bytes (the last one shorter). */
async function capped(input: Buffer, limit: number, size: number, delimiter = ','): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (let at = 0; at < input.length; at += size) chunks.push(input.subarray(at, at + size));
  const out: Buffer[] = [];
  await pipeline(Readable.from(chunks), new CellCap(limit, delimiter), async (source: AsyncIterable<Buffer>) => {
    for await (const bytes of source) out.push(bytes);
  });
  return Buffer.concat(out);
}

/** Expects the same output whatever the chunks, split everywhere. */
async function expectCut(input: string, limit: number, expected: string, delimiter = ','): Promise<void> {
  const bytes = Buffer.from(input);
  for (let size = 1; size <= bytes.length; size++) {
    expect((await capped(bytes, limit, size, delimiter)).toString(), `chunks of ${size}`).toBe(expected);
  }
}

/** The records csv-parse makes of the bytes, set up as the reader sets it up. */
function records(bytes: Buffer, delimiter = ','): string[][] {
  return parse(bytes, { bom: true, relax_column_count: true, relax_quotes: true, delimiter, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
}

const characters = (text: string): string[] => Array.from(text);
const lineBreaks = (text: string): number => text.match(/\r\n|\r|\n/g)?.length ?? 0;

describe('a field over the cap is cut to one character past the limit (limit 5)', () => {
  it.each([
    ['an unquoted field', 'id,abcdefghij,z\n', 'id,abcdef,z\n'],
    ['a long field, then ordinary fields and records', 'abcdefghij,x\ny,"klmnopq"\r\nz\n', 'abcdef,x\ny,"klmnop"\r\nz\n'],
    ['fields at the limit and one past it, as they are', 'abcde,abcdef,"abcde","abcdef"\n"ab""c""",""\n', 'abcde,abcdef,"abcde","abcdef"\n"ab""c""",""\n'],
    ['a quoted field holding delimiters and doubled quotes', '"a,b""c,d,e""f",x\n', '"a,b""c,",x\n'],
    ['the last field of a file with no final break', 'x,abcdefgh', 'x,abcdef'],
    ['a doubled quote is cut whole, before or after it', '"abcdef""g"\n"abcde""fg"\n', '"abcdef"\n"abcde"""\n'],
    ['a field whose quote never closes stays open', 'x\n"abcdefgh', 'x\n"abcdef'],
    ['an empty file', '', ''],
  ])('%s', async (_name, input, expected) => {
    await expectCut(input, 5, expected);
  });

  it('keeps the line breaks dropped from inside quotes, one for one', async () => {
    // a,b,c,",d are the six characters kept; CRLF, LF and CR after them stay breaks (an LF alone written as CR).
    const input = '1,"ab,c""de\r\nfg\nh\ri",2\n3,x\n';
    const expected = '1,"ab,c""d\r\n\r\r",2\n3,x\n';
    await expectCut(input, 5, expected);
    const [before, after] = [records(Buffer.from(input)), records(Buffer.from(expected))];
    expect(after[0]![1]).toBe('ab,c"d\r\n\r\r');
    expect(lineBreaks(after[0]![1]!)).toBe(lineBreaks(before[0]![1]!));
  });

  it.each([
    ['a lone CR as the last kept character', '"abcde\rxy\nz"\n', '"abcde\r\r"\n'],
    ['a CRLF split by the cut', '"abcde\r\nxy"\n', '"abcde\r\n"\n'],
    ['an LF as the last kept character', '"abcde\nx\ny"\n', '"abcde\n\r"\n'],
  ])('never joins a kept CR and a kept LF into one break: %s', async (_name, input, expected) => {
    await expectCut(input, 5, expected);
    expect(lineBreaks(records(Buffer.from(expected))[0]![0]!)).toBe(lineBreaks(records(Buffer.from(input))[0]![0]!));
  });

  it.each([
    ['é (two bytes)', `${'é'.repeat(8)},x\n`, `${'é'.repeat(6)},x\n`],
    ['an emoji (four bytes)', `"${'😀'.repeat(8)}",x\n`, `"${'😀'.repeat(6)}",x\n`],
    ['mixed', 'aé😀€bçd\n', 'aé😀€bç\n'],
    ['at the limit', `${'😀'.repeat(6)}\n`, `${'😀'.repeat(6)}\n`],
  ])('counts characters, not bytes: %s', async (_name, input, expected) => {
    await expectCut(input, 5, expected);
  });

  it.each([
    ['a cut field after a BOM', `${BOM}"abcdefgh",x\n`, `${BOM}"abcdef",x\n`],
    ['a BOM is no character of the first field', `${BOM}abcdef\n`, `${BOM}abcdef\n`],
    ['a quote after a BOM opens the field', `${BOM}"a,b,c,d",x\n`, `${BOM}"a,b,c,",x\n`],
    ['the same bytes later in the file are characters', `x\n${BOM}abcdef\n`, `x\n${BOM}abcde\n`],
  ])('%s', async (_name, input, expected) => {
    await expectCut(input, 5, expected);
  });

  it.each([
    ['semicolon', ';', 'abcdefgh;"a;b;c;d";x\n', 'abcdef;"a;b;c;";x\n'],
    ['tab', '\t', 'abcdefgh\t"a\tb\tc\td"\tx\n', 'abcdef\t"a\tb\tc\t"\tx\n'],
  ])('follows the delimiter: %s', async (_name, delimiter, input, expected) => {
    await expectCut(input, 5, expected, delimiter);
  });

  // Quotes relaxed: text after a closing quote goes on unquoted, the quotes part of the value (`"ab"c` reads `"ab"c`).
  it.each([
    ['cut in the text after the quote', '"abc"defghij,x\n', '"abc"d,x\n'],
    // Dropping f would make the quote close the field, five characters long: f stays.
    ['the character after the quote stays', '"abcde"fgh,x\n', '"abcde"f,x\n'],
    ['cut inside the quotes: the text after them goes, the quote stays', '"abcdefgh"ij,x\n"abcdefgh"ij', '"abcdef",x\n"abcdef"'],
  ])('text after a closing quote: %s', async (_name, input, expected) => {
    await expectCut(input, 5, expected);
    for (const field of records(Buffer.from(expected)).map((record) => record[0]!)) expect(characters(field).length).toBeGreaterThan(5);
  });

  it('passes a chunk in which no field goes over the cap on as it is', async () => {
    const chunk = Buffer.from('id,note\n1,"a\r\nb"\n');
    const cap = new CellCap(5, ',');
    const out: Buffer[] = [];
    cap.on('data', (bytes: Buffer) => out.push(bytes));
    cap.end(chunk);
    await new Promise((resolve) => cap.on('end', resolve));
    expect(out).toHaveLength(1);
    expect(out[0]).toBe(chunk);
  });
});

describe('against a slow reference: csv-parse, then every field cut (seeded random files)', () => {
  const BREAKS = ['\r\n', '\n', '\r'];
  const DELIMITERS = [',', ';', '\t'];
  /** A generated field; for one with text after its closing quote (`"ab"c`), the characters of the value inside the quotes. */
  interface Generated {
    readonly inside?: number;
  }

  function generate(rng: Rng, delimiter: string): { text: string; shapes: Generated[][] } {
    const chars = (length: number, alphabet: readonly string[]): string => Array.from({ length }, () => rng.pick(alphabet)).join('');
    const length = (): number => (rng.chance(0.2) ? rng.int(6, 30) : rng.int(0, 7));
    const plain = ['a', 'b', 'é', '😀', '€', ' '];
    const quotable = [...plain, delimiter, '""', ...BREAKS];
    const shapes: Generated[][] = [];
    const lines: string[] = [];
    for (let r = rng.int(1, 5); r > 0; r--) {
      const record: Generated[] = [];
      const fields: string[] = [];
      for (let f = rng.int(1, 4); f > 0; f--) {
        const kind = rng.weighted([['unquoted', 4], ['quoted', 4], ['text after the quote', 1]] as const);
        const inside = chars(length(), quotable);
        if (kind === 'unquoted') fields.push(chars(length(), [...plain, '"']).replace(/^"/, 'a'));
        else if (kind === 'quoted') fields.push(`"${inside}"`);
        else fields.push(`"${inside}"${rng.pick(plain)}${chars(length(), [...plain, '"'])}`);
        record.push(kind === 'text after the quote' ? { inside: characters(inside.replaceAll('""', '"')).length } : {});
      }
      shapes.push(record);
      lines.push(fields.join(delimiter));
    }
    // A CR, then an empty line ended by LF, would be one CRLF.
    const text = lines.map((line, i) => line + (lines[i + 1] === '' ? '\r\n' : rng.pick(BREAKS))).join('');
    // Without its break, an empty last line is no record at all.
    const unended = rng.chance(0.3) && lines.at(-1) !== '';
    return { text: (rng.chance(0.2) ? BOM : '') + (unended ? text.replace(/(\r\n|\n|\r)$/, '') : text), shapes };
  }

  /**
   * What the cap keeps of a field: its first `limit + 1` characters (all of
   * it when no longer). With text after the closing quote, the value is
   * `"`, what was inside, `"` and the text: when cut inside the quotes, what
   * was inside them; else at least up to the first character of the text.
   */
  function kept(original: readonly string[], limit: number, { inside }: Generated): string {
    const cap = limit + 1;
    if (inside === undefined) return original.slice(0, cap).join('');
    return (inside > cap ? original.slice(1, 1 + cap) : original.slice(0, Math.max(cap, inside + 3))).join('');
  }

  /** The cut field is what the cap keeps, then only line breaks: as many in all as the field had. */
  function expectCutField(original: string, cut: string, limit: number, shape: Generated, where: string): void {
    const prefix = kept(characters(original), limit, shape);
    expect(cut.startsWith(prefix) && /^[\r\n]*$/.test(cut.slice(prefix.length)), `${where}: ${JSON.stringify(cut)} from ${JSON.stringify(original)}`).toBe(true);
    expect(lineBreaks(cut), where).toBe(lineBreaks(original));
  }

  it('the same records, each field cut as the reference cuts it, with its line breaks', async () => {
    const rng = new Rng(20261123);
    let cutFields = 0;
    for (let n = 0; n < 400; n++) {
      const delimiter = rng.pick(DELIMITERS);
      const limit = rng.int(1, 6);
      const { text, shapes } = generate(rng, delimiter);
      const bytes = Buffer.from(text);
      const reference = records(bytes, delimiter);
      // The generator's own check: csv-parse reads the fields it meant.
      expect(reference.map((record) => record.length), `case ${n}`).toEqual(shapes.map((record) => record.length));
      for (const size of [1, 2, 3, rng.int(4, 40), bytes.length || 1]) {
        const after = records(await capped(bytes, limit, size, delimiter), delimiter);
        expect(after.map((record) => record.length), `case ${n}, chunks of ${size}`).toEqual(shapes.map((record) => record.length));
        after.forEach((record, r) =>
          record.forEach((field, f) => expectCutField(reference[r]![f]!, field, limit, shapes[r]![f]!, `case ${n}, chunks of ${size}, record ${r}, field ${f}`)),
        );
      }
      cutFields += reference.flat().filter((field) => characters(field).length > limit + 1).length;
    }
    // The cases do cut: many fields are over their limit.
    expect(cutFields).toBeGreaterThan(300);
  });

  it('the reader gives the same rows on the same lines with the cap as without, in every encoding', async () => {
    const rng = new Rng(9071);
    const withoutBom = (text: string): string => text.replace(/^\uFEFF/, '');
    const encodings: [string, (text: string) => Buffer][] = [
      ['utf-8', (text) => Buffer.from(text)],
      ['utf-16le', (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(withoutBom(text), 'utf16le')])],
      // é is 0xE9 in Windows-1252 as in Latin-1; a file holding one is not UTF-8.
      ['windows-1252', (text) => Buffer.from(withoutBom(text).replaceAll('😀', 'x').replaceAll('€', 'é'), 'latin1')],
    ];
    for (let n = 0; n < 150; n++) {
      const limit = rng.int(1, 6);
      const [encoding, encode] = rng.pick(encodings);
      const { text, shapes } = generate(rng, ',');
      const path = fileWith(encode(text));
      const [whole, cut] = [await readRows(path), await readRows(path, limit)];
      const where = `case ${n} (${encoding})`;
      expect(whole.map(([fields]) => fields.length), where).toEqual(shapes.map((record) => record.length));
      expect(cut.map(([fields, line]) => [fields.length, line]), where).toEqual(whole.map(([fields, line]) => [fields.length, line]));
      cut.forEach(([fields], r) => fields.forEach((field, f) => expectCutField(whole[r]![0][f]!, field, limit, shapes[r]![f]!, `${where}, row ${r}, field ${f}`)));
    }
  });
});

/**
 * A file whose second column holds a cell of `megabytes` MB on line 2,
 * written a megabyte at a time: `x`, or quoted and each megabyte ending in a
 * line break.
 */
function fileWithHugeCell(header: string, megabytes: number, quoted: boolean): string {
  const path = fileWith('', 'huge');
  const file = openSync(path, 'w');
  try {
    writeSync(file, `${header}\nC1,${quoted ? '"' : ''}`);
    const megabyte = Buffer.alloc(1 << 20, 'x');
    if (quoted) megabyte[megabyte.length - 1] = 0x0a;
    for (let i = 0; i < megabytes; i++) writeSync(file, megabyte);
    writeSync(file, `${quoted ? '"' : ''},2026-10-01\nC2,short,2026-10-02\n`);
  } finally {
    closeSync(file);
  }
  return path;
}

describe('the reader with a cell cap', () => {
  // Held whole, these cells would stop the file: csv-parse holds 16 M characters of a record at most.
  it('reads a 40 MB cell as its first 1,001 characters, not as a record too large', async () => {
    const rows = await readRows(fileWithHugeCell('id,note,date', 40, false), 1000);
    expect(rows.map(([fields, line]) => [fields.map((field) => field.length), line])).toEqual([
      [[2, 4, 4], 1],
      [[2, 1001, 10], 2],
      [[2, 5, 10], 3],
    ]);
    expect(rows[1]![0][2]).toBe('2026-10-01');
  });

  it('keeps the line breaks of a 40 MB quoted cell, so the rows after it keep their lines', async () => {
    const rows = await readRows(fileWithHugeCell('id,note,date', 40, true), 1000);
    expect(rows.map(([, line]) => line)).toEqual([1, 2, 43]);
    expect(rows[1]![0][1]).toBe(`${'x'.repeat(1001)}${'\r'.repeat(40)}`);
  });

  it('counts bytes that are not UTF-8 after a UTF-8 BOM as the characters they read as (U+FFFD each)', async () => {
    const bytes = Buffer.concat([Buffer.from(`${BOM}id,note\nC1,`), Buffer.alloc(20, 0x80), Buffer.from(',x\n')]);
    const rows = await readRows(fileWith(bytes), 5);
    expect(rows[1]).toEqual([['C1', '\uFFFD'.repeat(6), 'x'], 2]);
  });

  it('still stops a record whose many fields together are too long', async () => {
    // 18,000 fields of 1,000 characters: each within the limit, together over 16 M.
    const error = await readRows(fileWith(`id\n${`${'x'.repeat(1000)},`.repeat(18_000)}\n`), 1000).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RECORD_TOO_LARGE', location: { file: 'notes.csv', line: 2 } });
  });

  it('through readTable, a 40 MB cell is a CELL_TOO_LARGE issue on its line, the row kept', async () => {
    const limits = { ...validationLimits(dayNumber(2026, 11, 23), builtInCalendar('england-and-wales')), maxCellCharacters: 1000 };
    const path = fileWithHugeCell('child_id,team,visit_date', 40, false);
    const { quality } = await readTable({ kind: 'visits', source: { format: 'csv', path, name: 'visits.csv' }, limits, keepRecords: true, keepEvents: true });
    expect(quality[0]).toMatchObject({ rowsRead: 2, rowsUsed: 2, cellIssues: { team: 1 } });
    expect(quality[0]!.issues).toEqual([expect.objectContaining({ scope: 'cell', code: 'CELL_TOO_LARGE', line: 2, column: 'team' })]);
  });
});
