import { ANNEX_A_BLANK_VALUES, type AnnexAColumnSource, type AnyAnnexAYield } from '../../core/annexA/lists.js';
import { EXTRACTS } from '../../core/extracts/definitions.js';
import { normaliseValue } from '../../core/extracts/extractParser.js';
import { normaliseHeader } from '../../core/extracts/values.js';
import type { IssueSink, ReadNotes, RowReader, RowSink } from './rowReader.js';
import { count } from '../../core/indicators/words.js';
import { HEADER_SEARCH_ROWS } from '../../core/extracts/headerMatch.js';

const BLANK = new Set(ANNEX_A_BLANK_VALUES.map(normaliseValue));

/** Where one of our columns comes from in a list sheet: a field (with its header, value map and codes), or a constant. */
type Source =
  | { readonly at: number; readonly header: string; readonly values?: ReadonlyMap<string, string>; readonly codes?: ReadonlySet<string> }
  | { readonly constant: string };

/** The list sheet's header, resolved against what the list yields. */
interface ListHeader {
  readonly columns: readonly string[];
  readonly sources: readonly Source[];
  /** The rule's own columns (Case Status) by name → field index. */
  readonly ruleFields: ReadonlyMap<string, number>;
  readonly unused: readonly string[];
}


/** The first of `headers` the row has, by tolerant match; -1 when none. */
function findField(found: readonly string[], headers: readonly string[]): number {
  for (const header of headers) {
    const at = found.indexOf(normaliseHeader(header));
    if (at !== -1) return at;
  }
  return -1;
}

/** Resolves a row as the list's header, or undefined when it lacks a required column or a rule column. */
function resolveHeader(fields: readonly string[], yielded: AnyAnnexAYield): ListHeader | undefined {
  const found = fields.map(normaliseHeader);
  const definition = EXTRACTS[yielded.kind];
  const columns: string[] = [];
  const sources: Source[] = [];
  const taken = new Set<number>();
  for (const [column, source] of Object.entries(yielded.columns) as [string, AnnexAColumnSource][]) {
    if ('constant' in source) {
      columns.push(column);
      sources.push({ constant: source.constant });
      continue;
    }
    const at = findField(found, source.headers);
    if (at === -1) {
      if (definition.columns[column]?.required) return undefined;
      continue;
    }
    taken.add(at);
    columns.push(column);
    const values = source.values ? new Map(Object.entries(source.values).map(([k, v]) => [normaliseValue(k), v ?? ''] as const)) : undefined;
    const codes = source.codes ? new Set(source.codes.map(normaliseValue)) : undefined;
    sources.push({ at, header: fields[at]!.trim(), ...(values ? { values } : {}), ...(codes ? { codes } : {}) });
  }
  const ruleFields = new Map<string, number>();
  for (const [name, headers] of Object.entries(yielded.rule?.reads ?? {})) {
    const at = findField(found, headers);
    if (at === -1) return undefined;
    taken.add(at);
    ruleFields.set(name, at);
  }
  const unused = fields.filter((f, i) => !taken.has(i) && f.trim() !== '').map((f) => f.trim());
  return { columns, sources, ruleFields, unused };
}

/** A cell's text with Annex A's blanks (#N/A, NULL) read as blank. */
function cellText(fields: readonly string[], at: number): string {
  const text = (fields[at] ?? '').trim();
  return BLANK.has(normaliseValue(text)) ? '' : text;
}

/**
 * Reads one Annex A list sheet (or list CSV) as one of our extracts: finds
 * the header below any title row, keeps the rows the list's rule keeps (List
 * 6: CIN plans by Case Status), and passes on a table with our column names,
 * constants filled in (plan_type), Annex A blanks and codes translated, and
 * each row at its own sheet row. The rows it leaves out are counted in a note.
 */
export function openAnnexAList(inner: RowReader, listName: string, yielded: AnyAnnexAYield): RowReader {
  return openMappedTable(inner, { origin: 'Annex A', table: listName }, yielded);
}

/** Where a mapped table comes from, for its notes: `Annex A` `List 6`, `the SSDA903` `reviews table`. */
export interface MappedOrigin {
  readonly origin: string;
  readonly table: string;
}

/**
 * Reads a table of a published layout (an Annex A list, an SSDA903 table)
 * as one of our extracts, as `yielded` says: our column names, constants,
 * value maps, the rule's rows. A value outside a column's `codes` is
 * refused (a cell issue, INVALID_CODE) and passed on blank.
 */
export function openMappedTable(inner: RowReader, { origin, table: listName }: MappedOrigin, yielded: AnyAnnexAYield): RowReader {
  return {
    name: inner.name,
    serialDates: inner.serialDates,
    async read(sink: RowSink, issues?: IssueSink): Promise<ReadNotes> {
      let header: ListHeader | undefined;
      const early: { fields: string[]; line: number }[] = [];
      let notKept = 0;
      let noDate = 0;
      const skipWhenBlank = new Set<string>(yielded.skipWhenBlank ?? []);
      const emit = (fields: readonly string[], line: number): void => {
        const h = header!;
        if (yielded.rule) {
          const row: Record<string, string> = {};
          for (const [name, at] of h.ruleFields) row[name] = cellText(fields, at);
          if (!yielded.rule.keep(row)) {
            notKept++;
            return;
          }
        }
        const out = h.sources.map((source, i) => {
          if ('constant' in source) return source.constant;
          const text = cellText(fields, source.at);
          if (text === '') return '';
          if (source.codes && !source.codes.has(normaliseValue(text))) {
            const column = h.columns[i]!;
            issues?.({ scope: 'cell', code: 'INVALID_CODE', line, column, value: text, message: `${column} ${JSON.stringify(text)} (${source.header}) is not one of the codes ${[...source.codes].join(', ').toUpperCase()}; read as not recorded` });
            return '';
          }
          return source.values?.get(normaliseValue(text)) ?? text;
        });
        if (h.columns.some((column, i) => skipWhenBlank.has(column) && out[i] === '')) {
          noDate++;
          return;
        }
        sink(out, line);
      };
      const notes = await inner.read((fields, line) => {
        if (fields.every((f) => f.trim() === '')) return;
        if (header !== undefined) {
          emit(fields, line);
          return;
        }
        header = resolveHeader(fields, yielded);
        if (header !== undefined) {
          sink([...header.columns], line);
          return;
        }
        early.push({ fields, line });
        // No header found near the top: pass the first row on, so the parser names what is missing.
        if (early.length === HEADER_SEARCH_ROWS) sink(early[0]!.fields, early[0]!.line);
      });
      if (header === undefined && early.length > 0 && early.length < HEADER_SEARCH_ROWS) sink(early[0]!.fields, early[0]!.line);
      const extra: string[] = [`read as ${yielded.label} from ${origin} ${listName}`];
      if (notKept > 0) extra.push(`${count(notKept, 'row')} of ${listName} left out: only ${yielded.rule!.description} are ${yielded.label}`);
      if (noDate > 0) extra.push(`${count(noDate, 'row')} of ${listName} left out: no ${[...skipWhenBlank].join(', ')} (no ${yielded.label.replace(/^last /, '')} recorded)`);
      if (header !== undefined && header.unused.length > 0) extra.push(`${listName} columns not used: ${header.unused.join(', ')}`);
      return { ...notes, notes: [...notes.notes, ...extra] };
    },
  };
}
