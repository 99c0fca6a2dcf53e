// icpc-15-working-days (catalogue.md "New extracts", "Edges, pinned" → ICPC).
// Cohort: enquiries with icpc_date in the period (a "not required" enquiry has
// none, so is left out). Counted: icpc_date on or before the 15th working day
// after s47_start; an ICPC on the s47 start day itself is met. Target none.
// Hand-worked from fixtures/indicators/conferences/enquiries.csv, England and
// Wales calendar (Monday 31/08/2026 is the summer bank holiday):
//
// enquiry child   team    s47 start       ICPC            working days
// E001    C00001  Team A  Fri 21/08/2026  Mon 14/09/2026  24-28/08 = 1-5, 31/08 holiday, 01-04/09 = 6-9, 07-11/09 = 10-14, 14/09 = 15: met
// E002    C00002  Team A  Fri 21/08/2026  Tue 15/09/2026  16: not met (due by 14/09)
// E003    C00003  Team B  Thu 10/09/2026  Thu 10/09/2026  the same day: met
// E004    C00004  Team B  Tue 01/09/2026  -               icpc_not_required, no ICPC: left out
// E005    C00005  Team B  Thu 03/09/2026  Fri 18/09/2026  04/09 = 1, 07-11 = 2-6, 14-18 = 7-11: met
// E006    C00001  Team A  Mon 07/09/2026  Fri 25/09/2026  08-11 = 1-4, 14-18 = 5-9, 21-25 = 10-14: met
// E007    C00007  Team A  Wed 30/09/2026  Thu 22/10/2026  October: 01-02/10 = 1-2, 05-09 = 3-7, 12-16 = 8-12, 19-21 = 13-15, 22/10 = 16
// E008    C00008  Team B  Tue 25/08/2026  Thu 01/10/2026  October: 26-28/08 = 1-3, 01-04/09 = 4-7, 07-11 = 8-12, 14-16 = 13-15 (due by 16/09),
//                                                         17-18 = 16-17, 21-25 = 18-22, 28-30 = 23-25, 01/10 = 26
//
// September 2026: E001, E002, E003, E005, E006; counted E001, E003, E005, E006 = 4 of 5 (80 %).
// By team: Team A E001, E002, E006 = 2 of 3; Team B E003, E005 = 2 of 2.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { formatIso } from '../../src/core/dates/localDate.js';
import { icpc15WorkingDays } from '../../src/core/indicators/conferences.js';
import { parsePeriod } from '../../src/core/period.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { calendar, casesOf, day, figure, loadScenario, reportOf, resultOf, view } from './helpers.js';

const september = parsePeriod('2026-09');
let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('conferences');
});

describe('icpc-15-working-days', () => {
  it('counts the 15th working day across the August bank holiday, and not the 16th', () => {
    expect(formatIso(calendar.addWorkingDays(day('2026-08-21'), 15))).toBe('2026-09-14');
    expect(view(casesOf(icpc15WorkingDays, data, september))).toEqual([
      { recordId: 'E001', childId: 'C00001', counted: true, detail: 'ICPC 14/09/2026, 15 working days after the strategy discussion 21/08/2026' },
      { recordId: 'E002', childId: 'C00002', counted: false, detail: 'ICPC 15/09/2026, 16 working days after the strategy discussion 21/08/2026 (due by 14/09/2026)' },
      { recordId: 'E003', childId: 'C00003', counted: true, detail: 'ICPC 10/09/2026, on the day of the strategy discussion 10/09/2026' },
      { recordId: 'E005', childId: 'C00005', counted: true, detail: 'ICPC 18/09/2026, 11 working days after the strategy discussion 03/09/2026' },
      { recordId: 'E006', childId: 'C00001', counted: true, detail: 'ICPC 25/09/2026, 14 working days after the strategy discussion 07/09/2026' },
    ]);
  });

  it('takes its cohort by the ICPC date, not the s47 start', () => {
    // E007 (s47 in September) and E008 (s47 in August) have their ICPC in October: neither met.
    expect(view(casesOf(icpc15WorkingDays, data, parsePeriod('2026-10')))).toEqual([
      { recordId: 'E007', childId: 'C00007', counted: false, detail: 'ICPC 22/10/2026, 16 working days after the strategy discussion 30/09/2026 (due by 21/10/2026)' },
      { recordId: 'E008', childId: 'C00008', counted: false, detail: 'ICPC 01/10/2026, 26 working days after the strategy discussion 25/08/2026 (due by 16/09/2026)' },
    ]);
  });

  it('in a report: 4 of 5 with no target (RAG none), by team A 2 of 3 and B 2 of 2, the exception E002', () => {
    const result = resultOf(reportOf(data, september, { by: 'team' }), 'icpc-15-working-days');
    expect(figure(result)).toEqual({ numerator: 4, denominator: 5, value: 0.8, rag: 'none' });
    expect(result.groups!.map((g) => [g.key, g.numerator, g.denominator])).toEqual([['Team A', 2, 3], ['Team B', 2, 2]]);
    expect(result.exceptions.map((e) => [e.recordId, e.team])).toEqual([['E002', 'Team A']]);
  });

  it('states the national figure it is compared with', () => {
    expect(icpc15WorkingDays.definition).toContain('England 2024/25: 81.4 %');
    expect(icpc15WorkingDays.defaultTarget).toBeNull();
  });

  it('follows icpcWorkingDays: at 14, E001 (on the 15th working day) is late too: 3 of 5', () => {
    const settings = { ...DEFAULT_SETTINGS, icpcWorkingDays: 14 };
    const e001 = view(casesOf(icpc15WorkingDays, data, september, settings))[0];
    expect(e001).toEqual({ recordId: 'E001', childId: 'C00001', counted: false, detail: 'ICPC 14/09/2026, 15 working days after the strategy discussion 21/08/2026 (due by 11/09/2026)' });
    expect(figure(resultOf(reportOf(data, september, { settings }), 'icpc-15-working-days'))).toEqual({ numerator: 3, denominator: 5, value: 0.6, rag: 'none' });
    expect(icpc15WorkingDays.title(settings)).toBe('Initial child protection conferences within 14 working days of the strategy discussion');
    expect(icpc15WorkingDays.timescale(settings)).toBe('14 working days');
  });
});
