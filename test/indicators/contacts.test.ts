// contacts-nfa and contact-decision-1-working-day (catalogue.md "New extracts and their indicators",
// "Terms added" -> Pending, "Edges, pinned" -> Contacts, "Within N working days of a", "Groups").
// Cohort: contacts whose contact_date, its date part only (UK local time), is in the period.
// contacts-nfa counts outcome NFA in any case, trimmed (lower is better, 20 %: 25 % or less amber).
// contact-decision-1-working-day counts a decision on or before the 1st working day after the
// contact's day; with no decision the contact is pending while the as-at date is on or before that
// day, else not counted. No target (RAG none). England and Wales calendar: Mon 31/08/2026 is the
// summer bank holiday; the clocks go back at 02:00 BST on Sun 25/10/2026.
//
// fixtures/indicators/contacts/contacts.csv
// line child   team  contact (local)      decision          outcome     1st working day after   decision judged
//  2   C00001  A     Fri 28/08 23:59      Tue 01/09 09:00   REFERRAL    Tue 01/09 (31/08 holiday) met, 1 working day
//  3   C00002  A     Fri 28/08 23:59 (UK) Wed 02/09 10:30   NFA         Tue 01/09                not met, 2 working days
//  4   C00003  B     Fri 28/08 23:59      -                 -           Tue 01/09                pending while as-at <= 01/09
//  5   C00004  B     Mon 03/08 10:00      Mon 03/08 15:00   nfa         Tue 04/08                met, the same day
//  6   C00005  B     Thu 13/08            Mon 17/08         EH          Fri 14/08                not met, 2 working days
//  7   C00006  A     Thu 20/08 11:00      -                 -           Fri 21/08                not met (as-at 31/08 is after 21/08)
//  8   C00007  A     Fri 31/07 16:00      Mon 03/08         EH          -                        July: out of August
//  9   C00008  A     Thu 01/10 00:15 BST  Thu 01/10 11:00   NFA         Fri 02/10                met, the same day (30/09 23:15 in UTC: still October)
// 10   C00009  A     Sun 25/10 01:30      Mon 26/10 09:00   nfa         Mon 26/10                met (the clock-change day)
// 11   C00010  B     Fri 30/10 17:00 GMT  Tue 03/11 09:00   " NFA "     Mon 02/11                not met, 2 working days
// 12   C00011  B     Sat 31/10 23:59 GMT  Mon 02/11 10:00   REFERRAL    Mon 02/11                met (the period's last day: in)
// 13   C00012  A     Thu 15/10            Thu 15/10         EH          Fri 16/10                met, the same day
// 14   C00013  B     Tue 20/10 14:00      Wed 21/10 16:00   Early help  Wed 21/10                met
// 15   C00001  A     Sun 01/11 00:30 GMT  Mon 02/11         NFA         -                        November: out of October
// 16   C00014  B     Wed 30/09 23:30 BST  Thu 01/10         NFA         -                        September: out of October
//
// August 2026 (as-at 31/08): decision cohort 2, 3, 5, 6, 7 (4 pending); met 2, 5 = 2 of 5 = 40 %,
//   Team A 1 of 3 (2; not 3, 7), Team B 1 of 2 (5; not 6). As at 01/09, 4 is still pending; as at
//   02/09 it is not met: 2 of 6. NFA: lines 2-7, counted 3 (NFA) and 5 (nfa) = 2 of 6.
// October 2026 (as-at 31/10): lines 9-14. NFA counted 9 (NFA), 10 (nfa), 11 (" NFA ") = 3 of 6 = 50 %,
//   red against 20 %; Team A 2 of 3 (9, 10; not 13), Team B 1 of 3 (11; not 12, 14). Decision: all
//   met but 11 = 5 of 6, Team A 3 of 3, Team B 2 of 3.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { contactDecision1WorkingDay, contactsNfa } from '../../src/core/indicators/contacts.js';
import type { IndicatorDefinition } from '../../src/core/indicators/types.js';
import { parsePeriod, withAsAt, type Period } from '../../src/core/period.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { casesOf, day, figure, loadScenario, reportOf, resultOf } from './helpers.js';

const august = parsePeriod('2026-08');
const october = parsePeriod('2026-10');
let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('contacts');
});

/** Each case row as [line, counted, detail], in file order. */
function lines(indicator: IndicatorDefinition, period: Period): [number, boolean, string][] {
  return casesOf(indicator, data, period).map((row) => [row.source.line, row.counted, row.detail]);
}

/** The figure, by-team groups and exceptions (record ids, sorted) of an indicator in a report. */
function byTeam(id: string, period: Period) {
  const result = resultOf(reportOf(data, period, { by: 'team' }), id);
  return { figure: figure(result), groups: result.groups!.map((g) => [g.key, g.numerator, g.denominator]), exceptions: result.exceptions.map((e) => e.recordId).sort() };
}

describe('contacts-nfa', () => {
  it('counts NFA in any case and with spaces around it; other outcomes and blanks are not NFA', () => {
    expect(lines(contactsNfa, october)).toEqual([
      [9, true, 'outcome NFA: NFA'],
      [10, true, 'outcome nfa: NFA'],
      [11, true, 'outcome NFA: NFA'],
      [12, false, 'outcome REFERRAL: not NFA'],
      [13, false, 'outcome EH: not NFA'],
      [14, false, 'outcome Early help: not NFA'],
    ]);
    expect(lines(contactsNfa, august).map(([line, counted]) => [line, counted])).toEqual([[2, false], [3, true], [4, false], [5, true], [6, false], [7, false]]);
    expect(lines(contactsNfa, august)[2]).toEqual([4, false, 'outcome not recorded: not NFA']);
  });

  it('puts a contact in the period by the date part of its UK local time, BST or GMT', () => {
    // 00:15 BST on 01/10 (30/09 in UTC) and 23:59 GMT on 31/10 are October; 23:30 BST on 30/09 is September; 00:30 GMT on 01/11 is November.
    expect(lines(contactsNfa, parsePeriod('2026-09')).map(([line]) => line)).toEqual([16]);
    expect(lines(contactsNfa, parsePeriod('2026-11')).map(([line]) => line)).toEqual([15]);
  });

  it('in a report: 3 of 6, red against 20 % (lower is better); Team A 2 of 3, Team B 1 of 3; the NFA contacts are the exceptions', () => {
    expect(byTeam('contacts-nfa', october)).toEqual({
      figure: { numerator: 3, denominator: 6, value: 0.5, rag: 'red' },
      groups: [['Team A', 2, 3], ['Team B', 1, 3]],
      exceptions: ['contacts.csv:10', 'contacts.csv:11', 'contacts.csv:9'],
    });
    expect([contactsNfa.direction, contactsNfa.defaultTarget]).toEqual(['lower', 0.2]);
  });
});

describe('contact-decision-1-working-day', () => {
  it('counts the first working day after a Friday-night contact across a bank holiday Monday, not the second', () => {
    expect(lines(contactDecision1WorkingDay, august)).toEqual([
      [2, true, 'decision 01/09/2026, 1 working day after the contact on 28/08/2026'],
      [3, false, 'decision 02/09/2026, 2 working days after the contact on 28/08/2026'],
      [5, true, 'decision 03/08/2026, the day of the contact'],
      [6, false, 'decision 17/08/2026, 2 working days after the contact on 13/08/2026'],
      [7, false, 'no decision by 21/08/2026, 1 working day after the contact on 20/08/2026'],
    ]);
  });

  it('leaves an undecided contact out while the as-at date is on or before its first working day after', () => {
    const line4 = (asAt: string) => lines(contactDecision1WorkingDay, withAsAt(august, day(asAt))).find(([line]) => line === 4);
    expect(line4('2026-09-01')).toBeUndefined();
    expect(line4('2026-09-02')).toEqual([4, false, 'no decision by 01/09/2026, 1 working day after the contact on 28/08/2026']);
  });

  it('judges October by date parts: the clock-change Sunday, the last day, a decision after the as-at date', () => {
    expect(lines(contactDecision1WorkingDay, october)).toEqual([
      [9, true, 'decision 01/10/2026, the day of the contact'],
      [10, true, 'decision 26/10/2026, 1 working day after the contact on 25/10/2026'],
      [11, false, 'decision 03/11/2026, 2 working days after the contact on 30/10/2026'],
      [12, true, 'decision 02/11/2026, 1 working day after the contact on 31/10/2026'],
      [13, true, 'decision 15/10/2026, the day of the contact'],
      [14, true, 'decision 21/10/2026, 1 working day after the contact on 20/10/2026'],
    ]);
  });

  it('in a report: August 2 of 5 with no target (RAG none); Team A 1 of 3, Team B 1 of 2', () => {
    expect(byTeam('contact-decision-1-working-day', august)).toEqual({
      figure: { numerator: 2, denominator: 5, value: 0.4, rag: 'none' },
      groups: [['Team A', 1, 3], ['Team B', 1, 2]],
      exceptions: ['contacts.csv:3', 'contacts.csv:6', 'contacts.csv:7'],
    });
    expect(figure(resultOf(reportOf(data, october), 'contact-decision-1-working-day'))).toEqual({ numerator: 5, denominator: 6, value: 5 / 6, rag: 'none' });
  });

  it('follows contactDecisionWorkingDays: at 2, August is 4 of 5 (3 and 6 met on the 2nd working day, 4 still pending, 7 not met)', () => {
    const settings = { ...DEFAULT_SETTINGS, contactDecisionWorkingDays: 2 };
    // Line 4 (Fri 28/08, no decision) is due Wed 02/09, after the as-at date 31/08: pending. Line 7 (Thu 20/08) was due Mon 24/08.
    expect(casesOf(contactDecision1WorkingDay, data, august, settings).map((row) => [row.source.line, row.counted])).toEqual([[2, true], [3, true], [5, true], [6, true], [7, false]]);
    expect(casesOf(contactDecision1WorkingDay, data, august, settings)[4]!.detail).toBe('no decision by 24/08/2026, 2 working days after the contact on 20/08/2026');
    expect(figure(resultOf(reportOf(data, august, { settings }), 'contact-decision-1-working-day'))).toEqual({ numerator: 4, denominator: 5, value: 0.8, rag: 'none' });
    expect(contactDecision1WorkingDay.title(settings)).toBe('Contacts decided within 2 working days');
    expect(contactDecision1WorkingDay.timescale(settings)).toBe('2 working days');
  });
});
