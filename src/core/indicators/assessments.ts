import { formatUk, type DayNumber } from '../dates/localDate.js';
import type { AssessmentRecord } from '../extracts/definitions.js';
import { caseOf } from './caseRow.js';
import { count } from './words.js';
import { shapeIndicator } from './shapes.js';
import type { CaseRow, IndicatorDefinition, IndicatorInput } from './types.js';
import { recordsDatedIn, recordsWhereDays, type RecordList } from '../extracts/recordList.js';

/** The assessment clock starts at the referral, else at the assessment's start. */
function clockStart(a: AssessmentRecord): DayNumber {
  return a.referral_date ?? a.start_date;
}

/** Whether an assessment started on `start` and completed on `done` (undefined: not completed) is open on `day`: started on or before it, not completed by it. */
export function isOpenAssessment(start: number, done: number | undefined, day: number): boolean {
  return start <= day && (done === undefined || done > day);
}

/** Assessments open on the as-at date (`isOpenAssessment`). */
export function openAssessments(assessments: RecordList<AssessmentRecord>, asAt: DayNumber): Iterable<AssessmentRecord> {
  return recordsWhereDays(assessments, ['start_date', 'completed_date'], ([start, done]) => isOpenAssessment(start!, done, asAt));
}

/** The cohort of every rate here: assessments completed in the period. */
function* completedInPeriod(input: IndicatorInput, measure: (a: AssessmentRecord) => { met: boolean; detail: string }): Generator<CaseRow> {
  const extract = input.data.assessments!;
  for (const a of recordsDatedIn(extract.records, 'completed_date', input.period.from, input.period.to)) {
    const { met, detail } = measure(a);
    yield caseOf(extract, a, met, detail);
  }
}

const COMPLETED_COHORT = 'assessments with completed_date in the period';

export const assessmentTimeliness: IndicatorDefinition = {
  id: 'assessment-timeliness',
  title: (s) => `Assessments completed within ${count(s.assessmentWorkingDays, 'working day')}`,
  definition: `${COMPLETED_COHORT}; met when the working days from the clock start (referral_date, else start_date) to completed_date are within the timescale`,
  kind: 'rate',
  direction: 'higher',
  defaultTarget: 0.9,
  timescale: (s) => `${s.assessmentWorkingDays} working days`,
  reads: { assessments: ['completed_date'] },
  subject: 'assessments',
  cases: (input) =>
    completedInPeriod(input, (a) => {
      const days = input.calendar.workingDaysBetween(clockStart(a), a.completed_date!);
      return { met: days <= input.settings.assessmentWorkingDays, detail: `completed after ${count(days, 'working day')}` };
    }),
};

export const assessmentOpenOverdue: IndicatorDefinition = {
  id: 'assessment-open-overdue',
  title: (s) => `Open assessments past ${count(s.assessmentWorkingDays, 'working day')}`,
  definition: 'assessments open on the as-at date (started on or before it, not completed by it) whose clock has run past the timescale',
  kind: 'count',
  direction: 'lower',
  defaultTarget: 0,
  timescale: (s) => `${s.assessmentWorkingDays} working days`,
  reads: { assessments: ['completed_date'] },
  subject: 'assessments',
  *cases({ data, period, settings, calendar }) {
    const extract = data.assessments!;
    for (const a of openAssessments(extract.records, period.asAt)) {
      const days = calendar.workingDaysBetween(clockStart(a), period.asAt);
      if (days > settings.assessmentWorkingDays) {
        yield caseOf(extract, a, false, `open ${count(days, 'working day')} (clock started ${formatUk(clockStart(a))})`);
      }
    }
  },
};

type AssessmentFlag = 'child_seen' | 'child_seen_alone' | 'child_voice_recorded';

/**
 * A rate over completed assessments whose measure is one flag being yes
 * (blank counts as not met): the declarative `flag` shape, as an authority
 * would write it in its config.
 */
function flagIndicator(id: string, title: string, column: AssessmentFlag, defaultTarget: number, what: string): IndicatorDefinition {
  const shape = shapeIndicator({ id, title, direction: 'higher', shape: 'flag', extract: 'assessments', date: 'completed_date', flag: column, label: what });
  return {
    ...shape,
    definition: `${COMPLETED_COHORT}; met when ${column} = yes (blank counts as not met)`,
    defaultTarget,
    timescale: () => 'during the assessment',
  };
}

export const assessmentChildSeen = flagIndicator('assessment-child-seen', 'Child seen during assessment', 'child_seen', 0.95, 'child seen');
export const assessmentSeenAlone = flagIndicator('assessment-seen-alone', 'Child seen alone during assessment', 'child_seen_alone', 0.7, 'child seen alone');
export const assessmentVoiceRecorded = flagIndicator('assessment-voice-recorded', "Child's voice recorded in assessment", 'child_voice_recorded', 1, "child's voice recorded");
