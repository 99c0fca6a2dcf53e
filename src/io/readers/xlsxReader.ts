import { createReadStream, type ReadStream } from 'node:fs';
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import { DataError } from '../../core/errors.js';
import type { ReadNotes, RowReader, RowSink } from './rowReader.js';
import { refuseIrregular } from './regularFile.js';

/*
 * Workbooks are read with exceljs's streaming reader, in two ways around
 * its faults:
 * - With shared strings 'emit' (never 'cache') it copies every worksheet to
 *   a temp file and parses it only after the whole zip has been read, so the
 *   workbook part (sheet names), its relationships and the styles (date
 *   formats) are known whatever order the zip entries come in. The shared
 *   strings arrive as events, gathered here.
 * - It can miss the last entries of the zip (its unzipper ends the entry
 *   stream early when the reader is busy: exceljs issue 3064). Before any
 *   row is read, the parts the workbook's relationships name are checked
 *   for; when one is missing the workbook is read whole, in memory, instead.
 * exceljs's types describe the streaming reader as a whole Workbook, so the
 * parts of it used here are declared below.
 */

type SharedText = string | null | { readonly richText: readonly { readonly text: string | null }[] };

/** A worksheet as the streaming reader hands it over: rows, and the temp-file stream they come from. */
interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
  readonly iterator: ReadStream;
}

type ReaderEvent =
  | { readonly eventType?: undefined; readonly index: number; readonly text: SharedText }
  | { readonly eventType: 'worksheet'; readonly value: StreamedSheet };

interface StreamReader {
  on(event: 'entry', listener: (entry: { readonly type: string; readonly id?: string }) => void): void;
  parse(): AsyncIterator<ReaderEvent>;
  readonly model?: { readonly sheets?: readonly { readonly name: string; readonly rId: string }[] };
  readonly workbookRels?: readonly { readonly Id: string; readonly Type: string; readonly Target: string }[];
  readonly properties?: { readonly model?: { readonly date1904?: boolean } };
}

/** What cells need from the rest of the workbook. */
interface Book {
  /** The shared strings, which the streaming reader leaves as indexes. */
  readonly strings: readonly string[];
  /** Whether serials count days from 1904 (old Mac workbooks) rather than 1900. */
  readonly date1904: boolean;
  /** exceljs's cell types. */
  readonly types: typeof ExcelJS.ValueType;
}

let loading: Promise<typeof ExcelJS> | undefined;

/** exceljs takes about a third of a second to load: only a run (or worker) that reads a workbook pays for it. */
function loadExcelJS(): Promise<typeof ExcelJS> {
  return (loading ??= import('exceljs').then((module) => module.default));
}

type StreamOptions = ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>[1];

/** How one pass reads the workbook, and which parts (relationship type, exceljs entry type) it cannot do without. */
interface Pass {
  readonly options: StreamOptions;
  readonly needs: readonly (readonly [string, string])[];
}

const READ: Pass = {
  options: { worksheets: 'emit', sharedStrings: 'emit', styles: 'cache', hyperlinks: 'ignore', entries: 'emit' },
  needs: [
    ['/sharedStrings', 'shared-strings'],
    ['/styles', 'styles'],
  ],
};
const LIST: Pass = { options: { ...READ.options, sharedStrings: 'ignore', styles: 'ignore' }, needs: [] };

const DAY_MS = 86_400_000;

/** Called with each worksheet's name in zip order; must read or release the sheet. */
type SheetVisitor = (sheetName: string, sheet: StreamedSheet, book: Book) => Promise<void>;

/** The worksheet names of a workbook, in workbook (tab) order. */
export async function listSheets(path: string): Promise<string[]> {
  const name = basename(path);
  await refuseIrregular(path, name);
  const sheets = await streamWorkbook(path, name, LIST, async (_sheetName, sheet) => release(sheet));
  return sheets ?? sheetNames(await loadWorkbook(path, name));
}

/**
 * Opens one worksheet of an xlsx workbook as a row reader: each row's cells
 * as text (see `SheetText`), numbered by sheet row. `name` is how issues
 * name the table (`Annex_A.xlsx:List 4`); the sheet name is matched
 * ignoring case, as Excel does.
 */
export function openXlsxSheet(path: string, name: string, sheet: string): RowReader {
  const isWanted = (sheetName: string): boolean => sheetName.toLowerCase() === sheet.toLowerCase();
  return {
    name,
    serialDates: true,
    async read(sink: RowSink): Promise<ReadNotes> {
      await refuseIrregular(path, name);
      let notes: string[] | undefined;
      const sheets = await streamWorkbook(path, name, READ, async (sheetName, streamed, book) => {
        if (notes || !isWanted(sheetName)) return release(streamed);
        notes = await readStreamedSheet(streamed, book, name, sink);
      });
      if (!notes && sheets && !sheets.some(isWanted)) throw missingSheet(path, sheet, sheets);
      notes ??= readLoadedSheet(await loadWorkbook(path, name), (await loadExcelJS()).ValueType, path, sheet, sink);
      return { encoding: 'xlsx', notes };
    },
  };
}

/** The streaming reader failed inside exceljs, not on the file: reading it whole may still work. */
class StreamFailed extends Error {
  constructor(readonly reason: unknown) {
    super(String(reason));
  }
}

/**
 * Streams the workbook through `visit`; returns its sheet names in workbook
 * order, or undefined (having visited nothing) when the stream missed a part.
 * When a visit fails (a sink may throw to stop early), the pass still runs
 * to its end, releasing the other sheets, so that exceljs deletes its temp
 * files; then the error is thrown as it was.
 */
async function streamWorkbook(path: string, name: string, pass: Pass, visit: SheetVisitor): Promise<string[] | undefined> {
  const input = createReadStream(path);
  const excel = await loadExcelJS();
  const reader = new excel.stream.xlsx.WorkbookReader(input, pass.options) as unknown as StreamReader;
  const seen = new Set<string>();
  let part = '';
  reader.on('entry', (entry) => {
    seen.add(entry.type);
    if (entry.type === 'worksheet') part = entry.id ?? '';
  });
  const strings: string[] = [];
  let complete: boolean | undefined;
  let names: ReadonlyMap<string, string> | undefined;
  let failure: { readonly error: unknown } | undefined;
  let visited = false;
  try {
    for await (const event of readerEvents(reader, input, name)) {
      visited = (await handle(event)) || visited;
    }
  } catch (error) {
    if (!(error instanceof StreamFailed)) throw error;
    if (visited || failure) throw unreadable(name, error.reason);
    input.destroy();
    return undefined;
  }
  if (failure) throw failure.error;
  if (!(complete ?? hasParts(reader, seen, pass.needs))) return undefined;
  return (reader.model?.sheets ?? []).map((sheet) => sheet.name);

  /** Takes one event; true when a sheet was handed to `visit`. */
  async function handle(event: ReaderEvent): Promise<boolean> {
    if (event.eventType === undefined) {
      strings[event.index] = sharedText(event.text);
      return false;
    }
    // Worksheets come only after the whole zip has been read: the parts seen are all there will be.
    complete ??= hasParts(reader, seen, pass.needs);
    names ??= sheetNamesByPart(reader);
    const sheetName = names.get(part);
    const book = { strings, date1904: reader.properties?.model?.date1904 === true, types: excel.ValueType };
    if (failure || !complete || sheetName === undefined) {
      await release(event.value);
      return false;
    }
    await visit(sheetName, event.value, book).catch((error: unknown) => {
      failure = { error };
    });
    return true;
  }
}

/**
 * The reader's events, its failures as UNREADABLE_FILE. exceljs does not
 * hear of an error on its input (a missing file, a folder): it would wait
 * for ever, so each step is raced against one.
 */
async function* readerEvents(reader: StreamReader, input: ReadStream, name: string): AsyncGenerator<ReaderEvent> {
  const inputFailed = new Promise<never>((_, reject) => input.once('error', (error) => reject(unreadable(name, error))));
  const events = reader.parse();
  for (;;) {
    let next: IteratorResult<ReaderEvent>;
    try {
      next = await Promise.race([events.next(), inputFailed]);
    } catch (error) {
      // exceljs's own failure (it drops a trailing workbook part: exceljs issue #3064): the caller may read the workbook whole.
      throw error instanceof DataError ? error : new StreamFailed(error);
    }
    if (next.done) return;
    yield next.value;
  }
}

/** Whether the workbook part, its relationships and each needed part they name were read. */
function hasParts(reader: StreamReader, seen: ReadonlySet<string>, needs: Pass['needs']): boolean {
  const rels = reader.workbookRels;
  if (!reader.model || !rels) return false;
  return needs.every(([type, entry]) => seen.has(entry) || !rels.some((rel) => rel.Type.endsWith(type)));
}

/** Sheet names by the number in their part name (`xl/worksheets/sheet3.xml` is '3'), whatever form the relationship target takes. */
function sheetNamesByPart(reader: StreamReader): Map<string, string> {
  const parts = new Map<string, string>();
  for (const rel of reader.workbookRels ?? []) {
    const part = /worksheets\/sheet(\d+)\.xml$/.exec(rel.Target)?.[1];
    if (part !== undefined) parts.set(rel.Id, part);
  }
  const names = new Map<string, string>();
  for (const sheet of reader.model?.sheets ?? []) {
    const part = parts.get(sheet.rId);
    if (part !== undefined) names.set(part, sheet.name);
  }
  return names;
}

function sharedText(text: SharedText): string {
  if (text === null || typeof text === 'string') return text ?? '';
  return text.richText.map((run) => run.text ?? '').join('');
}

/**
 * Closes the temp file of a sheet not read (exceljs opens it before handing
 * the sheet over). exceljs deletes the file next, maybe before it is open:
 * that error is of no interest.
 */
async function release(sheet: StreamedSheet): Promise<void> {
  sheet.iterator.on('error', () => {}).destroy();
}

async function readStreamedSheet(sheet: StreamedSheet, book: Book, name: string, sink: RowSink): Promise<string[]> {
  const text = new SheetText(book);
  for await (const row of sheetRows(sheet, name)) sink(text.fields(row), row.number);
  return text.notes();
}

/** The sheet's rows, its parse failures as UNREADABLE_FILE (an error from the sink is not caught here). */
async function* sheetRows(sheet: StreamedSheet, name: string): AsyncGenerator<ExcelJS.Row> {
  try {
    yield* sheet;
  } catch (error) {
    throw unreadable(name, error);
  }
}

/** The whole workbook, read into memory: used only when the stream missed a part. */
async function loadWorkbook(path: string, name: string): Promise<ExcelJS.Workbook> {
  const excel = await loadExcelJS();
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw unreadable(name, error);
  }
  if (workbook.worksheets.length === 0) throw unreadable(name, 'no worksheets: not an xlsx workbook');
  return workbook;
}

function sheetNames(workbook: ExcelJS.Workbook): string[] {
  return workbook.worksheets.map((worksheet) => worksheet.name);
}

function readLoadedSheet(workbook: ExcelJS.Workbook, types: typeof ExcelJS.ValueType, path: string, sheet: string, sink: RowSink): string[] {
  const worksheet = workbook.worksheets.find((candidate) => candidate.name.toLowerCase() === sheet.toLowerCase());
  if (!worksheet) throw missingSheet(path, sheet, sheetNames(workbook));
  const text = new SheetText({ strings: [], date1904: workbook.properties.date1904, types });
  worksheet.eachRow((row, number) => sink(text.fields(row), number));
  return text.notes();
}

/**
 * Rows as text: one field per column from A to the row's last cell with a
 * value, padded to the widest row so far. Strings as they are (rich text
 * joined, hyperlinks their text), numbers by String (a serial in a cell
 * without a date format stays '44090'), dates 'YYYY-MM-DD' or
 * 'YYYY-MM-DDTHH:MM', booleans TRUE/FALSE, errors their text ('#N/A'),
 * formulas their saved result. Formulas without a result to give (none
 * saved, or an error) read as blank and are counted, to say so.
 */
class SheetText {
  private width = 0;
  private unsaved = 0;
  private failed = 0;

  constructor(private readonly book: Book) {}

  fields(row: ExcelJS.Row): string[] {
    const fields: string[] = [];
    row.eachCell((cell, column) => {
      while (fields.length < column - 1) fields.push('');
      fields.push(this.cell(cell));
    });
    while (fields.length < this.width) fields.push('');
    this.width = fields.length;
    return fields;
  }

  notes(): string[] {
    const notes: string[] = [];
    if (this.unsaved > 0) notes.push(`${this.unsaved} formula cell(s) had no saved result (the workbook was saved without calculating them): read as blank`);
    if (this.failed > 0) notes.push(`${this.failed} formula cell(s) had an error such as #N/A as their result: read as blank`);
    return notes;
  }

  private cell(cell: ExcelJS.Cell): string {
    // A merged area's other cells give the first cell's value in memory, nothing when streamed: nothing either way.
    if (cell.type === this.book.types.Merge) return '';
    if (cell.type === this.book.types.Formula) return this.result(cell.result, cell.numFmt);
    const value = cell.value as { formula?: string; result?: unknown } | null;
    // Streamed, a shared formula's later cells have empty formula text, so exceljs does not type them as formulas.
    if (typeof value === 'object' && value?.formula !== undefined) return this.result(value.result, cell.numFmt);
    return this.value(value);
  }

  private value(value: unknown): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (value instanceof Date) return dateText(value);
    const object = value as { sharedString?: number; richText?: { text: string }[]; text?: unknown; error?: string };
    if (object.sharedString !== undefined) return this.book.strings[object.sharedString] ?? '';
    if (object.richText !== undefined) return object.richText.map((run) => run.text).join('');
    if (object.text !== undefined) return this.value(object.text);
    return object.error ?? '';
  }

  /**
   * In memory, exceljs gives an error result as an error value and a date
   * as a Date; streamed, an error as NaN (its text lost) and a date as its
   * serial, converted here as exceljs converts plain cells.
   */
  private result(result: unknown, format: string | undefined): string {
    if (result === undefined || result === null) this.unsaved++;
    else if (Number.isNaN(result) || (typeof result === 'object' && 'error' in result)) this.failed++;
    else if (typeof result === 'number' && isDateFormat(format)) return dateText(serialDate(result, this.book.date1904));
    else return this.value(result);
    return '';
  }
}

/** exceljs's test for a date format: a date or time letter outside brackets and quotes. */
function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** An Excel serial as exceljs makes it a Date: midnight UTC of the day, plus the time. */
function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
}

/** Excel dates have no time zone: exceljs puts them in UTC, so the UTC parts are the ones Excel shows. */
function dateText(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) return '';
  const iso = date.toISOString();
  return time % DAY_MS === 0 ? iso.slice(0, 10) : iso.slice(0, 16);
}

function missingSheet(path: string, sheet: string, sheets: readonly string[]): DataError {
  const file = basename(path);
  return new DataError('MISSING_SHEET', `${file}: no sheet named "${sheet}"; sheets: ${sheets.join(', ')}`, { file });
}

function unreadable(name: string, error: unknown): DataError {
  const e = error as Error & { code?: string };
  const raw = typeof error === 'string' ? error : (e.code ?? e.message);
  // The zip readers' own words for a file that is no zip at all.
  const reason = /invalid signature|end of central directory/i.test(raw) ? 'not a zip file, so not an xlsx workbook' : raw;
  return new DataError('UNREADABLE_FILE', `${name}: cannot read the workbook (${reason})`, { file: name });
}
