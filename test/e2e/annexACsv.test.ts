import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

// fixtures/annex-a-csv/ holds two Annex A lists saved as CSV, named by list number:
// "List_4 assessments.csv" (a title row above the header, `a) Yes` codes, a `#N/A` worker) and
// "list 7 CP.csv". Taken on Sat 31/10/2026, the day the report is as at.
//
// List 4: C00001 started Tue 01/09, authorised Tue 20/10: 21 working days left in September
//   + 14 in October to the 20th = 35, within 45 (met); child seen `a) Yes` (met).
//   C00002 started Thu 01/10 and is open: 21 working days by Sat 31/10, not overdue.
//   So timeliness 1/1, child seen 1/1, open overdue 0; no seen-alone or voice column in List 4.
// List 7: C00003's CP plan started 01/09; last visit Sun 25/10, so the next is due 10 working
//   days later, Fri 06/11, after the as-at date: visits-cp 1/1. No List 6 or 8: no CIN or CLA plans.
const BASE = ['report', '--annex-a', 'fixtures/annex-a-csv', '--period', '2026-10', '--extracted-on', '2026-10-31', '--format', 'json'];

function figures(stdout: string): Record<string, unknown> {
  const report = JSON.parse(stdout) as { indicators: { id: string; numerator: number; denominator: number; count?: number; kind: string }[] };
  return Object.fromEntries(report.indicators.map((i) => [i.id, i.kind === 'count' ? i.count : `${i.numerator}/${i.denominator}`]));
}

describe('--annex-a with a folder of list CSVs', () => {
  it('reads the lists by their numbers, below title rows, with Annex A codes and blanks', () => {
    const run = runCli(BASE);
    expect(run.code).toBe(0);
    expect(figures(run.stdout)).toMatchObject({
      'assessment-timeliness': '1/1',
      'assessment-open-overdue': 0,
      'assessment-child-seen': '1/1',
      'visits-cp': '1/1',
    });
    const report = JSON.parse(run.stdout);
    expect(report.notComputed).toContainEqual({ id: 'assessment-seen-alone', reason: 'List_4 assessments.csv has no child_seen_alone column' });
    expect(report.notComputed.find((n: { id: string }) => n.id === 'supervision-6-weeks').reason).toBe(
      'no supervision extract (Annex A has no case supervision or management-oversight records)',
    );
    // List 7 gives two extracts, told apart by their kind in the summary.
    expect(run.stderr).toContain('list 7 CP.csv (plans): 1 read, 1 used, 0 rejected');
    expect(run.stderr).toContain('list 7 CP.csv (visits): 1 read, 1 used, 0 rejected');
    expect(run.stderr).toContain('List_4 assessments.csv: List 4 columns not used: Gender');
  });

  it('does not compute the visits as at any other day than the one the lists were taken', () => {
    const run = runCli([...BASE, '--as-at', '2026-10-30']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(figures(run.stdout)).not.toHaveProperty('visits-cp');
    expect(report.notComputed.find((n: { id: string }) => n.id === 'visits-cp').reason).toMatch(
      /^the plans come from Annex A CIN, CP and CLA plans \(Lists 6, 7 and 8\), a snapshot of each child's latest as at 2026-10-31: computed only as at that day, not 2026-10-30$/,
    );
    // The assessments are not a snapshot: they are still computed.
    expect(figures(run.stdout)).toMatchObject({ 'assessment-timeliness': '1/1' });
  });
});
