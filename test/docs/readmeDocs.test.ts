import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import markdownIt, { type Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/dates/localDate.js';
import { DataError } from '../../src/core/errors.js';
import type { CellSink } from '../../src/core/extracts/columns.js';
import { EXTRACTS, EXTRACT_KINDS, type ExtractKind, type ValidationLimits } from '../../src/core/extracts/definitions.js';
import { ExtractParser } from '../../src/core/extracts/extractParser.js';
import { ISSUE_CODES, ISSUE_CODE_EFFECTS, ISSUE_CODE_MEANINGS, type IssueCode } from '../../src/core/extracts/issues.js';
import { columnSchema } from '../../src/core/extracts/referenceSchema.js';
import { INDICATORS } from '../../src/core/indicators/registry.js';
import {
  COLUMN_CODES,
  COLUMN_NOTES,
  DATA_ERROR_MEANINGS,
  SECTION_NAMES,
  cellCode,
  cellProse,
  cellText,
  closeMarker,
  markdownTable,
  openMarker,
  readSection,
  referenceSections,
  sectionBody,
  targetText,
  writeSections,
  type ColumnFacts,
} from '../../src/docs/referenceTables.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const HINT = 'run npm run docs';

// ---------------------------------------------------------------------------
// Markdown as a reader sees it.

// No linkify: the tables hold the project's own text, never data, so an address in it may well be a link.
const md = markdownIt({ html: true });

/** What a cell's inline tokens show: text and code, nothing else. */
function shown(inline: Token): string {
  return (inline.children ?? []).map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : `<${t.type}>`)).join('');
}

/** The first table of some Markdown: header and body cells as shown. */
function tableOf(markdown: string): { head: string[]; rows: string[][] } {
  const head: string[] = [];
  const rows: string[][] = [];
  let part: 'head' | 'body' | undefined;
  let row: string[] = [];
  const tokens = md.parse(markdown, {});
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'thead_open') part = 'head';
    else if (token.type === 'tbody_open') part = 'body';
    else if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close') part === 'head' ? head.push(...row) : rows.push(row);
    else if (token.type === 'inline' && part !== undefined) row.push(shown(token));
    else if (token.type === 'table_close') break;
  }
  return { head, rows };
}

// ---------------------------------------------------------------------------

describe('the README against the definitions', () => {
  const sections = referenceSections();

  it.each(SECTION_NAMES)('section %s is what the definitions make now', (name) => {
    const body = readSection(README, name);
    expect(body, `README.md needs ${openMarker(name)} and ${closeMarker(name)}, each once: ${HINT}`).toBeDefined();
    expect(body, `README.md section "${name}" differs from the definitions: ${HINT}`).toBe(sectionBody(sections[name]));
  });

  it('names every indicator of the registry in its indicator table', () => {
    const ids = tableOf(readSection(README, 'indicators') ?? '').rows.map((row) => row[0]);
    const missing = INDICATORS.map((i) => i.id).filter((id) => !ids.includes(id));
    expect(missing, `indicators missing from the README's table: ${HINT}`).toEqual([]);
    expect(ids).toEqual(INDICATORS.map((i) => i.id));
  });

  it('renders each generated section as one table whose rows all have the header width', () => {
    for (const name of SECTION_NAMES) {
      const { head, rows } = tableOf(sections[name]);
      expect(head.length, name).toBeGreaterThan(1);
      expect(rows.length, name).toBeGreaterThan(0);
      for (const row of rows) expect(row, `${name}: ${row.join(' | ')}`).toHaveLength(head.length);
      expect(sections[name].split('\n').every((line) => line.startsWith('| ') && line.endsWith(' |')), name).toBe(true);
    }
  });

  it('parses the README with each section as a table (the markers do not swallow it)', () => {
    const tables = md.parse(README, {}).filter((t) => t.type === 'table_open').length;
    for (const name of SECTION_NAMES) expect(md.render(`${openMarker(name)}${sectionBody(sections[name])}${closeMarker(name)}\n`)).toContain('<table>');
    expect(tables).toBeGreaterThanOrEqual(SECTION_NAMES.length);
  });

  it('is deterministic', () => {
    expect(referenceSections()).toEqual(sections);
  });
});

describe('the codes of errors that stop a run', () => {
  /** Every `new DataError(` in src: the file and its first argument as written. */
  function constructions(): { file: string; argument: string }[] {
    const src = join(ROOT, 'src');
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).sort();
    return files.flatMap((file) => {
      const text = readFileSync(join(src, file), 'utf8');
      const path = relative(ROOT, join(src, file)).split(sep).join('/');
      // Code only: a comment may speak of DataError as it likes.
      const code = text.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
      return [...code.matchAll(/new\s+DataError\s*\(\s*([^,)]*)/g)].map((m) => ({ file: path, argument: m[1]!.trim() }));
    });
  }
  // Files that build a DataError from a code held elsewhere (a worker thread's failure, itself thrown with a literal code).
  const PASSING_ON = new Set(['src/io/readInParallel.ts']);
  const LITERAL = /^(['"`])([A-Z][A-Z0-9_]*)\1$/;

  it('lists every code thrown in src, and no code thrown nowhere', () => {
    const found = constructions();
    expect(found.length).toBeGreaterThan(10);
    const thrown = new Set(found.flatMap(({ argument }) => LITERAL.exec(argument)?.[2] ?? []));
    const listed = Object.keys(DATA_ERROR_MEANINGS);
    expect([...thrown].filter((code) => !listed.includes(code)), 'DataError codes thrown in src but not in DATA_ERROR_MEANINGS (src/docs/referenceTables.ts); add them, then run npm run docs').toEqual([]);
    expect(listed.filter((code) => !thrown.has(code)), 'codes in DATA_ERROR_MEANINGS that src never throws').toEqual([]);
  });

  it('throws DataError with a literal code, but where a code is passed on', () => {
    const dynamic = constructions().filter(({ file, argument }) => !LITERAL.test(argument) && !PASSING_ON.has(file));
    expect(dynamic, 'new DataError(code, …) with a code the docs cannot see: write the code as a literal').toEqual([]);
  });

  it('has a meaning for every code', () => {
    for (const [code, meaning] of Object.entries(DATA_ERROR_MEANINGS)) expect(meaning.trim(), code).not.toBe('');
  });
});

describe('issue codes: meanings and effects', () => {
  it('has a meaning and an effect for every code', () => {
    for (const code of ISSUE_CODES) {
      expect(ISSUE_CODE_MEANINGS[code].trim(), code).not.toBe('');
      expect(['row', 'value', 'cleaned', 'run'], code).toContain(ISSUE_CODE_EFFECTS[code]);
    }
    expect(Object.keys(ISSUE_CODE_MEANINGS).sort()).toEqual([...ISSUE_CODES].sort());
  });

  const limits: ValidationLimits = {
    extractedOn: dayNumber(2026, 11, 20),
    calendar: { name: 'test', first: dayNumber(2000, 1, 1), last: dayNumber(2035, 12, 31) },
    maxCellCharacters: 20,
  };
  const long = 'x'.repeat(30);

  /** Rows of one extract; the last one raises the code. */
  interface Probe {
    readonly kind: ExtractKind;
    readonly header: readonly string[];
    readonly rows: readonly (readonly string[])[];
  }
  const assessment = (...rows: string[][]): Probe => ({ kind: 'assessments', header: ['child_id', 'assessment_id', 'start_date', 'completed_date', 'team', 'child_seen'], rows });
  const A = (overrides: Partial<Record<'child' | 'id' | 'start' | 'completed' | 'team' | 'seen', string>> = {}): string[] => [
    overrides.child ?? 'C1',
    overrides.id ?? 'A1',
    overrides.start ?? '2026-10-01',
    overrides.completed ?? '',
    overrides.team ?? '',
    overrides.seen ?? '',
  ];

  // Every code, each way it can arise; typed so that a new code needs its probes.
  const PROBES: Record<IssueCode, readonly Probe[]> = {
    MISSING_VALUE: [assessment(A({ start: '' }))],
    INVALID_DATE: [assessment(A({ start: '2026-10-32' })), assessment(A({ completed: '31/02/2026' }))],
    INVALID_FLAG: [assessment(A({ seen: 'maybe' }))],
    INVALID_CODE: [
      { kind: 'plans', header: ['child_id', 'plan_type', 'start_date'], rows: [['C1', 'XX', '2026-10-01']] },
      { kind: 'visits', header: ['child_id', 'visit_date', 'plan_type'], rows: [['C1', '2026-10-01', 'XX']] },
    ],
    END_BEFORE_START: [assessment(A({ start: '2026-10-05', completed: '2026-10-01' }))],
    FUTURE_DATE: [assessment(A({ start: '2026-12-01' }))],
    DUPLICATE_ROW: [assessment(A(), A())],
    DUPLICATE_ID: [assessment(A(), A({ start: '2026-10-02' }))],
    INVISIBLE_CHARACTERS: [assessment(A({ team: 'Team\u200BA' })), assessment(A({ child: 'C\u200B1' }))],
    CELL_TOO_LARGE: [assessment(A({ child: long })), assessment(A({ team: long }))],
    WRONG_FIELD_COUNT: [assessment([...A(), 'extra'])],
    OUTSIDE_CALENDAR: [assessment(A({ start: '1998-01-05' }))],
    DATE_ORDER: [assessment(A({ start: '10/31/2026' })), assessment(A({ completed: '10/31/2026' }))],
    // Raised by the CIN census reader, not by the parser from a row: test/cinCensus pins it.
    UNEXPECTED_ELEMENT: [],
    // Raised by the SSDA903 reader against the return's episodes: test/ssda903 pins it.
    OUTSIDE_CARE: [],
  };

  type Outcome = 'row' | 'cell' | 'kept' | 'run';

  /** What the parser did with the probe's last row about `code`, and the column it named. */
  function outcome(probe: Probe, code: IssueCode): { outcome: Outcome; column?: string } | undefined {
    const parser = new ExtractParser(EXTRACTS[probe.kind], `${probe.kind}.csv`, { limits, keepRecords: true });
    try {
      parser.readHeader(probe.header);
      probe.rows.forEach((row, i) => parser.readRow(row, i + 2));
      const extract = parser.finish();
      const line = probe.rows.length + 1;
      const issue = extract.quality[0]!.issues.find((i) => i.code === code && i.line === line);
      if (issue === undefined) return undefined;
      if (issue.scope === 'row') return { outcome: 'row', ...(issue.column ? { column: issue.column } : {}) };
      const record = ([...extract.records] as readonly { line: number; refused?: Record<string, string> }[]).find((r) => r.line === line);
      expect(record, `${code}: a cell issue keeps the row`).toBeDefined();
      return { outcome: record!.refused?.[issue.column!] !== undefined ? 'cell' : 'kept', column: issue.column! };
    } catch (error) {
      if (error instanceof DataError && error.code === code) return { outcome: 'run' };
      throw error;
    }
  }

  it.each(ISSUE_CODES)('%s does what the README says it does', (code) => {
    const effect = ISSUE_CODE_EFFECTS[code];
    for (const probe of PROBES[code]) {
      const found = outcome(probe, code);
      expect(found, `${code} not raised by ${JSON.stringify(probe.rows.at(-1))}`).toBeDefined();
      const required = found!.column !== undefined && EXTRACTS[probe.kind].columns[found!.column]!.required;
      const expected: Outcome = effect === 'value' ? (required ? 'row' : 'cell') : effect === 'cleaned' ? 'kept' : effect;
      expect(found!.outcome, `${code} in ${probe.kind}.${found!.column ?? '(row)'}`).toBe(expected);
    }
  });
});

describe('column facts', () => {
  function columnsOf<T>(facts: ColumnFacts<T>): [ExtractKind, string, T][] {
    return EXTRACT_KINDS.flatMap((kind) => Object.entries((facts[kind] ?? {}) as Record<string, T>).map(([column, value]): [ExtractKind, string, T] => [kind, column, value]));
  }

  it('notes and code lists name columns that exist', () => {
    for (const [kind, column] of [...columnsOf(COLUMN_NOTES), ...columnsOf(COLUMN_CODES)]) expect(Object.keys(EXTRACTS[kind].columns), kind).toContain(column);
  });

  it('lists the codes of every code column, each one accepted by its schema', () => {
    const options = { dateOrder: 'dmy', serialDates: false } as const;
    for (const kind of EXTRACT_KINDS) {
      for (const [column, spec] of Object.entries(EXTRACTS[kind].columns)) {
        const codes = (COLUMN_CODES[kind] as Record<string, readonly string[]> | undefined)?.[column];
        if (spec.type !== 'code') {
          expect(codes, `${kind}.${column} is not a code column`).toBeUndefined();
          continue;
        }
        expect(codes, `${kind}.${column} is a code column: list its codes in COLUMN_CODES (src/docs/referenceTables.ts)`).toBeDefined();
        const refused: string[] = [];
        const sink: CellSink = { refuse: (_c, code) => refused.push(code), cleaned: () => undefined };
        const schema = columnSchema(spec, options, sink, column);
        for (const code of codes!) expect(schema.safeParse(code), `${kind}.${column} ${code}`).toMatchObject({ success: true, data: code });
        expect(refused).toEqual([]);
        const bogus = schema.safeParse('NOT-A-CODE');
        expect(!bogus.success || refused.includes('INVALID_CODE'), `${kind}.${column} refuses other values`).toBe(true);
      }
    }
  });
});

describe('Markdown cells', () => {
  const HOSTILE = ['a | b', '*em* _em_ **strong**', '<script>x</script>', '[link](https://example.org) ![i](x)', 'back\\slash \\| pipe', 'tick`s', '`lead', '~~gone~~ $x$ &amp;', '# not a heading', '- not a list'];

  it.each(HOSTILE)('keeps %j as text and as code, in one cell', (text) => {
    const markdown = markdownTable(['text', 'code', 'prose'], [[cellText(text), cellCode(text), cellProse(text)]]);
    const { rows } = tableOf(markdown);
    expect(rows).toEqual([[text, text, text]]);
    expect(md.render(markdown)).not.toMatch(/<(?:a|img|script|em|strong|s|h1|li)\b/);
  });

  it('puts line breaks on one line', () => {
    expect(cellText('one\r\n  two\nthree')).toBe('one two three');
    expect(tableOf(markdownTable(['a'], [[cellCode('x\ny')]])).rows).toEqual([['x y']]);
  });

  it('shows backticked parts and known names as code, and the rest as text', () => {
    const prose = cellProse('met when child_seen = yes, not `x|y` or as-at', new Set(['child_seen', 'as_at']));
    expect(prose).toBe('met when `child_seen` = yes, not `x\\|y` or as-at');
  });

  it('writes targets as people do', () => {
    expect(targetText({ kind: 'rate', direction: 'higher', defaultTarget: 0.9 })).toBe('≥ 90 %');
    expect(targetText({ kind: 'rate', direction: 'higher', defaultTarget: 0.925 })).toBe('≥ 92.5 %');
    expect(targetText({ kind: 'rate', direction: 'higher', defaultTarget: 1 })).toBe('100 %');
    expect(targetText({ kind: 'rate', direction: 'lower', defaultTarget: 0.25 })).toBe('≤ 25 %');
    expect(targetText({ kind: 'count', direction: 'lower', defaultTarget: 0 })).toBe('0');
    expect(targetText({ kind: 'count', direction: 'lower', defaultTarget: 3 })).toBe('≤ 3');
    expect(targetText({ kind: 'count', direction: 'lower', defaultTarget: null })).toBe('none');
  });
});

describe('writing the sections', () => {
  const sections = Object.fromEntries(SECTION_NAMES.map((name) => [name, `| ${name} |\n| --- |`])) as Record<(typeof SECTION_NAMES)[number], string>;
  const empty = SECTION_NAMES.map((name) => `text\n\n${openMarker(name)}\n${closeMarker(name)}\n`).join('\nmore text\n');

  it('replaces what lies between the markers and leaves the rest', () => {
    const { text, changed, missing } = writeSections(empty, sections);
    expect(changed).toEqual([...SECTION_NAMES]);
    expect(missing).toEqual([]);
    for (const name of SECTION_NAMES) expect(readSection(text, name)).toBe(sectionBody(sections[name]));
    expect(text.replace(/<!-- generated:([a-z-]+) -->[\s\S]*?<!-- \/generated:\1 -->/g, '$1')).toBe(empty.replace(/<!-- generated:([a-z-]+) -->\n<!-- \/generated:\1 -->/g, '$1'));
    expect(writeSections(text, sections)).toEqual({ text, changed: [], missing: [] });
  });

  it('reports a section whose markers are missing, repeated or out of order, and leaves it alone', () => {
    const [first, second, third] = SECTION_NAMES;
    const broken = empty
      .replace(openMarker(first), '')
      .replace(closeMarker(second), `${closeMarker(second)}\n${closeMarker(second)}`)
      .replace(`${openMarker(third)}\n${closeMarker(third)}`, `${closeMarker(third)}\n${openMarker(third)}`);
    const { text, missing } = writeSections(broken, sections);
    expect(missing).toEqual([first, second, third]);
    for (const name of [first, second, third]) expect(readSection(text, name)).toBeUndefined();
  });
});
