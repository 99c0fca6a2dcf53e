import type { AssessmentRecord, PlanRecord } from '../extracts/definitions.js';
import type { ExtractData } from '../extracts/extractParser.js';
import { byCodePoint } from '../textOrder.js';
import { recordIdOf } from './caseRow.js';
import { openBetween } from './openPlans.js';
import { daysIn, labelsIn, type DayReader, type LabelReader, type RecordList } from '../extracts/recordList.js';
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

/** A worker's distinct children and the case that gives their team. */
interface Caseload {
  readonly children: Set<string>;
  teamCase: OpenCase;
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

/** Adds the extract's records open on the day (`isOpen` of their start and end) to their workers' caseloads; a blank worker makes no case. */
function addOpenCases(caseloads: Map<string, Caseload>, extract: CaseColumns['extract'], end: string, isOpen: (start: number, end: number | undefined) => boolean): void {
  const records = extract.records as RecordList<unknown>;
  const columns: CaseColumns = { extract, start: daysIn(records, 'start_date'), team: labelsIn(records, 'team') };
  const ends = daysIn(records, end);
  const workers = labelsIn(records, 'worker');
  const children = labelsIn(records, 'child_id');
  for (let index = 0; index < records.length; index++) {
    if (!isOpen(columns.start(index)!, ends(index))) continue;
    // Names compared exactly after trimming: "Worker 01" and "worker 01" are two workers.
    const worker = workers(index)?.trim();
    if (worker === undefined || worker === '') continue;
    const load = caseloads.get(worker);
    if (load === undefined) caseloads.set(worker, { children: new Set([children(index)!]), teamCase: { columns, index } });
    else {
      // A Set: a child with a plan and an assessment, or two plans, under one worker is one child.
      load.children.add(children(index)!);
      if (givesTeam(columns, index, load.teamCase)) load.teamCase = { columns, index };
    }
  }
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
    const caseloads = new Map<string, Caseload>();
    addOpenCases(caseloads, data.plans!, 'end_date', (start, end) => openBetween(start, end, asAt));
    // Open as in assessment-open-overdue: started on or before the as-at date, not completed by it.
    addOpenCases(caseloads, data.assessments!, 'completed_date', (start, done) => isOpenAssessment(start, done, asAt));
    for (const [worker, load] of caseloads) {
      const children = load.children.size;
      const { extract } = load.teamCase.columns;
      const record = recordOf(load.teamCase);
      // A row is a worker, not a child: the worker is the record it is about, and it has no one
      // child (a worker's name in the child column would be read, and pseudonymised, as a child ID).
      yield {
        childId: '',
        recordId: worker,
        team: record.team,
        worker,
        counted: children <= settings.caseloadMaxChildren,
        detail: count(children, 'child', 'children'),
        // The case that gave the team, so the row can still be traced to a record.
        source: { kind: extract.kind, file: record.file ?? extract.file, line: record.line },
      };
    }
  },
};
