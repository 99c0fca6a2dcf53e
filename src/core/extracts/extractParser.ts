import type { DayNumber } from '../dates/localDate.js';
import { DataError } from '../errors.js';
import type { CellSink } from './columns.js';
import type { ExtractDefinition, ExtractKind, RecordsByKind, ValidationLimits } from './definitions.js';
import { matchHeader, type HeaderMatch } from './headerMatch.js';
import type { FileQuality, Issue, IssueCode, IssueTable } from './issues.js';
import type { ExtractMapping } from './mapping.js';
import { EventLog } from './eventLog.js';
import { growable, release, sized, withRoom } from './growable.js';
import { recordsNotLoaded } from './notLoaded.js';
import { ownText } from './ownText.js';
import { rowHash, textHash } from './rowHash.js';
import type { RecordList } from './recordList.js';
import { RecordStore } from './recordStore.js';
import { RowIndex } from './rowIndex.js';
import type { RowProblem, RowValidator } from './rowValidator.js';
import { count } from '../indicators/words.js';

/** The validated rows of one extract and the account of every row read. */
export interface ExtractData<K extends ExtractKind = ExtractKind> {
  readonly kind: K;
  /** The table's name in issues; for an extract read from several tables, the first. */
  readonly file: string;
  /** The validated records; empty for an event kind whose records were not asked for. */
  readonly records: RecordList<RecordsByKind[K]>;
  /** For event kinds (visits, supervision): one (child, day, code) per used row. */
  readonly events?: EventLog;
  /** The extract columns every table of this kind has in its header. */
  readonly columns: readonly string[];
  /** Set when the rows are a snapshot (Annex A last visits): they hold only as at this day. */
  readonly snapshotOn?: DayNumber;
  /** Where the snapshot comes from, for the reason an indicator is not computed. */
  readonly snapshotSource?: string;
  /** One account per table read. */
  readonly quality: readonly FileQuality[];
}

/** How one table of an extract is read, beyond the extract's own definition. */
export interface TableOptions {
  readonly limits: ValidationLimits;
  /** Keep the records of an event kind too (a sample draws them); other kinds always keep theirs. */
  readonly keepRecords?: boolean;
  /** Log the events of an event kind (the default); without, its records are kept instead. */
  readonly keepEvents?: boolean;
  readonly mapping?: ExtractMapping;
  /** Date columns may hold Excel serial numbers (workbooks). */
  readonly serialDates?: boolean;
  /** Issues listed per code; the rest are counted (default: all listed). */
  readonly issueCap?: number;
  /**
   * Takes every issue as it is found, in place of the list (which stays
   * empty), so that millions of them need not be held.
   */
  readonly onIssue?: (issue: Issue, table: IssueTable) => void;
}

/** Where each canonical column sits in the file's rows (-1: absent). */
interface HeaderMap {
  readonly names: readonly string[];
  readonly positions: readonly number[];
  /** Per column, their value (normalised) → ours ('' for blank); undefined when not mapped. */
  readonly values: readonly (ReadonlyMap<string, string> | undefined)[];
  readonly width: number;
  readonly line: number;
  readonly match: HeaderMatch;
}

/** Two parsed records hold the same values (dates compared by day and minute). */
function sameValues(a: Record<string, unknown>, b: Record<string, unknown>, names: readonly string[]): boolean {
  for (const name of names) {
    const x = a[name];
    const y = b[name];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    const p = x as { day: number; minute: number | null };
    const q = y as { day: number; minute: number | null };
    if (p.day !== q.day || p.minute !== q.minute) return false;
  }
  return true;
}

/** The child of an event kind's record (every event kind has one). */
function childOf(record: unknown): string {
  return (record as { child_id: string }).child_id;
}

/** A value as value maps match it: trimmed, case and inner spacing ignored. */
export function normaliseValue(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

function valueMap(values: Readonly<Record<string, string | null>> | undefined): ReadonlyMap<string, string> | undefined {
  if (values === undefined) return undefined;
  return new Map(Object.entries(values).map(([theirs, ours]) => [normaliseValue(theirs), ours ?? '']));
}


/** A refused (or cleaned and kept) cell of the row being read. */
interface RefusedCell {
  readonly column: string;
  readonly code: IssueCode;
  readonly message: string;
  /** The value was read after cleaning, not refused. */
  readonly kept: boolean;
}

/**
 * Turns the parsed rows of one table (arrays of text) into validated records,
 * accounting for every row: used, used with refused cells, or rejected with
 * its issues. Knows nothing of files or streams: the reader feeds it the
 * header, then each row.
 */
export class ExtractParser<K extends ExtractKind> {
  private header: HeaderMap | undefined;
  private readonly validate: RowValidator<RecordsByKind[K]>;
  /** The used rows' records, kept as columns; undefined for an event kind read as events only. */
  private readonly records: RecordStore<RecordsByKind[K]> | undefined;
  private readonly issues: Issue[] = [];
  private readonly cellCounts: Record<string, number> = {};
  private readonly notes: string[] = [];
  /** The used rows without an id by hash: numbers are indexes in `records`, else in `events`. */
  private readonly seen = new RowIndex();
  private readonly events: EventLog | undefined;
  /** The row being read: its texts by column, and its problems if it is rejected. */
  private readonly texts: string[] = [];
  private readonly problems: RowProblem[] = [];
  /** Issues found so far, by code, listed or not. */
  private readonly issueCounts = new Map<IssueCode, number>();
  /**
   * The kept records by their id's hash, for finding a repeated id: the id is
   * read back from the records, not kept as a string (a million contacts'
   * ids would be 25 MB of strings while the table is read).
   */
  private readonly ids = new RowIndex();
  /**
   * The row hash of each kept record with an id, by its index: a row
   * repeating another exactly repeats its id, so rows with an id are checked
   * by id alone, 4 bytes a row where the duplicate-row index takes 10.7.
   */
  private idRowHashes: Uint32Array = growable(Uint32Array);
  /** The id of kept record `index`; undefined for a kind without an id column. */
  private readonly idOf: ((index: number) => string | undefined) | undefined;
  /** The refused cells of the row being read; emptied before each row. */
  private readonly refused: RefusedCell[] = [];
  /** Characters a value may have (`limits.maxCellCharacters`). */
  private readonly cellLimit: number;
  private rowsRead = 0;
  private rowsRejected = 0;
  private encoding = 'utf-8';

  private readonly definition: ExtractDefinition<RecordsByKind[K]>;

  constructor(
    definition: ExtractDefinition<RecordsByKind[K]>,
    private readonly file: string,
    private readonly options: TableOptions,
  ) {
    const flags = options.mapping?.flags;
    this.definition = flags !== undefined && flags.length > 0 ? definition.withFlags(flags) : definition;
    const cells: CellSink = {
      refuse: (column, code, message) => this.refused.push({ column, code, message, kept: false }),
      cleaned: (column, code, message) => this.refused.push({ column, code, message, kept: true }),
    };
    const parseOptions = { dateOrder: options.mapping?.dateOrder ?? 'dmy', serialDates: options.serialDates ?? false } as const;
    this.validate = this.definition.validator(options.limits, parseOptions, cells);
    this.cellLimit = options.limits.maxCellCharacters ?? Infinity;
    this.events = this.definition.event && (options.keepEvents ?? true) ? new EventLog(file) : undefined;
    this.records = (options.keepRecords ?? false) || this.events === undefined ? RecordStore.of(this.definition.columns) : undefined;
    this.idOf = this.idReader();
  }

  private idReader(): ((index: number) => string | undefined) | undefined {
    const column = this.definition.idColumn;
    if (column === undefined) return undefined;
    const read = this.records?.textReader(column);
    if (read === undefined) throw new Error(`${this.definition.kind}: the id column ${column} must be a text column of a kind whose records are kept`);
    return read;
  }

  /** Whether a row names every required column: the header, when none is configured. */
  namesRequiredColumns(fields: readonly string[]): boolean {
    return matchHeader(fields, this.definition, this.options.mapping?.columns).missingRequired.length === 0;
  }

  /**
   * Makes room for about this many rows in all (a guess from the file's
   * size): the duplicate indexes and the event log are then sized once
   * instead of growing. Changes nothing but speed; a wrong guess costs only
   * the growing it would have spared, or room unused.
   */
  expectRows(rows: number): void {
    if (this.idOf !== undefined) {
      this.ids.reserve(rows);
      this.idRowHashes = sized(this.idRowHashes, rows);
    } else {
      this.seen.reserve(rows);
    }
    this.events?.reserve(rows);
    this.records?.reserve(rows);
  }

  /** Notes what the reader found about the bytes and the rows above the header. */
  note(text: string): void {
    this.notes.push(text);
  }

  /**
   * Records a problem the reader found outside the rows' values. A row issue
   * is a row the reader read and rejected itself, without passing it on (an
   * SSDA903 episode whose dates cannot be chained): it counts as read and rejected.
   */
  readerIssue(issue: Issue): void {
    if (issue.scope === 'row') {
      this.rowsRead++;
      this.reject([issue]);
      return;
    }
    this.record([issue]);
  }

  /** The encoding the reader read the table in. */
  setEncoding(encoding: string): void {
    this.encoding = encoding;
  }

  /** Reads the header row at `line`; a missing required column stops the run. */
  readHeader(fields: readonly string[], line = 1): void {
    const match = matchHeader(fields, this.definition, this.options.mapping?.columns);
    const location = { file: this.file, line };
    if (match.duplicate) {
      const [name, first, second] = match.duplicate;
      throw new DataError('DUPLICATE_COLUMN', `${this.file}: column ${name} appears twice in the header (columns ${first} and ${second})`, { ...location, column: name });
    }
    if (match.missingRequired.length > 0) {
      const list = fields.length > 0 ? fields.map((f) => f.trim()).join(', ') : '(none)';
      const hints = match.unused.filter((u) => u.suggestion !== undefined && match.missingRequired.includes(u.suggestion));
      const hint = hints.length > 0 ? `; ${hints.map((u) => `"${u.header}": did you mean ${u.suggestion}?`).join('; ')}` : '';
      throw new DataError(
        'MISSING_COLUMN',
        `${this.file}: missing required column${match.missingRequired.length > 1 ? 's' : ''} ${match.missingRequired.join(', ')}; columns found: ${list}${hint}`,
        { ...location, column: match.missingRequired[0]! },
      );
    }
    for (const { column, headers } of match.unmatchedConfig) {
      const read = match.mapping.find((m) => m.column === column);
      this.notes.push(`the config names ${headers.map((h) => `"${h}"`).join(' or ')} for ${column}, which this header does not have${read ? `; read from "${read.header}"` : ''}`);
    }
    const names = Object.keys(this.definition.columns);
    this.header = {
      names,
      positions: names.map((name) => match.positions.get(name) ?? -1),
      values: names.map((name) => valueMap(this.options.mapping?.values?.[name])),
      width: fields.length,
      line,
      match,
    };
  }

  /** Validates one row; `line` is the physical line where the record starts. */
  readRow(fields: readonly string[], line: number): void {
    const header = this.header;
    if (header === undefined) throw new Error('readRow before readHeader');
    this.rowsRead++;
    if (!this.fits(fields, header.width)) {
      this.reject([{ scope: 'row', code: 'WRONG_FIELD_COUNT', line, message: `has ${fields.length} fields; the header has ${header.width}` }]);
      return;
    }
    const texts = this.texts;
    this.refused.length = 0;
    for (let i = 0; i < header.names.length; i++) {
      const at = header.positions[i]!;
      let raw = at === -1 ? '' : (fields[at] ?? '');
      if (raw.length > this.cellLimit) {
        const column = header.names[i]!;
        if (this.definition.columns[column]!.required) {
          this.reject([{ scope: 'row', code: 'CELL_TOO_LARGE', line, column, value: this.rawValue(column, fields), message: `${column} ${this.tooLarge()}` }]);
          return;
        }
        this.refused.push({ column, code: 'CELL_TOO_LARGE', message: this.tooLarge(), kept: false });
        raw = '';
      }
      const values = header.values[i];
      if (values !== undefined && raw !== '') raw = values.get(normaliseValue(raw)) ?? raw;
      texts[i] = raw;
    }
    this.problems.length = 0;
    const record = this.validate(line, texts, this.problems);
    if (record === undefined) {
      const issues = this.problems.map((problem) => this.toIssue(problem, fields, line));
      this.stopOnDateOrder(issues);
      this.reject(issues);
      return;
    }
    if (this.refused.length > 0) this.refuseCells(record, fields, line);
    // Exact duplicates are reported and counted once: the first copy is used.
    // A hash of every field finds the candidate; the parsed values confirm it.
    const hash = rowHash(fields);
    const id = this.idOfRecord(record);
    if (id !== undefined ? this.repeatsAnId(record, id, hash, line) : this.repeatsARow(record, hash, line)) return;
    this.records?.push(record);
    if (this.events) {
      const event = this.definition.event!;
      const named = record as unknown as { team?: string; worker?: string; [column: string]: unknown };
      const nameColumn = this.definition.nameColumn;
      const name = nameColumn === undefined ? undefined : (named[nameColumn] as string | undefined);
      this.events.add(childOf(record), event.day(record), event.code(record), { line, team: named.team, worker: named.worker, name });
    }
  }

  /** A row without an id repeating an earlier one exactly is refused (DUPLICATE_ROW). */
  private repeatsARow(record: RecordsByKind[K], hash: number, line: number): boolean {
    const kept = this.records !== undefined ? this.records.length : this.events!.length;
    const earlier = this.seen.findOrAdd(hash, kept, (index) => this.sameAsKept(index, record));
    if (earlier === -1) return false;
    this.rejectDuplicateRow(earlier, line);
    return true;
  }

  private rejectDuplicateRow(earlier: number, line: number): void {
    const firstLine = this.records !== undefined ? this.records.lineAt(earlier) : this.events!.lineOf(earlier);
    this.reject([{ scope: 'row', code: 'DUPLICATE_ROW', line, message: `repeats line ${firstLine} exactly` }]);
  }

  /** The record's id, when its kind has an id column and the record a value in it. */
  private idOfRecord(record: RecordsByKind[K]): string | undefined {
    const column = this.definition.idColumn;
    if (column === undefined || this.idOf === undefined) return undefined;
    const id = (record as unknown as Record<string, unknown>)[column];
    return typeof id === 'string' ? id : undefined;
  }

  /**
   * A record whose id an earlier record already has is refused: as a
   * DUPLICATE_ROW when it repeats that record exactly, else as a
   * DUPLICATE_ID, the first being used, so one assessment or episode is
   * never counted twice.
   */
  private repeatsAnId(record: RecordsByKind[K], id: string, hash: number, line: number): boolean {
    const idOf = this.idOf!;
    // The record is kept next, at index `records.length`, unless its id is an earlier one's. Stored texts read blank back as undefined.
    const kept = this.records!.length;
    const earlier = this.ids.findOrAdd(textHash(id), kept, (index) => (idOf(index) ?? '') === id);
    if (earlier === -1) {
      if (kept === this.idRowHashes.length) this.idRowHashes = withRoom(this.idRowHashes, Math.max(1024, kept * 2));
      this.idRowHashes[kept] = hash;
      return false;
    }
    if (this.idRowHashes[earlier] === hash && this.sameAsKept(earlier, record)) {
      this.rejectDuplicateRow(earlier, line);
      return true;
    }
    const column = this.definition.idColumn!;
    const first = this.records!.lineAt(earlier);
    this.reject([{ scope: 'row', code: 'DUPLICATE_ID', line, column, value: id, message: `${column} ${JSON.stringify(id)} was first read at line ${first} with other values; the first is used` }]);
    return true;
  }

  /** Why a value is too long, without its column: "is longer than the 60 characters a value may have". */
  private tooLarge(): string {
    // The reader may have cut the value short at one past the limit: its full length is not known.
    return `is longer than the ${this.cellLimit.toLocaleString('en-GB')} characters a value may have`;
  }

  /** A row has the header's width; a workbook row may also stop early or trail empty cells. */
  private fits(fields: readonly string[], width: number): boolean {
    if (fields.length === width) return true;
    if (!this.options.serialDates) return false;
    for (let i = width; i < fields.length; i++) if (fields[i]!.trim() !== '') return false;
    return true;
  }

  /** A column written in the other date order cannot be read safely anywhere: the file stops. */
  private stopOnDateOrder(issues: readonly Issue[]): void {
    const wrong = issues.find((issue) => issue.code === 'DATE_ORDER');
    if (wrong) {
      throw new DataError('DATE_ORDER', `${this.file}: line ${wrong.line}: ${wrong.message}`, { file: this.file, line: wrong.line, column: wrong.column!, value: wrong.value! });
    }
  }

  /** Reports the refused optional values of a used row and marks them on the record. */
  private refuseCells(record: RecordsByKind[K], fields: readonly string[], line: number): void {
    const issues = this.refused.map(({ column, code, message }): Issue => {
      const value = this.rawValue(column, fields);
      return { scope: 'cell', code, line, column, value, message: `${column} ${JSON.stringify(value.trim())} ${message}` };
    });
    this.stopOnDateOrder(issues);
    const refused: Record<string, string> = {};
    issues.forEach((issue, i) => {
      if (this.refused[i]!.kept) return;
      refused[issue.column!] = issue.value!.trim();
      this.cellCounts[issue.column!] = (this.cellCounts[issue.column!] ?? 0) + 1;
    });
    if (Object.keys(refused).length > 0) (record as { refused?: Record<string, string> }).refused = refused;
    this.record(issues);
  }

  /**
   * Confirms a hash match on what is kept: the whole record, or for an event
   * kind read without its records, the event (child, day, code). A row equal
   * in every field hashes equally; the check guards against two different
   * rows sharing a hash (about one in 10^11 for a million-row file).
   */
  private sameAsKept(index: number, record: RecordsByKind[K]): boolean {
    if (this.records !== undefined) {
      return sameValues(this.records.at(index) as unknown as Record<string, unknown>, record as unknown as Record<string, unknown>, this.header!.names);
    }
    const event = this.definition.event!;
    return this.events!.matches(index, childOf(record), event.day(record), event.code(record));
  }

  /** The records and the data-quality account; call once, after the last row. */
  finish(): ExtractData<K> {
    const header = this.header;
    if (header === undefined) {
      throw new DataError('EMPTY_FILE', `${this.file}: the file is empty (no header row)`, { file: this.file });
    }
    this.seen.clear();
    this.events?.trim();
    this.records?.trim();
    this.ids.clear();
    release(this.idRowHashes);
    this.idRowHashes = growable(Uint32Array);
    const cellTotal = Object.values(this.cellCounts).reduce((a, b) => a + b, 0);
    if (cellTotal > 0) this.notes.push(`${count(cellTotal, 'value')} refused in optional columns; those rows were used with the value read as not recorded`);
    return {
      kind: this.definition.kind as K,
      file: this.file,
      records: this.records ?? recordsNotLoaded<RecordsByKind[K]>(this.definition.kind),
      ...(this.events ? { events: this.events } : {}),
      columns: header.match.mapping.map((m) => m.column),
      quality: [
        {
          kind: this.definition.kind,
          file: this.file,
          encoding: this.encoding,
          headerLine: header.line,
          rowsRead: this.rowsRead,
          rowsUsed: this.rowsRead - this.rowsRejected,
          rowsRejected: this.rowsRejected,
          cellIssues: { ...this.cellCounts },
          mapping: header.match.mapping,
          unusedColumns: header.match.unused,
          notes: this.notes,
          issues: this.issues,
          issuesNotListed: this.unlisted(),
        },
      ],
    };
  }

  private reject(issues: readonly Issue[]): void {
    this.rowsRejected++;
    this.record(issues);
  }

  /** Keeps the first `issueCap` issues of each code; the rest are counted, so memory stays bounded. */
  private record(issues: readonly Issue[]): void {
    const { onIssue } = this.options;
    const cap = this.options.issueCap ?? Infinity;
    for (const issue of issues) {
      const seen = (this.issueCounts.get(issue.code) ?? 0) + 1;
      this.issueCounts.set(issue.code, seen);
      if (onIssue) onIssue(issue, { kind: this.definition.kind, file: this.file });
      else if (seen <= cap) this.issues.push(issue);
    }
  }

  /** Issues past the cap, by code: counted, not listed (none when every issue went to `onIssue`). */
  private unlisted(): Record<string, number> {
    const cap = this.options.onIssue ? Infinity : (this.options.issueCap ?? Infinity);
    const counts: Record<string, number> = {};
    for (const [code, n] of this.issueCounts) if (n > cap) counts[code] = n - cap;
    return counts;
  }

  /** The text of a column as an issue quotes it: cut short past 200 characters, so an issue never holds a huge cell. */
  private rawValue(column: string, fields: readonly string[]): string {
    const position = this.header!.positions[this.header!.names.indexOf(column)] ?? -1;
    const text = fields[position] ?? '';
    return ownText(text.length > 200 ? `${text.slice(0, 40)}…` : text);
  }

  private toIssue({ column, code, message }: RowProblem, fields: readonly string[], line: number): Issue {
    const value = this.rawValue(column, fields);
    return { scope: 'row', code, line, column, value, message: `${column} ${JSON.stringify(value.trim())} ${message}` };
  }
}
