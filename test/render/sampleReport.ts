import { parsePeriod, trailingPeriods } from '../../src/core/period.js';
import type { FileQuality } from '../../src/core/extracts/issues.js';
import type { IndicatorResult, Report } from '../../src/core/report.js';
import { ExceptionList } from '../../src/core/exceptionList.js';

/** Team names that must come out escaped (HTML, Markdown), neutralised (CSV) or shown as escapes (terminal). */
export const HOSTILE = {
  script: '<script>alert("x")</script>',
  hyperlink: '=HYPERLINK("http://evil.example","click")',
  sum: '@SUM(A1:A9)',
  pipe: 'North | South',
  image: '![px](https://evil.example/p.png)',
  link: '[click](https://evil.example/login)',
  autolink: '<https://evil.example/a>',
  www: 'www.evil.example',
  email: 'boss@evil.example',
  emphasis: '*bold* _em_ ~~gone~~ # &amp; $x$',
  backtick: 'Team `rm -rf` B',
  list: '1. - + Team',
  osc52: '\x1b]52;c;ZXZpbA==\x07',
  clear: '\x1b[2J',
  csi: '\u009b31mred',
  bidi: '\u202Egnp.exe',
  nul: 'Team\u0000Null',
  fullwidth: '＝1+1',
  spaced: ' =1+1',
  tab: '\t=1+1',
  cr: '\r=1+1',
  newline: 'first\nsecond',
} as const;

/** A name of HOSTILE. */
export type HostileName = keyof typeof HOSTILE;

/** Plain stand-ins for the HOSTILE names ("Name image"…): the same report with them must have the same structure. */
export const PLAIN: Readonly<Record<HostileName, string>> = Object.fromEntries(Object.keys(HOSTILE).map((name) => [name, `Name ${name}`])) as Record<HostileName, string>;

const OCTOBER = parsePeriod('2026-10');
const [AUGUST, SEPTEMBER] = trailingPeriods(OCTOBER, 3) as [typeof OCTOBER, typeof OCTOBER, typeof OCTOBER];

// 22/26 = 84.6 % after 35/43 = 81.4 %: "▲ 3.2 pts on 2026-09", better (higher is better).
const timeliness: IndicatorResult = {
  id: 'assessment-timeliness',
  title: 'Assessments completed within 45 working days',
  kind: 'rate',
  timescale: '45 working days',
  numerator: 22,
  denominator: 26,
  value: 22 / 26,
  target: 0.9,
  direction: 'higher',
  warnings: [],
  rag: 'red',
  groups: [
    { key: HOSTILE.script, numerator: 4, denominator: 5, value: 0.8, rag: 'red' },
    // 3 records, under minCohort 5: not judged (issue 10).
    { key: HOSTILE.hyperlink, numerator: 2, denominator: 3, value: 2 / 3, rag: 'none', ragReason: 'n < 5' },
    { key: HOSTILE.sum, numerator: 8, denominator: 9, value: 8 / 9, rag: 'amber' },
    { key: HOSTILE.pipe, numerator: 8, denominator: 9, value: 8 / 9, rag: 'amber' },
  ],
  exceptions: ExceptionList.of([
    { childId: 'C00001', recordId: 'A0001', team: HOSTILE.script, worker: 'Worker 01', detail: 'completed after 52 working days' },
    { childId: 'C00002', recordId: 'A0002', team: HOSTILE.hyperlink, worker: 'Worker 02', detail: 'completed after 46 working days' },
    { childId: 'C00003', recordId: 'A0003', team: HOSTILE.hyperlink, worker: 'Worker 02', detail: 'due 16/10/2026, 11 days overdue' },
    { childId: 'C00004', recordId: 'A0004', team: undefined, worker: undefined, detail: 'completed after 61 working days' },
  ]),
  series: [
    // Target 90 %, tolerance 5 points: 75 %, 81.4 % and 84.6 % are all red.
    { period: AUGUST, numerator: 15, denominator: 20, value: 0.75, target: 0.9, rag: 'red' },
    { period: SEPTEMBER, numerator: 35, denominator: 43, value: 35 / 43, target: 0.9, rag: 'red' },
    { period: OCTOBER, numerator: 22, denominator: 26, value: 22 / 26, target: 0.9, rag: 'red' },
  ],
};

// A count where lower is better: 2 after 1 is "▲ 1 on 2026-09", worse.
const missing: IndicatorResult = {
  id: 'missing-over-5-days',
  title: 'Children missing for more than 5 days',
  kind: 'count',
  timescale: '5 days',
  numerator: 2,
  denominator: 2,
  value: 2,
  target: 0,
  direction: 'lower',
  warnings: [],
  rag: 'red',
  groups: [{ key: HOSTILE.sum, numerator: 2, denominator: 2, value: 2, rag: 'red' }],
  exceptions: ExceptionList.of([
    { childId: 'C00010', recordId: 'M0010', team: HOSTILE.sum, worker: 'Worker 03', detail: 'missing since 04/10/2026 (27 days)' },
    { childId: 'C00011', recordId: 'M0011', team: HOSTILE.sum, worker: 'Worker 04', detail: 'missing since 22/09/2026 (39 days)' },
  ]),
  series: [
    { period: AUGUST, numerator: 0, denominator: 0, value: 0, target: 0, rag: 'green' },
    { period: SEPTEMBER, numerator: 1, denominator: 1, value: 1, target: 0, rag: 'red' },
    { period: OCTOBER, numerator: 2, denominator: 2, value: 2, target: 0, rag: 'red' },
  ],
};

// An empty cohort: no value, no RAG, and a gap in the trend.
const interviews: IndicatorResult = {
  id: 'rhi-within-72h',
  title: 'Return home interviews within 72 hours',
  kind: 'rate',
  timescale: '72 hours',
  numerator: 0,
  denominator: 0,
  value: null,
  target: 0.75,
  direction: 'higher',
  warnings: [],
  rag: 'none',
  groups: [],
  exceptions: ExceptionList.of([]),
  series: [
    // 1 of 2, under minCohort 5: not judged (issue 10).
    { period: AUGUST, numerator: 1, denominator: 2, value: 0.5, target: 0.75, rag: 'none', ragReason: 'n < 5' },
    { period: SEPTEMBER, numerator: 0, denominator: 0, value: null, target: 0.75, rag: 'none' },
    { period: OCTOBER, numerator: 0, denominator: 0, value: null, target: 0.75, rag: 'none' },
  ],
};

/** What a file's account holds besides its row counts, for a file read cleanly. */
const CLEAN_FILE = { encoding: 'utf-8', headerLine: 1, cellIssues: {}, mapping: [], unusedColumns: [], notes: [], issues: [], issuesNotListed: {} };

/** A small hand-made report for October 2026 (as at 31/10/2026) with a 3-month trend, a team breakdown and hostile team names. */
export function sampleReport(): Report {
  return {
    schemaVersion: 1,
    title: 'Demo Authority',
    period: OCTOBER,
    calendar: 'england-and-wales',
    indicators: [timeliness, missing, interviews],
    notComputed: [{ id: 'visits-cla', reason: 'no visits extract' }],
    ragRules: { tolerance: 5, minCohort: 5 },
    warnings: [],
    dataQuality: {
      files: [
        { ...CLEAN_FILE, kind: 'assessments', file: 'assessments.csv', rowsRead: 30, rowsUsed: 29, rowsRejected: 1 },
        { ...CLEAN_FILE, kind: 'missing', file: 'missing.csv', rowsRead: 10, rowsUsed: 10, rowsRejected: 0 },
      ],
      unreadFiles: [],
    },
  };
}

/** The sample as run without --trend and without --by. */
export function plainReport(): Report {
  const report = sampleReport();
  return { ...report, indicators: report.indicators.map(({ series: _s, groups: _g, ...rest }) => rest) };
}

/** The sample with one indicator's result swapped for `indicator`. */
export function withIndicator(indicator: IndicatorResult): Report {
  const report = sampleReport();
  return { ...report, indicators: report.indicators.map((r) => (r.id === indicator.id ? indicator : r)) };
}

/** An indicator of the sample, to vary in a test. */
export function sampleIndicator(id: string): IndicatorResult {
  const found = sampleReport().indicators.find((r) => r.id === id);
  if (!found) throw new Error(`no ${id} in the sample report`);
  return found;
}

/** A file's account in which every text from the data is one of `names`. */
function namedFile(names: Readonly<Record<HostileName, string>>): FileQuality {
  return {
    ...CLEAN_FILE,
    kind: 'assessments',
    file: names.osc52,
    rowsRead: 2,
    rowsUsed: 1,
    rowsRejected: 1,
    mapping: [{ column: 'team', header: names.clear }],
    unusedColumns: [{ header: names.bidi, suggestion: 'team' }],
    notes: [names.csi],
    issues: [{ scope: 'row', code: 'INVALID_DATE', line: 2, column: 'start_date', value: names.nul, message: names.image }],
  };
}

/**
 * A report in which every text from the data is one of `names` (HOSTILE, or PLAIN
 * for its benign twin): title, calendar, stamp, indicator title and timescale,
 * one group, exception and warning per name, not-computed reasons and file accounts.
 */
export function namedReport(names: Readonly<Record<HostileName, string>> = HOSTILE): Report {
  const all = Object.values(names);
  const timeliness = sampleIndicator('assessment-timeliness');
  const missing = sampleIndicator('missing-over-5-days');
  const groups = all.map((key) => ({ key, numerator: 1, denominator: 2, value: 0.5, rag: 'red' as const }));
  const exceptions = all.map((name, i) => ({ childId: `C${i}`, recordId: name, team: name, worker: name, detail: name }));
  return {
    ...sampleReport(),
    title: names.image,
    generatedAt: names.osc52,
    calendar: names.link,
    groupBy: 'team',
    indicators: [
      {
        ...timeliness,
        title: names.link,
        timescale: names.clear,
        warnings: [names.bidi, names.email],
        groups,
        exceptions: ExceptionList.of(exceptions),
      },
      { ...missing, groups, exceptions: ExceptionList.of(exceptions) },
    ],
    notComputed: [{ id: 'visits-cla', reason: names.autolink }],
    warnings: [names.www, names.script],
    dataQuality: { files: [namedFile(names)], unreadFiles: [names.tab, names.newline] },
  };
}
