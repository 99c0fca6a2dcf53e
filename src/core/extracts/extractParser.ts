import type { z } from 'zod';
import { DataError } from '../errors.js';
import type { ExtractDefinition, ExtractKind, RecordsByKind, ValidationLimits } from './definitions.js';
import type { FileQuality, Issue, IssueCode } from './issues.js';
import { EventLog } from './eventLog.js';
import { rowHash } from './rowHash.js';
import { RowIndex } from './rowIndex.js';
import { normaliseHeader } from './values.js';

/** The validated rows of one extract file and the account of every row read. */
export interface ExtractData<K extends ExtractKind = ExtractKind> {
  readonly kind: K;
  readonly file: string;
  /** The validated records; empty for an event kind whose records were not asked for. */
  readonly records: readonly RecordsByKind[K][];
  /** For event kinds (visits, supervision): one (child, day, code) per used row. */
  readonly events?: EventLog;
  readonly quality: FileQuality;
}

/** Where each canonical column sits in the file's rows (-1: absent). */
interface HeaderMap {
  readonly names: readonly string[];
  readonly positions: readonly number[];
  /** Whether each column's values repeat across rows and are kept once. */
  readonly repeats: readonly boolean[];
  readonly width: number;
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

/**
 * Turns the parsed rows of one file (arrays of text) into validated records,
 * accounting for every row: used, or rejected with its issues. Knows nothing
 * of files or streams: the reader feeds it the header, then each row.
 */
export class ExtractParser<K extends ExtractKind> {
  private header: HeaderMap | undefined;
  private readonly schema: z.ZodType<RecordsByKind[K]>;
  private readonly records: RecordsByKind[K][] = [];
  private readonly issues: Issue[] = [];
  /** The used rows by hash: numbers are indexes in `records`, else in `events`. */
  private seen = new RowIndex();
  private readonly events: EventLog | undefined;
  private readonly keepRecords: boolean;
  /** One copy of each repeating value (child IDs, teams, workers). */
  private readonly pool = new Map<string, string>();
  private readonly input: Record<string, unknown> = {};
  private rowsRead = 0;
  private rowsRejected = 0;

  constructor(
    private readonly definition: ExtractDefinition<RecordsByKind[K]>,
    private readonly file: string,
    limits: ValidationLimits,
    /** Keep the records of an event kind too (a sample draws them); other kinds always keep theirs. */
    keepRecords = false,
  ) {
    this.schema = definition.schema(limits);
    this.events = definition.event ? new EventLog() : undefined;
    this.keepRecords = keepRecords || this.events === undefined;
  }

  /** Reads the header row; a missing required column stops the run. */
  readHeader(fields: readonly string[]): void {
    const found = fields.map(normaliseHeader);
    const names = Object.keys(this.definition.columns);
    for (const name of names) {
      const at = found.indexOf(name);
      if (at !== -1 && found.indexOf(name, at + 1) !== -1) {
        throw new DataError('DUPLICATE_COLUMN', `${this.file}: column ${name} appears twice in the header (columns ${at + 1} and ${found.indexOf(name, at + 1) + 1})`, { file: this.file, line: 1, column: name });
      }
    }
    const missingColumns = names.filter((name) => this.definition.columns[name]!.required && !found.includes(name));
    if (missingColumns.length > 0) {
      const list = fields.length > 0 ? fields.map((f) => f.trim()).join(', ') : '(none)';
      throw new DataError(
        'MISSING_COLUMN',
        `${this.file}: missing required column${missingColumns.length > 1 ? 's' : ''} ${missingColumns.join(', ')}; columns found: ${list}`,
        { file: this.file, line: 1, column: missingColumns[0]! },
      );
    }
    this.header = {
      names,
      positions: names.map((name) => found.indexOf(name)),
      repeats: names.map((name) => this.definition.columns[name]!.repeats === true),
      width: fields.length,
    };
  }

  /** Validates one row; `line` is the physical line where the record starts. */
  readRow(fields: readonly string[], line: number): void {
    const header = this.header;
    if (header === undefined) throw new Error('readRow before readHeader');
    this.rowsRead++;
    if (fields.length !== header.width) {
      this.reject([{ code: 'WRONG_FIELD_COUNT', line, message: `has ${fields.length} fields; the header has ${header.width}` }]);
      return;
    }
    // One input object serves every row: zod reads it and builds a new record.
    const input = this.input;
    input.line = line;
    for (let i = 0; i < header.names.length; i++) {
      const raw = fields[header.positions[i]!] ?? '';
      input[header.names[i]!] = header.repeats[i] && this.keepRecords ? this.shared(raw) : raw;
    }
    const parsed = this.schema.safeParse(input);
    if (!parsed.success) {
      this.reject(parsed.error.issues.map((zodIssue) => this.toIssue(zodIssue, fields, line)));
      return;
    }
    // Exact duplicates are reported and counted once: the first copy is used.
    // A hash of every field finds the candidate; the parsed values confirm it.
    const record = parsed.data;
    const kept = this.keepRecords ? this.records.length : this.events!.length;
    const earlier = this.seen.findOrAdd(rowHash(fields), kept, (index) => this.sameAsKept(index, record));
    if (earlier !== -1) {
      const firstLine = this.keepRecords ? this.records[earlier]!.line : this.events!.lineOf(earlier);
      this.reject([{ code: 'DUPLICATE_ROW', line, message: `repeats line ${firstLine} exactly` }]);
      return;
    }
    if (this.keepRecords) this.records.push(record);
    if (this.events) {
      const event = this.definition.event!;
      this.events.add(record.child_id, event.day(record), event.code(record), line);
    }
  }

  /**
   * Confirms a hash match on what is kept: the whole record, or for an event
   * kind read without its records, the event (child, day, code). A row equal
   * in every field hashes equally; the check guards against two different
   * rows sharing a hash (about one in 10^11 for a million-row file).
   */
  private sameAsKept(index: number, record: RecordsByKind[K]): boolean {
    if (this.keepRecords) {
      return sameValues(this.records[index] as Record<string, unknown>, record as Record<string, unknown>, this.header!.names);
    }
    const event = this.definition.event!;
    return this.events!.matches(index, record.child_id, event.day(record), event.code(record));
  }

  private shared(value: string): string {
    const kept = this.pool.get(value);
    if (kept !== undefined) return kept;
    this.pool.set(value, value);
    return value;
  }

  /** The records and the data-quality account; call once, after the last row. */
  finish(): ExtractData<K> {
    if (this.header === undefined) {
      throw new DataError('EMPTY_FILE', `${this.file}: the file is empty (no header row)`, { file: this.file });
    }
    this.seen = new RowIndex();
    this.pool.clear();
    return {
      kind: this.definition.kind as K,
      file: this.file,
      records: this.records,
      ...(this.events ? { events: this.events } : {}),
      quality: {
        kind: this.definition.kind,
        file: this.file,
        rowsRead: this.rowsRead,
        rowsUsed: this.rowsRead - this.rowsRejected,
        rowsRejected: this.rowsRejected,
        issues: this.issues,
      },
    };
  }

  private reject(issues: readonly Issue[]): void {
    this.rowsRejected++;
    this.issues.push(...issues);
  }

  private toIssue(zodIssue: z.core.$ZodIssue, fields: readonly string[], line: number): Issue {
    const column = String(zodIssue.path[0] ?? '');
    const position = this.header!.positions[this.header!.names.indexOf(column)] ?? -1;
    const value = fields[position] ?? '';
    const code = ((zodIssue as { params?: { code?: IssueCode } }).params?.code ?? 'INVALID_CODE') as IssueCode;
    return { code, line, column, value, message: `${column} ${JSON.stringify(value.trim())} ${zodIssue.message}` };
  }
}
