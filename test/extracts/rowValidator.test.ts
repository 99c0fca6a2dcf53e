import { describe, expect, it } from 'vitest';
import { civilDate, dayNumber, type DayNumber } from '../../src/core/dates/localDate.js';
import type { CellSink, ColumnSpec, ParseOptions } from '../../src/core/extracts/columns.js';
import { EXTRACT_KINDS, EXTRACTS, type ExtractDefinition, type ValidationLimits } from '../../src/core/extracts/definitions.js';
import type { RowProblem } from '../../src/core/extracts/rowValidator.js';
import { extractSchema } from '../../src/core/extracts/referenceSchema.js';
import { Rng } from '../../src/scripts/syntheticAuthority.js';

// The compiled validator against its reference, the zod schema, on random
// rows: the same records (keys, their order, values), the same problems in
// the same order, and the same cells reported to the sink.

const LIMITS: ValidationLimits = {
  extractedOn: dayNumber(2026, 11, 20),
  calendar: { name: 'england-and-wales', first: dayNumber(2025, 1, 1), last: dayNumber(2026, 12, 31) },
};
const OPTIONS: readonly ParseOptions[] = [
  { dateOrder: 'dmy', serialDates: false },
  { dateOrder: 'mdy', serialDates: false },
  { dateOrder: 'dmy', serialDates: true },
  { dateOrder: 'mdy', serialDates: true },
];
const ROWS = 400;

const EXCEL_EPOCH = dayNumber(1899, 12, 30);
const pad = (n: number) => String(n).padStart(2, '0');

/** A real day in any of the ways an extract writes one, often around the extract and calendar edges. */
function dateText(rng: Rng): string {
  const day = (dayNumber(2024, 10, 1) + rng.int(0, 1000)) as DayNumber;
  const { year, month, day: d } = civilDate(day);
  const time = rng.pick(['', '', ' 14:05', 'T09:30', ' 9:05', ' 23:59:59', 'T08:00:00.250', ' 25:00']);
  switch (rng.int(0, 4)) {
    case 0:
      return `${year}-${pad(month)}-${pad(d)}${time}`;
    case 1:
      return `${d}/${month}/${year}${time}`;
    case 2:
      return `${pad(month)}/${pad(d)}/${year}${time}`;
    case 3:
      return `${day - EXCEL_EPOCH}${rng.pick(['', '.5', '.999'])}`;
    default:
      return ` ${pad(d)}/${pad(month)}/${year} `;
  }
}

const ODD = ['', ' ', '   ', 'garbage', '31/02/2026', '2026-13-01', '2026-02-29', '10/31/2026', '44090', '60', 'C001\u200B', 'C\u0000001', '\u200B', 'Équipe Nord', 'E\u0301quipe Nord', '  Team  A ', 'ab\uFEFF', 'ünïcödé'];
const FLAGS = ['Y', 'n', 'Yes', 'NO', 'true', 'False', '1', '0', 'a) Yes', 'b) No', 'c) Unknown', 'maybe', ' y '];
const GRADES = ['Good', 'outstanding', 'REQUIRES_IMPROVEMENT', 'requires-improvement', 'RI', 'inadequate', '1', '4', '5', 'excellent'];

/** A column's text: usually a value of its type (often good, sometimes odd), else anything. */
function cellText(rng: Rng, spec: ColumnSpec<unknown>): string {
  if (rng.chance(0.15)) return rng.pick(ODD);
  switch (spec.type) {
    case 'date':
    case 'datetime':
      return rng.chance(0.1) ? '' : dateText(rng);
    case 'flag':
      return rng.pick(FLAGS);
    case 'code': {
      const codes = spec.codes ?? [];
      if (codes.includes('good')) return rng.pick(GRADES);
      const code = rng.pick(codes);
      return rng.pick([code, code.toLowerCase(), ` ${code} `, `${code}X`]);
    }
    default:
      return rng.pick(['C001', 'C002', 'Team A', 'Worker 7', `ID${rng.int(1, 99)}`, ' padded ']);
  }
}

type Call = readonly [string, string, string, string];

function recordingSink(calls: Call[]): CellSink {
  return {
    refuse: (column, code, message) => calls.push(['refuse', column, code, message]),
    cleaned: (column, code, message) => calls.push(['cleaned', column, code, message]),
  };
}

/** The schema's answer in the validator's terms: the record, or the problems. */
function zodResult(definition: ExtractDefinition, options: ParseOptions, calls: Call[]) {
  const schema = extractSchema(definition, LIMITS, options, recordingSink(calls));
  return (line: number, texts: readonly string[]) => {
    const names = Object.keys(definition.columns);
    const parsed = schema.safeParse({ line, ...Object.fromEntries(names.map((name, i) => [name, texts[i]])) });
    if (parsed.success) return { record: parsed.data };
    return {
      problems: parsed.error.issues.map((issue) => ({ column: issue.path[0], code: (issue as { params?: { code?: string } }).params?.code, message: issue.message })),
    };
  };
}

function compiledResult(definition: ExtractDefinition, options: ParseOptions, calls: Call[]) {
  const validate = definition.validator(LIMITS, options, recordingSink(calls));
  return (line: number, texts: readonly string[]) => {
    const problems: RowProblem[] = [];
    const record = validate(line, texts, problems);
    return record === undefined ? { problems } : { record };
  };
}

const DEFINITIONS: readonly (readonly [string, ExtractDefinition])[] = [
  ...EXTRACT_KINDS.map((kind) => [kind, EXTRACTS[kind]] as const),
  ['audits with flags', EXTRACTS.audits.withFlags(['theme_voice', 'Theme Safety', 'grade'])],
];

describe('the compiled row validator gives what the zod schema gives', () => {
  it.each(DEFINITIONS)('%s', (name, definition) => {
    const rng = new Rng(0x5eed ^ name.length * 7919 + name.charCodeAt(0));
    const specs = Object.values(definition.columns);
    const outcomes = new Set<string>();
    for (const options of OPTIONS) {
      const zodCalls: Call[] = [];
      const compiledCalls: Call[] = [];
      const reference = zodResult(definition, options, zodCalls);
      const compiled = compiledResult(definition, options, compiledCalls);
      for (let line = 2; line < ROWS + 2; line++) {
        const texts = specs.map((spec) => cellText(rng, spec));
        const expected = reference(line, texts);
        const actual = compiled(line, texts);
        expect(actual, `${name} ${options.dateOrder} ${texts.join('|')}`).toStrictEqual(expected);
        if (expected.record) expect(Object.keys(actual.record!)).toStrictEqual(Object.keys(expected.record));
        if (expected.record) outcomes.add('used');
        expected.problems?.forEach((problem) => outcomes.add(String(problem.code)));
      }
      expect(compiledCalls).toStrictEqual(zodCalls);
    }
    // The rows reach the logical rules, not only the column checks, and some are used.
    expect(outcomes.has('used')).toBe(true);
    expect([...outcomes].some((code) => ['END_BEFORE_START', 'FUTURE_DATE', 'OUTSIDE_CALENDAR'].includes(code))).toBe(true);
  });
});
