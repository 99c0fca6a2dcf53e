/**
 * The README's reference tables, made from the code's own definitions: the
 * indicators, the extracts and their columns, the issue codes and the codes
 * of the errors that stop a run. Pure: definitions in, Markdown out (no fs).
 * `npm run docs` (src/scripts/generate-docs.ts) writes them into README.md
 * between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`, and
 * test/docs/readmeDocs.test.ts fails when the README differs.
 */
import { GRADES, type ColumnType } from '../core/extracts/columns.js';
import {
  EXTRACTS,
  EXTRACT_KINDS,
  PLAN_TYPES,
  REVIEW_TYPES,
  HEALTH_ASSESSMENT_TYPES,
  SUPERVISION_KINDS,
  type ExtractDefinition,
  type ExtractKind,
  type RecordPlace,
  type RecordsByKind,
} from '../core/extracts/definitions.js';
import { ISSUE_CODES, ISSUE_CODE_EFFECTS, ISSUE_CODE_MEANINGS, type IssueEffect } from '../core/extracts/issues.js';
import { INDICATORS } from '../core/indicators/registry.js';
import { extractsRead, type IndicatorDefinition } from '../core/indicators/types.js';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings.js';

// ---------------------------------------------------------------------------
// What the definitions do not say, kept here and typed against them.

/**
 * The codes of `DataError` (src/core/errors.ts), which stop a run with exit
 * 2, with what each means: plain text in which `backticks` mark code. The
 * test greps src for every DataError constructed with a literal code and
 * fails on a code missing here (or listed here and thrown nowhere).
 */
export const DATA_ERROR_MEANINGS = {
  MISSING_COLUMN: 'a file lacks a required column; the message lists the columns it has, with suggestions',
  DATE_ORDER: 'a file holds a date that can only be read in the other order (see `dateOrder`); the message gives its line',
  NO_EXTRACTS: 'the `--data` folder or the `--annex-a` path holds no recognised extract; the message lists what it holds',
  AMBIGUOUS_EXTRACT: 'the folder holds both `<kind>.csv` and `<kind>.xlsx`',
  MISSING_SHEET: 'a workbook has no sheet of the configured name; the message lists its sheets',
  MISSING_HEADER: 'the configured header row (`headerRow`) is blank or past the end of the table',
  DUPLICATE_COLUMN: 'a file has two header columns that mean the same column',
  EMPTY_FILE: 'a file has no header row',
  MALFORMED_CSV: 'a file cannot be read as CSV: an unclosed quote, with the line where it opens',
  MALFORMED_XML: 'a `--cin-census` file is not well-formed XML, with the line where the parser stopped',
  UNMATCHED_SAMPLE_ROW: '`audits collect`: a returned file lacks `kind`, `record_id` or `child_id`, or a row has them blank or an unknown kind, so its rows cannot be matched to sampled records; nothing is written',
  PSEUDONYMISED_SAMPLE: '`audits collect`: the returned sample was pseudonymised, so its child IDs are not the case records\'; nothing is written',
  UNAPPENDABLE_FILE: '`audits collect --out`: the existing file has another header, or is not UTF-8 or not comma-separated, so audits cannot be appended or moderated grades set; nothing is written',
  MIXED_SAMPLE: '`audits collect`: moderation samples (kind `audits`) and dip samples of records are returned together; `audits completion`: a moderation sample, whose grades have no date to hold against the due date; nothing is written',
  UNKNOWN_AUDIT: '`audits collect` of a moderation sample: `--out` is missing or empty, or lacks an audit the sample names (each listed with its file and line); nothing is written',
  RECORD_TOO_LARGE: 'a file holds a record whose fields together pass 16 M characters (no extract row is that long), with its line; one cell over `maxCellCharacters` is cut as it is read and refused as `CELL_TOO_LARGE` instead',
  UNREADABLE_FILE: 'a file or folder does not exist, cannot be read, or is not a regular file (a FIFO, a device, a folder)',
  REJECTED_ROWS: 'under `--strict`, a row was rejected; no figure is printed',
  UNWRITABLE_FILE: 'the `--out` file cannot be written (disk full, no permission…)',
} as const satisfies Readonly<Record<string, string>>;

/** A stable code of an error that stops the run (exit 2). */
export type DataErrorCode = keyof typeof DATA_ERROR_MEANINGS;

/** What one row of each extract stands for (a new kind without one does not compile). */
export const EXTRACT_ROWS: Readonly<Record<ExtractKind, string>> = {
  assessments: 'single / child-and-family assessment',
  plans: 'CIN, CP, CLA, private-fostering (PF) or care-leaver (CL) episode',
  visits: 'statutory visit',
  missing: 'missing episode and its return home interview',
  supervision: 'supervision or management-oversight record',
  referrals: 'referral',
  audits: 'case-file audit (a grade, and who audited when)',
  'audit-actions': 'action raised by a case-file audit (its child is the audit\'s)',
  reviews: 'CLA, CP, CIN or pathway plan review meeting',
  enquiries: 'section 47 enquiry and its initial child protection conference',
  placements: 'placement of a looked-after child',
  careleavers: 'contact with a care leaver around a birthday',
  health: 'initial (IHA) or review (RHA) health assessment',
  contacts: 'contact to the front door',
};

/** The column names of one extract kind, as its records have them. */
export type ColumnOf<K extends ExtractKind> = Exclude<keyof RecordsByKind[K] & string, keyof RecordPlace>;

/** Per extract kind, something about some of its columns; a column that is not there does not compile. */
export type ColumnFacts<T> = { readonly [K in ExtractKind]?: Readonly<Partial<Record<ColumnOf<K>, T>>> };

/**
 * The codes each `code` column takes (the test checks the column's schema
 * accepts every one, and that no code column lacks a list).
 */
export const COLUMN_CODES: ColumnFacts<readonly string[]> = {
  plans: { plan_type: PLAN_TYPES },
  visits: { plan_type: PLAN_TYPES },
  supervision: { kind: SUPERVISION_KINDS },
  audits: { grade: GRADES, moderated_grade: GRADES },
  reviews: { review_type: REVIEW_TYPES },
  health: { assessment_type: HEALTH_ASSESSMENT_TYPES },
};

/** What the definitions cannot say about a column (plain text, `backticks` for code). */
export const COLUMN_NOTES: ColumnFacts<string> = {
  assessments: { referral_date: 'the clock starts here; else at `start_date`' },
  visits: { plan_type: 'blank = counts for every open plan of the child; a refused value counts for none' },
  missing: { returned_at: 'the child is still missing' },
  audits: { grade: 'also 1-4 (1 outstanding … 4 inadequate) and RI', moderated_grade: 'when present, the grade that counts', record_kind: 'the sampled record audited (`audits collect` fills it)', record_id: 'the sampled record audited (`audits collect` fills it)' },
  'audit-actions': { audit_id: 'the audit that raised it: the action\'s child is that audit\'s' },
};

const COLUMN_TYPES: Readonly<Record<ColumnType, string>> = {
  text: 'text',
  date: 'date',
  datetime: 'date and time',
  flag: 'flag',
  code: 'code',
};

const ISSUE_EFFECTS: Readonly<Record<IssueEffect, string>> = {
  row: 'rejects the row',
  value: 'refuses the value; rejects the row when the column is required',
  cleaned: 'keeps the value, cleaned (a cell issue)',
  run: 'stops the run (exit 2)',
};
const EFFECT_ORDER: readonly IssueEffect[] = ['row', 'value', 'cleaned', 'run'];

// ---------------------------------------------------------------------------
// Markdown table cells.

// Every character with a meaning in CommonMark or GFM inline text, the table's pipe included.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~&$]/g;
const LINE_BREAKS = /\s*(?:\r\n|\r|\n)\s*/g;

/** Plain text as one table cell's Markdown: on one line, every special character escaped. */
export function cellText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(MARKDOWN_SPECIAL, '\\$&');
}

/** Text as a code span in a table cell: fenced past any backticks it holds, pipes escaped. */
export function cellCode(text: string): string {
  const flat = text.replace(LINE_BREAKS, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat.replace(/\|/g, '\\|')}${pad}${fence}`;
}

// snake_case, kebab-case and UPPER_CASE names: column names, indicator ids, codes.
const NAME = /[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)+/g;

/**
 * Prose as a table cell: `backticks` mark code spans; elsewhere a name in
 * `names` (a column, an indicator id, a code) is shown as code and the rest
 * is escaped text.
 */
export function cellProse(text: string, names: ReadonlySet<string> = new Set()): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? cellCode(part.slice(1, -1)) : plainWithNames(part, names)))
    .join('');
}

function plainWithNames(text: string, names: ReadonlySet<string>): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(NAME)) {
    if (!names.has(match[0])) continue;
    out += cellText(text.slice(from, match.index)) + cellCode(match[0]);
    from = match.index + match[0].length;
  }
  return out + cellText(text.slice(from));
}

/** A GFM table; every cell already Markdown. */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------
// The sections.

/** The definitions the tables are made from. */
export interface ReferenceDefinitions {
  readonly indicators: readonly IndicatorDefinition[];
  readonly extracts: { readonly [K in ExtractKind]: ExtractDefinition<RecordsByKind[K]> };
  /** Titles, timescales and targets are shown as these settings make them (the defaults). */
  readonly settings: Settings;
}

/** What the code holds now. */
export const CURRENT_DEFINITIONS: ReferenceDefinitions = { indicators: INDICATORS, extracts: EXTRACTS, settings: DEFAULT_SETTINGS };

/** The generated sections, in the order the README has them. */
export const SECTION_NAMES = ['extract-files', 'extract-columns', 'issue-codes', 'data-errors', 'indicators'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** Names prose shows as code: every column, indicator id and code. */
function knownNames(defs: ReferenceDefinitions): Set<string> {
  return new Set([
    ...EXTRACT_KINDS.flatMap((kind) => Object.keys(defs.extracts[kind].columns)),
    ...defs.indicators.map((indicator) => indicator.id),
    ...ISSUE_CODES,
    ...Object.keys(DATA_ERROR_MEANINGS),
  ]);
}

/** A rate target as a percentage ("90", "92.5"). */
function percent(fraction: number): string {
  return String(Math.round(fraction * 1000) / 10);
}

/** "≥ 90 %", "≤ 25 %"; the best value there is without a sign ("100 %", "0"); "none". */
export function targetText(indicator: Pick<IndicatorDefinition, 'kind' | 'direction' | 'defaultTarget'>): string {
  const { kind, direction, defaultTarget: target } = indicator;
  if (target === null) return 'none';
  const value = kind === 'rate' ? `${percent(target)} %` : String(target);
  const best = direction === 'higher' ? kind === 'rate' && target >= 1 : target <= 0;
  return best ? value : `${direction === 'higher' ? '≥' : '≤'} ${value}`;
}

/** "assessments (`completed_date`), plans": the extracts and the optional columns it needs. */
function readsCell(indicator: IndicatorDefinition): string {
  const kinds = extractsRead(indicator);
  if (kinds.length === 0) return '—';
  return kinds
    .map((kind) => {
      const columns = indicator.reads[kind] ?? [];
      return columns.length > 0 ? `${cellText(kind)} (${columns.map(cellCode).join(', ')})` : cellText(kind);
    })
    .join(', ');
}

function indicatorsTable(defs: ReferenceDefinitions): string {
  const names = knownNames(defs);
  const rows = defs.indicators.map((indicator) => [
    cellCode(indicator.id),
    cellText(indicator.title(defs.settings)),
    indicator.kind,
    `${indicator.direction} is better`,
    cellText(targetText(indicator)),
    cellText(indicator.timescale(defs.settings)),
    readsCell(indicator),
    cellProse(indicator.definition, names),
  ]);
  return markdownTable(['id', 'title', 'kind', 'direction', 'default target', 'timescale', 'reads', 'definition'], rows);
}

function extractFilesTable(defs: ReferenceDefinitions): string {
  const rows = EXTRACT_KINDS.map((kind) => {
    const readers = defs.indicators.filter((indicator) => extractsRead(indicator).includes(kind));
    return [
      cellCode(defs.extracts[kind].fileName),
      cellText(EXTRACT_ROWS[kind]),
      readers.length > 0 ? readers.map((indicator) => cellCode(indicator.id)).join(', ') : 'no indicator yet: read and validated',
    ];
  });
  return markdownTable(['file', 'one row per', 'read by'], rows);
}

function fact<T>(facts: ColumnFacts<T>, kind: ExtractKind, column: string): T | undefined {
  return (facts[kind] as Readonly<Record<string, T>> | undefined)?.[column];
}

function columnRows(defs: ReferenceDefinitions, kind: ExtractKind, names: ReadonlySet<string>): string[][] {
  const definition: ExtractDefinition<unknown> = defs.extracts[kind];
  return Object.entries(definition.columns).map(([column, spec]) => {
    const codes = fact(COLUMN_CODES, kind, column);
    const type = spec.type === 'code' && codes !== undefined ? `${COLUMN_TYPES.code}: ${codes.map(cellCode).join(', ')}` : COLUMN_TYPES[spec.type];
    const notes = [
      ...(column === definition.idColumn ? ['the record id: each value once (`DUPLICATE_ID`)'] : []),
      ...(column === definition.nameColumn ? ['names the record in exceptions (not checked to be unique)'] : []),
      ...(column === definition.openUntil ? ['blank = open'] : []),
      ...[fact(COLUMN_NOTES, kind, column)].filter((note) => note !== undefined),
    ];
    return [cellText(kind), cellCode(column), spec.required ? 'required' : 'optional', type, notes.map((note) => cellProse(note, names)).join('; ')];
  });
}

function extractColumnsTable(defs: ReferenceDefinitions): string {
  const names = knownNames(defs);
  const rows = EXTRACT_KINDS.flatMap((kind) => columnRows(defs, kind, names));
  return markdownTable(['extract', 'column', 'required', 'type', 'notes'], rows);
}

function issueCodesTable(defs: ReferenceDefinitions): string {
  const names = knownNames(defs);
  const rows = EFFECT_ORDER.flatMap((effect) =>
    ISSUE_CODES.filter((code) => ISSUE_CODE_EFFECTS[code] === effect).map((code) => [cellCode(code), cellText(ISSUE_EFFECTS[effect]), cellProse(ISSUE_CODE_MEANINGS[code], names)]),
  );
  return markdownTable(['code', 'effect', 'meaning'], rows);
}

function dataErrorsTable(defs: ReferenceDefinitions): string {
  const names = knownNames(defs);
  const rows = Object.entries(DATA_ERROR_MEANINGS).map(([code, meaning]) => [cellCode(code), cellProse(meaning, names)]);
  return markdownTable(['code', 'meaning'], rows);
}

/** Each generated section's Markdown (a table, without the markers). */
export function referenceSections(defs: ReferenceDefinitions = CURRENT_DEFINITIONS): Record<SectionName, string> {
  return {
    'extract-files': extractFilesTable(defs),
    'extract-columns': extractColumnsTable(defs),
    'issue-codes': issueCodesTable(defs),
    'data-errors': dataErrorsTable(defs),
    indicators: indicatorsTable(defs),
  };
}

// ---------------------------------------------------------------------------
// The sections in the README.

export function openMarker(name: SectionName): string {
  return `<!-- generated:${name} -->`;
}

export function closeMarker(name: SectionName): string {
  return `<!-- /generated:${name} -->`;
}

/** Where a section's body lies between its markers; undefined unless each marker is there exactly once, in order. */
function sectionSpan(readme: string, name: SectionName): { start: number; end: number } | undefined {
  const open = openMarker(name);
  const close = closeMarker(name);
  const at = readme.indexOf(open);
  const closeAt = readme.indexOf(close);
  if (at === -1 || closeAt === -1 || readme.indexOf(open, at + 1) !== -1 || readme.indexOf(close, closeAt + 1) !== -1) return undefined;
  const start = at + open.length;
  return closeAt < start ? undefined : { start, end: closeAt };
}

/** What lies between a section's markers: a blank line, the table, a blank line. */
export function sectionBody(markdown: string): string {
  return `\n\n${markdown}\n\n`;
}

/** The body of a section in the README (between its markers), or undefined when its markers are missing or repeated. */
export function readSection(readme: string, name: SectionName): string | undefined {
  const span = sectionSpan(readme, name);
  return span === undefined ? undefined : readme.slice(span.start, span.end);
}

/** The README with every section written, the sections that changed, and those whose markers are missing (left alone). */
export function writeSections(readme: string, sections: Readonly<Record<SectionName, string>>): { text: string; changed: SectionName[]; missing: SectionName[] } {
  let text = readme;
  const changed: SectionName[] = [];
  const missing: SectionName[] = [];
  for (const name of SECTION_NAMES) {
    const span = sectionSpan(text, name);
    if (span === undefined) {
      missing.push(name);
      continue;
    }
    const body = sectionBody(sections[name]);
    if (text.slice(span.start, span.end) === body) continue;
    text = text.slice(0, span.start) + body + text.slice(span.end);
    changed.push(name);
  }
  return { text, changed, missing };
}
