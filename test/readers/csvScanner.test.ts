/**
 * The scanner against the reading it replaced, the reference: csv-parse set
 * up as the CSV reader set it up, each record's line counted from the line
 * breaks in its fields, and, for the cell cap, `CellCap` in front of it.
 * Generated files are fed to the scanner in chunks of every size from one
 * byte, so that characters and CRLFs fall across chunks.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Parser } from 'csv-parse';
import { describe, expect, it } from 'vitest';
import { CellCap } from '../../src/io/readers/cellCap.js';
import { CsvScanner, CsvSyntaxError } from '../../src/io/readers/csvScanner.js';
import { Rng } from '../../src/scripts/syntheticAuthority.js';

type Row = [string[], number];

/** The records read, each with the line where it starts, and the error that stopped the reading, if one did. */
interface Read {
  readonly rows: Row[];
  readonly error?: { readonly code: string; readonly line: number };
}

const MAX_RECORD_SIZE = 16 * 1_048_576;

/** The scanner's reading of `bytes`, pushed in chunks of `size()` bytes. */
function scan(bytes: Buffer, size: () => number, { delimiter = ',', maxCellCharacters = undefined as number | undefined, maxRecordSize = MAX_RECORD_SIZE } = {}): Read {
  const rows: Row[] = [];
  const scanner = new CsvScanner({ delimiter, maxCellCharacters, maxRecordSize }, (fields, line) => rows.push([fields, line]));
  try {
    for (let at = 0; at < bytes.length; ) {
      const end = at + size();
      scanner.push(bytes.subarray(at, end));
      at = end;
    }
    scanner.end();
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { rows, error: { code: error.code, line: error.line } };
  }
  return { rows };
}

/** What csv-parse's stream is made of: its transform, and the fields read of the record it stopped in (`state.record`). */
interface ParserInternals {
  readonly api: { parse(bytes: Buffer, end: boolean, push: (fields: string[]) => void, close: () => void): (Error & { code?: string }) | undefined };
  readonly state: { readonly record: string[] };
}

/** Line breaks in fields: CRLF, LF and a lone CR each count once. */
const lineBreaks = (fields: readonly string[]): number => fields.reduce((sum, field) => sum + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);

/** The reference reading: csv-parse as the reader set it up, lines and errors as the reader made them of it. */
function reference(bytes: Buffer, { delimiter = ',', maxRecordSize = MAX_RECORD_SIZE } = {}): Read {
  const options = { bom: true, relax_column_count: true, relax_quotes: true, delimiter, record_delimiter: ['\r\n', '\n', '\r'], max_record_size: maxRecordSize };
  const parser = new Parser(options) as unknown as ParserInternals;
  const rows: Row[] = [];
  let line = 1;
  const error = parser.api.parse(
    bytes,
    true,
    (fields) => {
      rows.push([fields, line]);
      line += 1 + lineBreaks(fields);
    },
    () => {},
  );
  if (error === undefined) return { rows };
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return { rows, error: { code: 'QUOTE_NOT_CLOSED', line: line + lineBreaks(parser.state.record) } };
  if (error.code === 'CSV_MAX_RECORD_SIZE') return { rows, error: { code: 'RECORD_TOO_LARGE', line } };
  throw error;
}

/** The bytes `CellCap` passed on to csv-parse, given in chunks of `size` bytes. */
async function capped(bytes: Buffer, limit: number, delimiter: string, size: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  const out: Buffer[] = [];
  await pipeline(Readable.from(chunks), new CellCap(limit, delimiter), async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) out.push(chunk);
  });
  return Buffer.concat(out);
}

const BREAKS = ['\r\n', '\n', '\r'];
const DELIMITERS = [',', ';', '\t'];
/** Characters of one, two, three and four bytes, a space, every delimiter and a BOM (a character but at the very start). */
const PLAIN = ['a', 'b', 'é', '€', '😀', ' ', ',', ';', '\t', '\uFEFF'];

/** A generated file: records of every kind of field, or (`soup`) random pieces of CSV, often with a quote never closed. */
function generate(rng: Rng, delimiter: string, long: boolean): Buffer {
  const text = (length: number, alphabet: readonly string[]): string => Array.from({ length }, () => rng.pick(alphabet)).join('');
  const length = (): number => (long && rng.chance(0.4) ? rng.int(6, 40) : rng.int(0, 5));
  const plain = PLAIN.filter((c) => c !== delimiter);
  const inside = [...plain, delimiter, '""', ...BREAKS, ...BREAKS];
  const field = (): string =>
    rng.weighted<() => string>([
      [() => '', 1],
      [() => `${rng.pick(plain)}${text(length(), [...plain, '"'])}`, 4],
      [() => `"${text(length(), inside)}"`, 4],
      // Text after the closing quote: it goes on unquoted (after a NUL, csv-parse drops the quotes).
      [() => `"${text(length(), inside)}"${rng.pick([...plain, '"', '\0'])}${text(length(), [...plain, '"'])}`, 2],
      // A quote that closes nothing: the field swallows what follows, often to the end of the file.
      [() => `"${text(length(), [...inside, '"'])}`, 0.3],
    ])();
  const soup = (): string => text(rng.int(0, 30), ['a', 'é', '😀', delimiter, delimiter, '"', '"', '""', ...BREAKS, ' ', '\0']);
  const records = (): string => {
    const lines = Array.from({ length: rng.int(1, 6) }, () => (rng.chance(0.1) ? '' : Array.from({ length: rng.int(1, 4) }, field).join(delimiter)));
    return lines.map((line) => line + rng.pick(BREAKS)).join('');
  };
  const body = rng.chance(0.2) ? soup() : records();
  const bom = rng.weighted([['', 6], ['\uFEFF', 2], ['\uFEFF\uFEFF', 1]] as const);
  return Buffer.from(bom + (rng.chance(0.3) ? body.replace(/(\r\n|\n|\r)$/, '') : body));
}

/** Chunk sizes: single bytes, a few bytes, tens of bytes at random, and the whole file in one. */
function chunkings(rng: Rng, bytes: Buffer): (() => number)[] {
  return [() => 1, () => rng.int(1, 4), () => rng.int(1, 40), () => bytes.length || 1];
}

describe('generated files: the same records, lines and errors as csv-parse, in chunks of any size', () => {
  it('without a cell cap', () => {
    const rng = new Rng(20261124);
    const errors = new Map<string, number>();
    for (let n = 0; n < 1500; n++) {
      const delimiter = rng.pick(DELIMITERS);
      const bytes = generate(rng, delimiter, false);
      const expected = reference(bytes, { delimiter });
      if (expected.error) errors.set(expected.error.code, (errors.get(expected.error.code) ?? 0) + 1);
      for (const size of chunkings(rng, bytes)) expect(scan(bytes, size, { delimiter }), `case ${n}: ${JSON.stringify(bytes.toString())}`).toEqual(expected);
    }
    expect(errors.get('QUOTE_NOT_CLOSED')).toBeGreaterThan(100);
  });

  it('with a small record size: RECORD_TOO_LARGE on the same record', () => {
    const rng = new Rng(16);
    const errors = new Map<string, number>();
    for (let n = 0; n < 1000; n++) {
      const delimiter = rng.pick(DELIMITERS);
      const maxRecordSize = rng.int(1, 40);
      const bytes = generate(rng, delimiter, true);
      const expected = reference(bytes, { delimiter, maxRecordSize });
      if (expected.error) errors.set(expected.error.code, (errors.get(expected.error.code) ?? 0) + 1);
      for (const size of chunkings(rng, bytes)) expect(scan(bytes, size, { delimiter, maxRecordSize }), `case ${n}: ${JSON.stringify(bytes.toString())}`).toEqual(expected);
    }
    expect(errors.get('RECORD_TOO_LARGE')).toBeGreaterThan(200);
  });

  it('with a cell cap: as CellCap in front of csv-parse read them', async () => {
    const rng = new Rng(1001);
    let cut = 0;
    for (let n = 0; n < 1000; n++) {
      const delimiter = rng.pick(DELIMITERS);
      const limit = rng.int(1, 8);
      const maxRecordSize = rng.chance(0.2) ? rng.int(1, 40) : MAX_RECORD_SIZE;
      const bytes = generate(rng, delimiter, true);
      const expected = reference(await capped(bytes, limit, delimiter, rng.int(1, bytes.length || 1)), { delimiter, maxRecordSize });
      cut += Number(!reference(bytes, { delimiter, maxRecordSize }).rows.every(([fields], r) => fields.every((field, f) => field === expected.rows[r]?.[0][f])));
      for (const size of chunkings(rng, bytes)) {
        expect(scan(bytes, size, { delimiter, maxCellCharacters: limit, maxRecordSize }), `case ${n}, limit ${limit}: ${JSON.stringify(bytes.toString())}`).toEqual(expected);
      }
    }
    // Most files have a field the cap cuts.
    expect(cut).toBeGreaterThan(500);
  });
});

describe('hand-worked files', () => {
  const read = (text: string, options: Parameters<typeof scan>[2] = {}): Read => scan(Buffer.from(text), () => 1, options);

  it('reads quoted, doubled and relaxed quotes, blank lines, and a last record with no break', () => {
    expect(read('id,note\r\n"a ""b""",c"d\n\n"x\r\ny"z,\r"",e')).toEqual({
      rows: [
        [['id', 'note'], 1],
        [['a "b"', 'c"d'], 2],
        [[''], 3],
        [['"x\r\ny"z', ''], 4],
        [['', 'e'], 6],
      ],
    });
  });

  it('drops one BOM at the very start; a NUL after a closing quote drops the quotes (csv-parse does)', () => {
    expect(read('\uFEFF\uFEFFa;\uFEFFb\n"ab"\0c;d', { delimiter: ';' })).toEqual({
      rows: [
        [['\uFEFFa', '\uFEFFb'], 1],
        [['ab\0c', 'd'], 2],
      ],
    });
  });

  it('names the line where an unclosed quote opens', () => {
    expect(read('id\n"a\nb",c,"open\nd\n')).toEqual({ rows: [[['id'], 1]], error: { code: 'QUOTE_NOT_CLOSED', line: 3 } });
  });

  it('stops a record as large as csv-parse stopped it, not one character smaller', () => {
    // csv-parse refuses a byte when the record's size before it passes the maximum: 6 + 5 does not, 6 + 6 does.
    expect(read('a\nbbbbbb,ccccc\n', { maxRecordSize: 10 })).toEqual({ rows: [[['a'], 1], [['bbbbbb', 'ccccc'], 2]] });
    expect(read('a\nbbbbbb,cccccc\n', { maxRecordSize: 10 })).toEqual({ rows: [[['a'], 1]], error: { code: 'RECORD_TOO_LARGE', line: 2 } });
  });

  it('cuts fields over the cap as CellCap did, keeping the line breaks dropped inside quotes', () => {
    // Limit 3: four characters kept; the doubled quote is one; text after a closing quote keeps its first character.
    expect(read('abcdefg,"ab""cdef\r\ng\nh"i,"ab"cdefg\nx', { maxCellCharacters: 3 })).toEqual({
      rows: [
        [['abcd', 'ab"c\r\n\r', '"ab"c'], 1],
        [['x'], 4],
      ],
    });
  });
});
