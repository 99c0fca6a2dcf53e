import type { AssessmentRecord, PlanRecord } from '../extracts/definitions.js';
import type { ExtractData } from '../extracts/extractParser.js';
import { byCodePoint } from '../textOrder.js';
import { recordIdOf } from './caseRow.js';
import { openBetween } from './openPlans.js';
import { daysIn, labelNumbersIn, labelsIn, type DayReader, type LabelReader, type RecordList } from '../extracts/recordList.js';
import { TextIndex } from '../extracts/textIndex.js';
import { memoised } from '../memoised.js';
import type { IndicatorDefinition } from './types.js';
import { count } from './words.js';
import { isOpenAssessment } from './assessments.js';

/** The columns of one extract a caseload reads, by record index: no record is made but the one that gives a worker's team. */
interface CaseColumns {
  readonly extract: ExtractData<'plans'> | ExtractData<'assessments'>;
  readonly start: DayReader;
  readonly team: LabelReader;
}

/** A plan or an assessment open on the as-at date: its extract's columns and its index. */
interface OpenCase {
  readonly columns: CaseColumns;
  readonly index: number;
}

function recordOf({ columns, index }: OpenCase): PlanRecord | AssessmentRecord {
  return columns.extract.records.at(index)!;
}

function idOf(open: OpenCase): string {
  const { extract } = open.columns;
  return extract.kind === 'plans' ? recordIdOf(extract, recordOf(open) as PlanRecord) : recordIdOf(extract, recordOf(open) as AssessmentRecord);
}

/**
 * Whether record `index` of `columns` gives a worker's team rather than
 * case `b`: the latest start; ties go to the team name first in code-point
 * order (blank last), then to the record's id, so row order never decides.
 */
function givesTeam(columns: CaseColumns, index: number, b: OpenCase): boolean {
  const byStart = columns.start(index)! - b.columns.start(b.index)!;
  if (byStart !== 0) return byStart > 0;
  return (byCodePoint(b.columns.team(b.index), columns.team(index)) || byCodePoint(idOf(b), idOf({ columns, index }))) > 0;
}

/**
 * The workers of both extracts' worker columns in one numbering, by name
 * trimmed (-1: blank), so a loop over both extracts compares numbers. Built
 * once per pair of columns: a trend's periods share it.
 */
class WorkerNumbers {
  readonly names: string[] = [];
  readonly numbers: readonly [Int32Array, Int32Array];

  constructor(plans: readonly string[], assessments: readonly string[]) {
    const index = new TextIndex(this.names);
    const numbered = (texts: readonly string[]) =>
      Int32Array.from(texts, (text) => {
        // Names compared exactly after trimming: "Worker 01" and "worker 01" are two workers; a blank worker makes no case.
        const name = text.trim();
        return name === '' ? -1 : index.numberOf(name);
      });
    this.numbers = [numbered(plans), numbered(assessments)];
  }
}

const workerNumbers = memoised((plans: readonly string[]) => memoised((assessments: readonly string[]) => new WorkerNumbers(plans, assessments)));

/**
 * Each assessments child's number among both extracts' children: its number
 * in the plans' child ID column when it has a plan, else one after all of
 * those. Only the assessments' column is numbered anew (and no text kept):
 * a child with a plan and an assessment under one worker is one child.
 */
const assessmentChildren = memoised((plans: readonly string[]) =>
  memoised((assessments: readonly string[]) => {
    const inPlans = new TextIndex([...plans]);
    return Int32Array.from(assessments, (childId, n) => {
      const p = inPlans.find(childId);
      return p === -1 ? plans.length + n : p;
    });
  }),
);

/** The workers with an open case on the day, in order of their first, each with its distinct children and the case that gives its team. */
interface Caseloads {
  readonly workers: readonly string[];
  readonly children: ReadonlyMap<number, number>;
  readonly teamCases: ReadonlyMap<number, OpenCase>;
}

/** The open cases of both extracts (`isOpen` of each extract's start and end) by worker. */
function caseloadsOn(extracts: readonly [ExtractData<'plans'>, ExtractData<'assessments'>], ends: readonly [string, string], isOpen: readonly ((start: number, end: number | undefined) => boolean)[]): Caseloads {
  const records = extracts.map((extract) => extract.records as RecordList<unknown>);
  const workerLabels = records.map((list) => labelNumbersIn(list, 'worker'));
  const childLabels = records.map((list) => labelNumbersIn(list, 'child_id'));
  const workers = workerNumbers(workerLabels[0]!.texts)(workerLabels[1]!.texts);
  const ofAssessments = assessmentChildren(childLabels[0]!.texts)(childLabels[1]!.texts);
  const children = childLabels[0]!.texts.length + childLabels[1]!.texts.length;
  const teamCases = new Map<number, OpenCase>();
  // A (worker, child) pair as one number: sorted, a worker's children are a run, each child once.
  const pairs: number[] = [];
  extracts.forEach((extract, e) => {
    const list = records[e]!;
    const columns: CaseColumns = { extract, start: daysIn(list, 'start_date'), team: labelsIn(list, 'team') };
    const endOf = daysIn(list, ends[e]!);
    const workerOf = workers.numbers[e]!;
    const childOf = (label: number) => (e === 0 ? label : ofAssessments[label]!);
    for (let index = 0; index < list.length; index++) {
      const worker = workerOf[workerLabels[e]!.numberOf(index)]!;
      if (worker === -1 || !isOpen[e]!(columns.start(index)!, endOf(index))) continue;
      pairs.push(worker * children + childOf(childLabels[e]!.numberOf(index)));
      const teamCase = teamCases.get(worker);
      if (teamCase === undefined || givesTeam(columns, index, teamCase)) teamCases.set(worker, { columns, index });
    }
  });
  const counts = new Map<number, number>();
  const sorted = Float64Array.from(pairs).sort();
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    const worker = Math.floor(sorted[i]! / children);
    counts.set(worker, (counts.get(worker) ?? 0) + 1);
  }
  return { workers: workers.names, children: counts, teamCases };
}

export const caseload18OrLess: IndicatorDefinition = {
  id: 'caseload-18-or-less',
  title: (s) => `Workers with ${s.caseloadMaxChildren} or fewer children`,
  definition:
    'workers named on at least one open case on the as-at date (a child with an open plan of any type, or an open assessment, with that worker); met when the worker has no more than the set number of distinct children',
  kind: 'rate',
  direction: 'higher',
  defaultTarget: 0.85,
  timescale: (s) => `${s.caseloadMaxChildren} or fewer children`,
  // Both extracts make a caseload: without the assessments, caseloads would be undercounted and the figure flattered.
  reads: { plans: ['worker', 'end_date'], assessments: ['worker', 'completed_date'] },
  subject: 'plans',
  rowsAre: 'workers',
  *cases({ data, period, settings }) {
    const asAt = period.asAt;
    const { workers, children, teamCases } = caseloadsOn(
      [data.plans!, data.assessments!],
      ['end_date', 'completed_date'],
      // Open as in assessment-open-overdue: started on or before the as-at date, not completed by it.
      [(start, end) => openBetween(start, end, asAt), (start, done) => isOpenAssessment(start, done, asAt)],
    );
    // A Map keeps the order the workers were first met in (plans, then assessments).
    for (const [number, teamCase] of teamCases) {
      const worker = workers[number]!;
      const load = children.get(number)!;
      const { extract } = teamCase.columns;
      const record = recordOf(teamCase);
      // A row is a worker, not a child: the worker is the record it is about, and it has no one
      // child (a worker's name in the child column would be read, and pseudonymised, as a child ID).
      yield {
        childId: '',
        recordId: worker,
        team: record.team,
        worker,
        counted: load <= settings.caseloadMaxChildren,
        detail: count(load, 'child', 'children'),
        // The case that gave the team, so the row can still be traced to a record.
        source: { kind: extract.kind, file: record.file ?? extract.file, line: record.line },
      };
    }
  },
};
