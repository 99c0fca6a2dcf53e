import { describe, expect, test } from 'vitest';
import { runCli } from './runCli.js';

interface JsonReport {
  readonly indicators: readonly { id: string; numerator: number; denominator: number; exceptions: readonly { childId: string; detail: string }[] }[];
  readonly notComputed: readonly { id: string; reason: string }[];
}

function indicator(report: JsonReport, id: string) {
  const found = report.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`${id} not computed: ${JSON.stringify(report.notComputed.find((n) => n.id === id))}`);
  return found;
}

describe('the DfE returns read directly by the built CLI', () => {
  test('--ssda903: reviews against the periods of care the episodes give, and the reasons for what the return lacks', () => {
    // fixtures/ssda903/return (see its README): C00034 in care from 03/06/2024; the 20th working day after is
    // 01/07/2024 (4-7 June 4, 10-14 June 9, 17-21 June 14, 24-28 June 19, 1 July 20), so the first review on 01/08/2024
    // is 31 days late: August's CLA reviews 0 of 1. As at 31/08/2024 C00012 (in care from 01/05/2024, first review
    // 28/05/2024) has a second review due by 28/08/2024 and none: one child with a review overdue.
    const run = runCli(['report', '--ssda903', 'fixtures/ssda903/return', '--period', '2024-08', '--extracted-on', '2025-06-30', '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    const reviews = indicator(report, 'cla-review-timeliness');
    expect([reviews.numerator, reviews.denominator, reviews.exceptions.map((e) => e.childId)]).toEqual([0, 1, ['C00034']]);
    expect(indicator(report, 'cla-review-overdue').exceptions.map((e) => [e.childId, e.detail])).toEqual([
      ['C00012', 'second review due by 28/08/2024 (3 months after the first, 28/05/2024), 3 days overdue'],
    ]);
    expect(report.notComputed.find((n) => n.id === 'rhi-within-72h')?.reason).toBe('missing.csv has no rhi_completed_at column (the SSDA903 missing table has no return-interview times)');
    expect(report.notComputed.find((n) => n.id === 'iha-20-working-days')?.reason).toMatch(/^no health extract \(the SSDA903 has no dated health assessments/);
    // The review dated in C00012's gap in care is a row issue with its file and line; notes.csv is no SSDA903 table.
    expect(run.stderr).toContain('reviews.csv:3 OUTSIDE_CARE review_date "01/12/2024" is outside the child\'s periods of care');
    expect(run.stderr).toContain('not read (no extract kind claims them): notes.csv');
  });

  test('--cin-census: an ICPC counted in working days across Easter 2026, from the streamed XML', () => {
    // fixtures/cin-census/three-children.xml: C00012's section 47 began on Good Friday, 03/04/2026. Easter Monday
    // (06/04) is a holiday, so 7-10 April are working days 1-4, 13-17 April 5-9 and 20 April the 10th: the ICPC
    // on 20/04/2026 is within 15 working days. C00013's enquiry has ICPCnotRequired 1 and no ICPC: not in the cohort.
    const run = runCli(['report', '--cin-census', 'fixtures/cin-census/three-children.xml', '--period', '2026-04', '--extracted-on', '2026-11-30', '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    const icpc = indicator(report, 'icpc-15-working-days');
    expect([icpc.numerator, icpc.denominator]).toEqual([1, 1]);
    expect(report.notComputed.find((n) => n.id === 'visits-cp')?.reason).toBe('no visits extract (not in a CIN census return)');
    expect(run.stderr).toContain('three-children.xml:Section47: 2 read, 2 used, 0 rejected');
  });
});
