import { createReadStream, type ReadStream } from 'node:fs';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { DataError } from '../../core/errors.js';
import type { ReadNotes, RowReader, RowSink } from './rowReader.js';

/*
 * Workbooks are read with exceljs's streaming reader. Its own types describe
 * it as a whole Workbook, so the parts used here are declared below. With
 * shared strings 'emit' (never 'cache') it copies every worksheet to a temp
 * file and parses it only after the whole zip has been read, so the workbook
 * part (sheet names), its relationships and the styles (date formats) are
 * known whatever order the zip entries come in; the shared strings arrive as
 * events, gathered here.
 */

type SharedText = string | null | { readonly richText: readonly { readonly text: string | null }[] };

/** A worksheet as the streaming reader hands it over: rows, and the temp-file stream they come from. */
interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
  readonly iterator: Pick<ReadStream, 'destroy'>;
}

type ReaderEvent =
  | { readonly eventType?: undefined; readonly index: number; readonly text: SharedText }
  | { readonly eventType: 'worksheet'; readonly value: StreamedSheet };

interface StreamReader {
  on(event: 'entry', listener: (entry: { readonly type: string; readonly id?: string }) => void): void;
  parse(): AsyncIterator<ReaderEvent>;
  readonly model?: { readonly sheets?: readonly { readonly name: string; readonly rId: string }[] };
  readonly workbookRels?: readonly { readonly Id: string; readonly Target: string }[];
}

type StreamOptions = ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>[1];

const READ_OPTIONS: StreamOptions = { worksheets: 'emit', sharedStrings: 'emit', styles: 'cache', hyperlinks: 'ignore', entries: 'emit' };
const LIST_OPTIONS: StreamOptions = { ...READ_OPTIONS, sharedStrings: 'ignore', styles: 'ignore' };

const DAY_MS = 86_400_000;

/** Called with each worksheet's name in zip order; must read or release the sheet. */
type SheetVisitor = (sheetName: string, sheet: StreamedSheet, strings: readonly string[]) => Promise<void>;

/** The worksheet names of a workbook, in workbook (tab) order. */
export async function listSheets(path: string): Promise<string[]> {
  return streamWorkbook(path, basename(path), LIST_OPTIONS, async (_name, sheet) => release(sheet));
}

/**
 * Opens one worksheet of an xlsx workbook as a row reader: each row's cells
 * as text (see `CellText`), numbered by sheet row, padded to the widest row
 * seen so far. `name` is how issues name the table (`Annex_A.xlsx:List 4`);
 * the sheet name is matched ignoring case, as Excel does.
 */
export function openXlsxSheet(path: string, name: string, sheet: string): RowReader {
  return {
    name,
    serialDates: true,
    async read(sink: RowSink): Promise<ReadNotes> {
      let notes: string[] | undefined;
      const sheets = await streamWorkbook(path, name, READ_OPTIONS, async (sheetName, streamed, strings) => {
        if (notes || sheetName.toLowerCase() !== sheet.toLowerCase()) return release(streamed);
        notes = await readSheet(streamed, strings, name, sink);
      });
      if (!notes) {
        const file = basename(path);
        throw new DataError('MISSING_SHEET', `${file}: no sheet named "${sheet}"; sheets: ${sheets.join(', ')}`, { file });
      }
      return { encoding: 'xlsx', notes };
    },
  };
}

/** Streams the workbook through `visit`; returns its sheet names in workbook order. */
async function streamWorkbook(path: string, name: string, options: StreamOptions, visit: SheetVisitor): Promise<string[]> {
  const input = createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, options) as unknown as StreamReader;
  let part = '';
  reader.on('entry', (entry) => {
    if (entry.type === 'worksheet') part = entry.id ?? '';
  });
  const strings: string[] = [];
  let names: ReadonlyMap<string, string> | undefined;
  for await (const event of readerEvents(reader, input, name)) {
    if (event.eventType === undefined) strings[event.index] = sharedText(event.text);
    else {
      names ??= sheetNamesByPart(reader);
      const sheetName = names.get(part);
      await (sheetName === undefined ? release(event.value) : visit(sheetName, event.value, strings));
    }
  }
  if (!reader.model) throw unreadable(name, 'no workbook part: not an xlsx workbook');
  return (reader.model.sheets ?? []).map((sheet) => sheet.name);
}

/**
 * The reader's events, its failures as UNREADABLE_FILE. exceljs does not
 * hear of an error on its input (a missing file, a folder): it would wait
 * for ever, so each step is raced against one.
 */
async function* readerEvents(reader: StreamReader, input: ReadStream, name: string): AsyncGenerator<ReaderEvent> {
  const inputFailed = new Promise<never>((_, reject) => input.once('error', reject));
  const events = reader.parse();
  for (;;) {
    let next: IteratorResult<ReaderEvent>;
    try {
      next = await Promise.race([events.next(), inputFailed]);
    } catch (error) {
      throw unreadable(name, error);
    }
    if (next.done) return;
    yield next.value;
  }
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

/** Closes the temp file of a sheet not read (exceljs opens it before handing the sheet over). */
async function release(sheet: StreamedSheet): Promise<void> {
  sheet.iterator.destroy();
}

async function readSheet(sheet: StreamedSheet, strings: readonly string[], name: string, sink: RowSink): Promise<string[]> {
  const text = new CellText(strings);
  let width = 0;
  for await (const row of sheetRows(sheet, name)) {
    const fields = rowFields(row, width, text);
    width = fields.length;
    sink(fields, row.number);
  }
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

/** One field per column from A to the row's last cell with a value, then '' up to `width`. */
function rowFields(row: ExcelJS.Row, width: number, text: CellText): string[] {
  const fields: string[] = [];
  row.eachCell((cell, column) => {
    while (fields.length < column - 1) fields.push('');
    fields.push(text.of(cell));
  });
  while (fields.length < width) fields.push('');
  return fields;
}

/**
 * Cell values as text: strings as they are (rich text joined), numbers by
 * String (a serial in a cell without a date format stays '44090'), dates
 * as 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM', booleans TRUE/FALSE, errors their
 * text, formulas their saved result. Counts the formulas it cannot give a
 * result for, to say so.
 */
class CellText {
  private unsaved = 0;
  private failed = 0;

  constructor(private readonly strings: readonly string[]) {}

  of(cell: ExcelJS.Cell): string {
    return cell.type === ExcelJS.ValueType.Formula ? this.result(cell.result) : this.value(cell.value);
  }

  notes(): string[] {
    const notes: string[] = [];
    if (this.unsaved > 0) notes.push(`${this.unsaved} formula cell(s) had no saved result (the workbook was saved without calculating them): read as blank`);
    if (this.failed > 0) notes.push(`${this.failed} formula cell(s) had an error such as #N/A as their result: read as blank`);
    return notes;
  }

  private value(value: unknown): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (value instanceof Date) return dateText(value);
    const object = value as { sharedString?: number; error?: string; formula?: string; result?: unknown };
    if (object.sharedString !== undefined) return this.strings[object.sharedString] ?? '';
    if (object.error !== undefined) return object.error;
    // A shared formula's later cells have empty formula text, so exceljs does not type them as formulas.
    if (object.formula !== undefined) return this.result(object.result);
    return '';
  }

  /** exceljs reads an error result (t="e") as NaN, losing its text. */
  private result(result: unknown): string {
    if (result === undefined) this.unsaved++;
    else if (Number.isNaN(result)) this.failed++;
    else return this.value(result);
    return '';
  }
}

/** Excel dates have no time zone: exceljs puts them in UTC, so the UTC parts are the ones shown in Excel. */
function dateText(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) return '';
  const iso = date.toISOString();
  return time % DAY_MS === 0 ? iso.slice(0, 10) : iso.slice(0, 16);
}

function unreadable(name: string, error: unknown): DataError {
  const e = error as Error & { code?: string };
  const reason = typeof error === 'string' ? error : (e.code ?? e.message);
  return new DataError('UNREADABLE_FILE', `${name}: cannot read the workbook (${reason})`, { file: name });
}
