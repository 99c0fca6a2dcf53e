import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { SaxesStartTagPlain } from 'saxes';
import {
  CIN_CENSUS_REPEATING,
  CIN_CENSUS_TABLES,
  holdsElements,
  isCensusElement,
  type AnyCinCensusTable,
  type CinCensusColumnSource,
  type CinCensusScope,
} from '../../core/cinCensus/elements.js';
import { DataError } from '../../core/errors.js';
import { parseFlag } from '../../core/extracts/values.js';
import { refuseIrregular } from './regularFile.js';
import type { IssueSink, ReadNotes, RowReader, RowSink } from './rowReader.js';

const RECORD_ELEMENTS = new Set(CIN_CENSUS_TABLES.map((table) => table.element));
/** Problems outside every record element are reported by the referrals table (one per episode), so each is reported once. */
const OUTSIDE_RECORDS = 'CINdetails';

/** An open element: its name, where it starts, its text so far, and the text elements it has held. */
interface Frame {
  readonly name: string;
  readonly line: number;
  text: string;
  readonly held: Set<string>;
}

/** The values read below one open element, by path relative to it ('' is its own text). */
interface Scope {
  readonly depth: number;
  readonly wanted: ReadonlySet<string>;
  readonly values: Map<string, string>;
}

/** A record whose element has closed, waiting for its child's close (LAchildID may come late). */
interface Pending {
  readonly line: number;
  readonly record: Scope;
  readonly cinDetails: Scope | undefined;
}

type ScopeName = CinCensusScope | 'record';

function pathKey(source: CinCensusColumnSource): string | undefined {
  return 'path' in source ? source.path.join('/') : undefined;
}

/** The paths one table reads below each scope. */
function wantedPaths(table: AnyCinCensusTable, scope: ScopeName): ReadonlySet<string> {
  const sources = Object.values(table.columns) as CinCensusColumnSource[];
  return new Set(sources.flatMap((source) => ('path' in source && (source.of ?? 'record') === scope ? [pathKey(source)!] : [])));
}

/** A place in the file: 1-based line and column. */
interface Position {
  readonly line: number;
  readonly column: number;
}

/** Where the first non-blank character of a text that starts at `start` is. */
function textStart(text: string, start: Position): Position {
  const leading = text.slice(0, text.search(/\S/));
  const lastBreak = leading.lastIndexOf('\n');
  if (lastBreak === -1) return { line: start.line, column: start.column + leading.length };
  return { line: start.line + leading.split('\n').length - 1, column: leading.length - lastBreak };
}

/** An element name without its namespace prefix. */
function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/**
 * Walks the elements of a return as the parser meets them and yields the
 * rows of one table: one per record element, with the line where the
 * element starts. Rows are held until their <Child> closes, so a child's ID
 * or referral date written after its records is still theirs; nothing else
 * is held. Elements the census does not have there are reported (when this
 * table owns them: see OUTSIDE_RECORDS) and skipped with all they hold.
 */
class CensusWalk {
  private readonly stack: Frame[] = [];
  private skipping = 0;
  private child: Scope | undefined;
  private cinDetails: Scope | undefined;
  private record: Scope | undefined;
  private pending: Pending[] = [];
  private readonly columns: readonly (readonly [string, CinCensusColumnSource])[];
  private readonly wanted: Readonly<Record<ScopeName, ReadonlySet<string>>>;
  /** Record elements read. */
  records = 0;

  constructor(
    private readonly table: AnyCinCensusTable,
    private readonly sink: RowSink,
    private readonly issues: IssueSink | undefined,
    private readonly cellLimit: number,
  ) {
    this.columns = Object.entries(table.columns) as [string, CinCensusColumnSource][];
    this.wanted = { Child: wantedPaths(table, 'Child'), CINdetails: wantedPaths(table, 'CINdetails'), record: wantedPaths(table, 'record') };
  }

  header(): string[] {
    return this.columns.map(([column]) => column);
  }

  open(name: string, line: number, column: number): void {
    if (this.skipping > 0) {
      this.skipping++;
      return;
    }
    const parent = this.stack.at(-1);
    const where = parent === undefined ? 'as the root (a return starts with <Message>)' : `inside <${parent.name}>`;
    if (!isCensusElement(parent?.name ?? '', name)) {
      this.unexpected(name, line, column, `is not an element of the CIN census ${where}; not read`);
      return;
    }
    if (parent !== undefined && !holdsElements(name) && !CIN_CENSUS_REPEATING.has(name)) {
      if (parent.held.has(name)) {
        this.unexpected(name, line, column, `repeats an element the census has once ${where}; the first is read`);
        return;
      }
      parent.held.add(name);
    }
    const depth = this.stack.length;
    this.stack.push({ name, line, text: '', held: new Set() });
    if (name === 'Child') this.child = this.scope(depth, 'Child');
    if (name === 'CINdetails') this.cinDetails = this.scope(depth, 'CINdetails');
    if (name === this.table.element) this.record = this.scope(depth, 'record');
  }

  /** Takes text that starts at `start` (the end of the tag before it). */
  text(text: string, start: Position): void {
    const top = this.stack.at(-1);
    if (this.skipping > 0 || top === undefined) return;
    // Cut one past the limit, as the CSV reader does: the parser then refuses it as too long, and a huge text is never held.
    if (!holdsElements(top.name)) top.text = (top.text + text).slice(0, this.cellLimit + 1);
    else if (text.trim() !== '') {
      const shown = text.trim().slice(0, 40);
      this.report(textStart(text, start), `text ${JSON.stringify(shown)} inside <${top.name}>, which holds only elements; not read`, shown);
    }
  }

  close(): void {
    if (this.skipping > 0) {
      this.skipping--;
      return;
    }
    const frame = this.stack.pop()!;
    const depth = this.stack.length;
    if (!holdsElements(frame.name)) this.keep(frame, depth);
    if (frame.name === this.table.element) {
      this.pending.push({ line: frame.line, record: this.record!, cinDetails: this.cinDetails });
      this.record = undefined;
    }
    if (frame.name === 'CINdetails') this.cinDetails = undefined;
    if (frame.name === 'Child') {
      for (const row of this.pending) this.emit(row, this.child!);
      this.pending = [];
      this.child = undefined;
    }
  }

  private scope(depth: number, name: ScopeName): Scope {
    return { depth, wanted: this.wanted[name], values: new Map() };
  }

  /** Keeps a text element's value in every open scope that reads it. */
  private keep(frame: Frame, depth: number): void {
    for (const scope of [this.child, this.cinDetails, this.record]) {
      if (scope === undefined) continue;
      const key = [...this.stack.slice(scope.depth + 1).map((f) => f.name), ...(depth > scope.depth ? [frame.name] : [])].join('/');
      if (scope.wanted.has(key)) scope.values.set(key, frame.text.trim());
    }
  }

  private emit(row: Pending, child: Scope): void {
    this.records++;
    const scopes: Record<ScopeName, Scope | undefined> = { Child: child, CINdetails: row.cinDetails, record: row.record };
    const fields = this.columns.map(([column, source]) => {
      if ('constant' in source) return source.constant;
      const text = scopes[source.of ?? 'record']?.values.get(pathKey(source)!) ?? '';
      if (source.flag === undefined || text === '') return text;
      const flag = parseFlag(text);
      if (flag !== undefined) return flag ? source.flag.yes : source.flag.no;
      const element = source.path.at(-1)!;
      this.issues?.({ scope: 'cell', code: 'INVALID_FLAG', line: row.line, column, value: text, message: `${column} ${JSON.stringify(text)} (<${element}>) is not a flag (expected 0/1 or true/false); read as not recorded` });
      return '';
    });
    this.sink(fields, row.line);
  }

  private unexpected(name: string, line: number, column: number, why: string): void {
    this.skipping = 1;
    this.report({ line, column }, `<${name}> ${why}`, name);
  }

  /** Reports a problem if this table owns it: the nearest open record element's table, else the referrals'. */
  private report({ line, column }: Position, message: string, value: string): void {
    const owner = this.stack.findLast((frame) => RECORD_ELEMENTS.has(frame.name))?.name ?? OUTSIDE_RECORDS;
    if (owner !== this.table.element) return;
    const path = this.stack.map((frame) => frame.name).join('/');
    this.issues?.({ scope: 'cell', code: 'UNEXPECTED_ELEMENT', line, column: path, value, message: `${message} (line ${line}, column ${column})` });
  }
}

/**
 * Opens one table of a CIN census return (the records of one element, such
 * as <Section47>) as a row reader. The file is streamed through saxes, a
 * strict non-validating XML parser, once per table read; no document tree is
 * built, so a return of hundreds of megabytes is read in little memory.
 * A file that is not well-formed XML is a data error naming its line. A
 * text longer than `maxCellCharacters` is cut one past it, like a CSV cell.
 */
export function openCinCensus(path: string, name: string, element: string, maxCellCharacters = Infinity): RowReader {
  const table = CIN_CENSUS_TABLES.find((candidate) => candidate.element === element);
  if (table === undefined) throw new Error(`no CIN census table for <${element}>`);
  return {
    name,
    serialDates: false,
    async read(sink: RowSink, issues?: IssueSink): Promise<ReadNotes> {
      await refuseIrregular(path, name);
      const walk = new CensusWalk(table, sink, issues, maxCellCharacters);
      sink(walk.header(), 1);
      // Loaded here, not with the module: most runs read no census, and every reading thread loads the readers.
      const { SaxesParser } = await import('saxes');
      const parser = new SaxesParser<{ xmlns: false }>({ xmlns: false });
      // saxes's column is zero-based and, when a tag opens, past its name and the character after it: back to the `<`, one-based.
      parser.on('opentagstart', (tag: SaxesStartTagPlain) => walk.open(localName(tag.name), parser.line, parser.column - tag.name.length - 1));
      // Text is reported when it ends; it starts where the last tag ended.
      let tagEnd: Position = { line: 1, column: 1 };
      const endTag = (): void => {
        tagEnd = { line: parser.line, column: parser.column + 1 };
      };
      parser.on('opentag', endTag);
      parser.on('text', (text) => walk.text(text, tagEnd));
      parser.on('cdata', (text) => walk.text(text, tagEnd));
      parser.on('closetag', () => {
        walk.close();
        endTag();
      });
      parser.on('error', (error) => {
        // Named by the file, not the table: whichever table's pass meets it first, it is the same error.
        const file = basename(path);
        throw new DataError('MALFORMED_XML', `${file}: line ${parser.line}: not well-formed XML (${error.message.replace(/^\d+:\d+: /, '')})`, { file, line: parser.line });
      });
      try {
        for await (const chunk of createReadStream(path, { encoding: 'utf8' })) parser.write(chunk as string);
      } catch (error) {
        if (error instanceof DataError) throw error;
        const e = error as NodeJS.ErrnoException;
        throw new DataError('UNREADABLE_FILE', `${name}: cannot read the file (${e.code ?? e.message})`, { file: name });
      }
      parser.close();
      return { encoding: 'utf-8', notes: [`${table.label} read from the CIN census's <${element}> elements: ${walk.records}`] };
    },
  };
}
