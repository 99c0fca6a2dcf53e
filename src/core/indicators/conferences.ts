import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { formatUk } from '../dates/localDate.js';
import type { EnquiryRecord } from '../extracts/definitions.js';
import { shapeIndicator } from './shapes.js';
import type { CaseRow, IndicatorDefinition } from './types.js';
import { count } from './words.js';

/** Working days from the strategy discussion to the initial child protection conference (catalogue.md `icpc-15-working-days`, Working Together). */
export const ICPC_WORKING_DAYS = 15;

// Cohort and measure are the `within` shape's: icpc_date in the period, and never blank there, so nothing is pending.
const icpcTimeliness = shapeIndicator({
  id: 'icpc-15-working-days',
  title: `Initial child protection conferences within ${ICPC_WORKING_DAYS} working days of the strategy discussion`,
  direction: 'higher',
  shape: 'within',
  extract: 'enquiries',
  date: 'icpc_date',
  start: 's47_start',
  end: 'icpc_date',
  within: { workingDays: ICPC_WORKING_DAYS },
});

/** The two dates an ICPC's timeliness is read from. */
type IcpcDates = Pick<EnquiryRecord, 's47_start' | 'icpc_date'>;

/** "ICPC 22/10/2026, 16 working days after the strategy discussion 30/09/2026 (due by 21/10/2026)". */
function icpcDetail(enquiry: IcpcDates, counted: boolean, calendar: WorkingCalendar): string {
  const start = enquiry.s47_start;
  const icpc = enquiry.icpc_date!;
  const after = icpc === start ? 'on the day of' : `${count(calendar.workingDaysBetween(start, icpc), 'working day')} after`;
  const due = counted ? '' : ` (due by ${formatUk(calendar.addWorkingDays(start, ICPC_WORKING_DAYS))})`;
  return `ICPC ${formatUk(icpc)}, ${after} the strategy discussion ${formatUk(start)}${due}`;
}

export const icpc15WorkingDays: IndicatorDefinition = {
  ...icpcTimeliness,
  definition: `section 47 enquiries with icpc_date in the period (those with no ICPC, such as icpc_not_required, are left out); counted when the ICPC is no later than ${ICPC_WORKING_DAYS} working days after s47_start (the strategy discussion), the same day included. No target; England 2024/25: 81.4 %`,
  cases: (input) =>
    icpcTimeliness.cases(input).map((row): CaseRow => ({ ...row, detail: icpcDetail(row.record as IcpcDates, row.counted, input.calendar) })),
};
