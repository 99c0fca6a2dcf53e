import { mapCases } from './caseRow.js';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { formatUk } from '../dates/localDate.js';
import type { EnquiryRecord } from '../extracts/definitions.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { settingShape } from './settingShape.js';
import type { CaseRow, IndicatorDefinition } from './types.js';
import { count } from './words.js';

// Cohort and measure are the `within` shape's: icpc_date in the period, and never blank there, so nothing is pending.
// The working days are `icpcWorkingDays` (catalogue.md `icpc-15-working-days`, Working Together: 15).
const icpcTimeliness = settingShape((settings) => ({
  id: 'icpc-15-working-days',
  title: `Initial child protection conferences within ${count(settings.icpcWorkingDays, 'working day')} of the strategy discussion`,
  direction: 'higher',
  shape: 'within',
  extract: 'enquiries',
  date: 'icpc_date',
  start: 's47_start',
  end: 'icpc_date',
  within: { workingDays: settings.icpcWorkingDays },
}));

/** The two dates an ICPC's timeliness is read from. */
type IcpcDates = Pick<EnquiryRecord, 's47_start' | 'icpc_date'>;

/** "ICPC 22/10/2026, 16 working days after the strategy discussion 30/09/2026 (due by 21/10/2026)". */
function icpcDetail(enquiry: IcpcDates, counted: boolean, workingDays: number, calendar: WorkingCalendar): string {
  const start = enquiry.s47_start;
  const icpc = enquiry.icpc_date!;
  const after = icpc === start ? 'on the day of' : `${count(calendar.workingDaysBetween(start, icpc), 'working day')} after`;
  const due = counted ? '' : ` (due by ${formatUk(calendar.addWorkingDays(start, workingDays))})`;
  return `ICPC ${formatUk(icpc)}, ${after} the strategy discussion ${formatUk(start)}${due}`;
}

export const icpc15WorkingDays: IndicatorDefinition = {
  ...icpcTimeliness,
  definition: `section 47 enquiries with icpc_date in the period (those with no ICPC, such as icpc_not_required, are left out); counted when the ICPC is no later than the working days icpcWorkingDays sets (${DEFAULT_SETTINGS.icpcWorkingDays} by default) after s47_start (the strategy discussion), the same day included. No target; England 2024/25: 81.4 %`,
  cases: (input) =>
    mapCases(icpcTimeliness.cases(input), (row): CaseRow => ({ ...row, detail: icpcDetail(row.record as IcpcDates, row.counted, input.settings.icpcWorkingDays, input.calendar) })),
};
