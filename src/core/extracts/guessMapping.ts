import { EXTRACTS, EXTRACT_KINDS, PLAN_TYPES, SUPERVISION_KINDS, type ExtractKind } from './definitions.js';
import { HEADER_SEARCH_ROWS, matchHeader, type HeaderMatch } from './headerMatch.js';
import type { DateOrder, ExtractMapping } from './mapping.js';
import { parseFlag, readsInOtherOrder } from './values.js';

/** The first rows of one table, as `init` reads them to guess its mapping. */
export interface TableSample {
  /** The file name relative to the data folder. */
  readonly file: string;
  readonly sheet?: string;
  readonly rows: readonly { readonly fields: readonly string[]; readonly line: number }[];
}

/** What `init` guessed for one table. */
export interface TableGuess {
  readonly file: string;
  readonly sheet?: string;
  readonly kind: ExtractKind;
  readonly mapping: ExtractMapping;
  /** Their header → our column, as read with the guessed mapping. */
  readonly columns: readonly { readonly column: string; readonly header: string }[];
  /** What could not be placed: headers and values a person must decide on. */
  readonly unplaced: readonly string[];
}

/** A table no extract kind fits, and why. */
export interface NoGuess {
  readonly file: string;
  readonly sheet?: string;
  readonly reason: string;
}


// Words that place a case system's code on ours; anything else is left to a person.
const PLAN_WORDS: readonly [RegExp, (typeof PLAN_TYPES)[number]][] = [
  [/protect|\bcpp?\b/i, 'CP'],
  [/private\s*foster|\bpf\b/i, 'PF'],
  [/leaver|\bcl\b/i, 'CL'],
  [/looked\s*after|\blac\b|\bcla\b|in care/i, 'CLA'],
  [/in\s*need|\bcin\b/i, 'CIN'],
];
const KIND_WORDS: readonly [RegExp, (typeof SUPERVISION_KINDS)[number]][] = [
  [/oversight|manage/i, 'oversight'],
  [/supervis/i, 'supervision'],
];
const NOT_RECORDED = /^(unknown|not known|n\/?a|not recorded|not applicable|-|#n\/a|null|c\)\s*unknown)$/i;

/** A header row for one kind: where it is, how it matches, and the close spellings taken as aliases. */
interface HeaderGuess {
  readonly line: number;
  readonly index: number;
  readonly match: HeaderMatch;
  readonly columns: Record<string, string[]>;
}

/** The headers of one row that the suggestions place on our columns not found by name. */
function suggestedColumns(fields: readonly string[], kind: ExtractKind): Record<string, string[]> {
  const match = matchHeader(fields, EXTRACTS[kind]);
  const columns: Record<string, string[]> = {};
  for (const unused of match.unused) {
    if (unused.suggestion !== undefined && !match.positions.has(unused.suggestion) && columns[unused.suggestion] === undefined) {
      columns[unused.suggestion] = [unused.header];
    }
  }
  return columns;
}

/** The first row near the top that names the kind's required columns, by name, alias or close spelling. */
function headerFor(sample: TableSample, kind: ExtractKind): HeaderGuess | undefined {
  const rows = sample.rows.slice(0, HEADER_SEARCH_ROWS);
  for (let index = 0; index < rows.length; index++) {
    const columns = suggestedColumns(rows[index]!.fields, kind);
    const match = matchHeader(rows[index]!.fields, EXTRACTS[kind], columns);
    if (match.missingRequired.length === 0) return { line: rows[index]!.line, index, match, columns };
  }
  return undefined;
}

function nameHints(file: string, kind: ExtractKind): boolean {
  const stem = kind.replace(/s$/, '');
  return file.toLowerCase().includes(stem);
}

/** Each value of a code or flag column that does not read as ours: ours, null, or unplaced. */
function valueGuesses(kind: ExtractKind, column: string, values: ReadonlySet<string>): { map: Record<string, string | null>; unplaced: string[] } {
  const spec = EXTRACTS[kind].columns[column]!;
  const map: Record<string, string | null> = {};
  const unplaced: string[] = [];
  const words = column === 'plan_type' ? PLAN_WORDS : column === 'kind' ? KIND_WORDS : [];
  const codes: readonly string[] = column === 'plan_type' ? PLAN_TYPES : column === 'kind' ? SUPERVISION_KINDS : [];
  for (const value of [...values].sort()) {
    if (spec.type === 'flag' && parseFlag(value) !== undefined) continue;
    if (spec.type === 'code' && codes.some((c) => c.toLowerCase() === value.toLowerCase())) continue;
    if (NOT_RECORDED.test(value)) {
      map[value] = null;
      continue;
    }
    const placed = words.find(([pattern]) => pattern.test(value));
    if (placed) map[value] = placed[1];
    else unplaced.push(`${column} value "${value}"`);
  }
  return { map, unplaced };
}

/**
 * Guesses the extract kind and mapping of one table from its first rows:
 * the kind whose required columns its header names (built-in aliases and
 * close spellings), codes placed by their words, "Unknown" and "N/A" read as
 * not recorded, month-first dates noticed. What it cannot place is listed.
 */
export function guessTable(sample: TableSample): TableGuess | NoGuess {
  const place = { file: sample.file, ...(sample.sheet !== undefined ? { sheet: sample.sheet } : {}) };
  const candidates = EXTRACT_KINDS.map((kind) => {
    const header = headerFor(sample, kind);
    const score = header ? header.match.mapping.length + (nameHints(sample.file, kind) || nameHints(sample.sheet ?? '', kind) ? 3 : 0) : -1;
    return { kind, header, score };
  })
    .filter((c) => c.header !== undefined)
    .sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (best === undefined) return { ...place, reason: 'its header names the required columns of no extract kind' };
  const { kind, header } = best;
  const { match, index, line } = header!;
  const data = sample.rows.slice(index + 1);
  const values: Record<string, Record<string, string | null>> = {};
  const unplaced = match.unused.filter((u) => u.suggestion === undefined).map((u) => `column "${u.header}"`);
  let dateOrder: DateOrder | undefined;
  for (const [column, at] of match.positions) {
    const spec = EXTRACTS[kind].columns[column]!;
    const seen = new Set(data.map((row) => (row.fields[at] ?? '').trim()).filter((v) => v !== ''));
    if (spec.type === 'flag' || spec.type === 'code') {
      const guess = valueGuesses(kind, column, seen);
      if (Object.keys(guess.map).length > 0) values[column] = guess.map;
      unplaced.push(...guess.unplaced);
    }
    if ((spec.type === 'date' || spec.type === 'datetime') && [...seen].some((v) => readsInOtherOrder(v, 'dmy'))) dateOrder = 'mdy';
  }
  const columns = Object.fromEntries(Object.entries(header!.columns).filter(([column, [theirs]]) => match.mapping.some((m) => m.column === column && m.header === theirs)));
  const mapping: ExtractMapping = {
    file: sample.file,
    ...(sample.sheet !== undefined ? { sheet: sample.sheet } : {}),
    ...(line > 1 ? { headerRow: line } : {}),
    ...(Object.keys(columns).length > 0 ? { columns } : {}),
    ...(Object.keys(values).length > 0 ? { values } : {}),
    ...(dateOrder ? { dateOrder } : {}),
  };
  return { ...place, kind, mapping, columns: match.mapping, unplaced };
}
