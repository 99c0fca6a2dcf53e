import type { AssessmentRecord, PlanRecord } from '../extracts/definitions.js';
import type { ExtractData } from '../extracts/extractParser.js';
import { byCodePoint } from '../textOrder.js';
import { recordIdOf } from './caseRow.js';
import { isOpenOn } from './openPlans.js';
import type { IndicatorDefinition } from './types.js';
import { count } from './words.js';
import { openAssessments } from './assessments.js';

/** A plan or an assessment open on the as-at date, and the extract it was read from. */
interface OpenCase {
  readonly extract: ExtractData<'plans'> | ExtractData<'assessments'>;
  readonly record: PlanRecord | AssessmentRecord;
}

/** A worker's distinct children and the case that gives their team. */
interface Caseload {
  readonly children: Set<string>;
  teamCase: OpenCase;
}

function idOf({ extract, record }: OpenCase): string {
  return extract.kind === 'plans' ? recordIdOf(extract, record as PlanRecord) : recordIdOf(extract, record as AssessmentRecord);
}

/**
 * The case that gives a worker's team: the latest start; ties go to the team
 * name first in code-point order (blank last), then to the record's id, so
 * row order never decides.
 */
function givesTeam(a: OpenCase, b: OpenCase): boolean {
  return (a.record.start_date - b.record.start_date || byCodePoint(b.record.team, a.record.team) || byCodePoint(idOf(b), idOf(a))) > 0;
}

/** Adds one open record to its worker's caseload; a blank worker makes no case. */
function addCase(caseloads: Map<string, Caseload>, open: OpenCase): void {
  // Names compared exactly after trimming: "Worker 01" and "worker 01" are two workers.
  const worker = open.record.worker?.trim();
  if (worker === undefined || worker === '') return;
  const load = caseloads.get(worker);
  if (load === undefined) caseloads.set(worker, { children: new Set([open.record.child_id]), teamCase: open });
  else {
    // A Set: a child with a plan and an assessment, or two plans, under one worker is one child.
    load.children.add(open.record.child_id);
    if (givesTeam(open, load.teamCase)) load.teamCase = open;
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
    const plans = data.plans!;
    for (const plan of plans.records) if (isOpenOn(plan, asAt)) addCase(caseloads, { extract: plans, record: plan });
    // Open as in assessment-open-overdue: started on or before the as-at date, not completed by it.
    const assessments = data.assessments!;
    for (const a of openAssessments(assessments.records, asAt)) addCase(caseloads, { extract: assessments, record: a });
    for (const [worker, load] of caseloads) {
      const children = load.children.size;
      const { extract, record } = load.teamCase;
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
