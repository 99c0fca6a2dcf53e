import { formatUk, type DayNumber } from '../dates/localDate.js';
import { caseOf } from './caseRow.js';
import { byChild } from './byChild.js';
import type { HealthRecord } from '../extracts/definitions.js';
import { daysIn, labelsIn, type RecordList } from '../extracts/recordList.js';
import { memoised } from '../memoised.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import type { IndicatorDefinition } from './types.js';
import { count } from './words.js';

/** Each child's IHA completion days (review health assessments never meet an IHA's timescale): built once per health extract, a trend asks once a period. */
const ihaDaysByChild = memoised((health: RecordList<HealthRecord>) => byChild(health, (assessment) => (assessment.assessment_type === 'IHA' ? assessment.completed_date : undefined)));

/** The earliest of the days from `start` to `due`, if any. */
function firstBetween(days: readonly DayNumber[], start: DayNumber, due: DayNumber): DayNumber | undefined {
  let first: DayNumber | undefined;
  for (const day of days) if (day >= start && day <= due && (first === undefined || day < first)) first = day;
  return first;
}

// The working days are `ihaWorkingDays` (catalogue.md `iha-20-working-days`, WS 64: 20).
export const iha20WorkingDays: IndicatorDefinition = {
  id: 'iha-20-working-days',
  title: (s) => `Initial health assessments within ${count(s.ihaWorkingDays, 'working day')} of coming into care`,
  definition: `CLA plans falling due in the period, the working days ihaWorkingDays sets (${DEFAULT_SETTINGS.ihaWorkingDays} by default) after their start (one row per plan); counted when the child has an IHA completed from the plan's start to the due day. An RHA, or an IHA before the start (an earlier episode's), never counts; none is pending`,
  kind: 'rate',
  direction: 'higher',
  defaultTarget: 0.75,
  timescale: (s) => count(s.ihaWorkingDays, 'working day'),
  reads: { plans: [], health: [] },
  subject: 'plans',
  *cases({ data, period, calendar, settings }) {
    const plans = data.plans!;
    const ihas = ihaDaysByChild(data.health!.records);
    const typeOf = labelsIn(plans.records, 'plan_type');
    const starts = daysIn(plans.records, 'start_date');
    for (let i = 0; i < plans.records.length; i++) {
      // The due day is after the start, so a plan starting after the period cannot be due in it.
      const start = starts(i)! as DayNumber;
      if (typeOf(i) !== 'CLA' || start > period.to) continue;
      const due = calendar.addWorkingDays(start, settings.ihaWorkingDays);
      if (due < period.from || due > period.to) continue;
      const plan = plans.records.at(i)!;
      // No pending (catalogue.md "IHA"): a plan due in the period with no IHA in the data is not met.
      const iha = firstBetween(ihas.get(plan.child_id) ?? [], plan.start_date, due);
      const since = `(CLA from ${formatUk(plan.start_date)})`;
      yield caseOf(plans, plan, iha !== undefined, iha === undefined ? `no IHA by ${formatUk(due)} ${since}` : `IHA ${formatUk(iha)}, due by ${formatUk(due)} ${since}`);
    }
  },
};
