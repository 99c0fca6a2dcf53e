import type { z } from 'zod';
import { DataError } from '../errors.js';
import type { ExtractDefinition, ExtractKind, RecordsByKind, ValidationLimits } from './definitions.js';
import type { FileQuality, Issue, IssueCode } from './issues.js';
import { normaliseHeader } from './values.js';

/** The validated rows of one extract file and the account of every row read. */
export interface ExtractData<K extends ExtractKind = ExtractKind> {
  readonly kind: K;
  readonly file: string;
  readonly records: readonly RecordsByKind[K][];
  readonly quality: FileQuality;
}

/** Where each canonical column sits in the file's rows (-1: absent). */
interface HeaderMap {
  readonly names: readonly string[];
  readonly positions: readonly number[];
  readonly width: number;
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
  private readonly seen = new Map<string, number>();
  private rowsRead = 0;
  private rowsRejected = 0;

  constructor(
    private readonly definition: ExtractDefinition<RecordsByKind[K]>,
    private readonly file: string,
    limits: ValidationLimits,
  ) {
    this.schema = definition.schema(limits);
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
    this.header = { names, positions: names.map((name) => found.indexOf(name)), width: fields.length };
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
    // Exact duplicates are reported and counted once: the first copy is used.
    const key = fields.join('\u001f');
    const first = this.seen.get(key);
    if (first !== undefined) {
      this.reject([{ code: 'DUPLICATE_ROW', line, message: `repeats line ${first} exactly` }]);
      return;
    }
    this.seen.set(key, line);

    const input: Record<string, unknown> = { line };
    for (let i = 0; i < header.names.length; i++) input[header.names[i]!] = fields[header.positions[i]!];
    const parsed = this.schema.safeParse(input);
    if (parsed.success) {
      this.records.push(parsed.data);
      return;
    }
    this.reject(parsed.error.issues.map((zodIssue) => this.toIssue(zodIssue, fields, line)));
  }

  /** The records and the data-quality account; call once, after the last row. */
  finish(): ExtractData<K> {
    if (this.header === undefined) {
      throw new DataError('EMPTY_FILE', `${this.file}: the file is empty (no header row)`, { file: this.file });
    }
    this.seen.clear();
    return {
      kind: this.definition.kind as K,
      file: this.file,
      records: this.records,
      quality: {
        kind: this.definition.kind,
        file: this.file,
        rowsRead: this.rowsRead,
        rowsUsed: this.records.length,
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
