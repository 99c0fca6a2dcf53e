import { mapCases } from './caseRow.js';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { formatUk } from '../dates/localDate.js';
import type { ContactRecord } from '../extracts/definitions.js';
import { listedValueRate } from './listedValueRate.js';
import { settingShape } from './settingShape.js';
import type { CaseRow, IndicatorDefinition } from './types.js';
import { count } from './words.js';

const nfa = listedValueRate({
  id: 'contacts-nfa',
  title: 'Contacts with an outcome of no further action',
  direction: 'lower',
  extract: 'contacts',
  date: 'contact_date',
  column: 'outcome',
  values: ['NFA'],
  meaning: 'NFA',
});

export const contactsNfa: IndicatorDefinition = { ...nfa, definition: `${nfa.definition}; only the date part of contact_date counts`, defaultTarget: 0.2 };

// The `within` shape compares date parts only, and leaves out as pending a contact with no decision while the
// as-at date is on or before its last working day (catalogue.md "Pending"). The working days are
// `contactDecisionWorkingDays` (catalogue.md `contact-decision-1-working-day`, Jersey: 1).
const decisionTimeliness = settingShape((settings) => ({
  id: 'contact-decision-1-working-day',
  title: `Contacts decided within ${count(settings.contactDecisionWorkingDays, 'working day')}`,
  direction: 'higher',
  shape: 'within',
  extract: 'contacts',
  date: 'contact_date',
  start: 'contact_date',
  end: 'decision_date',
  within: { workingDays: settings.contactDecisionWorkingDays },
}));

/** "decision 03/11/2026, 2 working days after the contact on 30/10/2026", or "no decision by 01/09/2026, …". */
function decisionDetail(contact: Pick<ContactRecord, 'contact_date' | 'decision_date'>, workingDays: number, calendar: WorkingCalendar): string {
  const contacted = contact.contact_date.day;
  const decided = contact.decision_date?.day;
  if (decided === undefined) {
    const due = calendar.addWorkingDays(contacted, workingDays);
    return `no decision by ${formatUk(due)}, ${count(workingDays, 'working day')} after the contact on ${formatUk(contacted)}`;
  }
  if (decided === contacted) return `decision ${formatUk(decided)}, the day of the contact`;
  return `decision ${formatUk(decided)}, ${count(calendar.workingDaysBetween(contacted, decided), 'working day')} after the contact on ${formatUk(contacted)}`;
}

export const contactDecision1WorkingDay: IndicatorDefinition = {
  ...decisionTimeliness,
  definition: `${decisionTimeliness.definition} (the working days contactDecisionWorkingDays sets); only the date parts count. No target`,
  cases: (input) =>
    mapCases(decisionTimeliness.cases(input), (row): CaseRow => ({ ...row, detail: decisionDetail(row.record as Pick<ContactRecord, 'contact_date' | 'decision_date'>, input.settings.contactDecisionWorkingDays, input.calendar) })),
};
