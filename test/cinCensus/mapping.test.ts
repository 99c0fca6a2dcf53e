import { describe, expect, it } from 'vitest';
import { FIXTURES, loadCensus, rows } from './load.js';

// fixtures/cin-census/three-children.xml, worked by hand: C00012 has one
// episode with an assessment, an enquiry that led to a conference and a CP
// plan with two reviews; C00013 an NFA referral, then an episode with an
// open assessment, an open CIN plan and an enquiry needing no conference;
// C00014 a closed CIN plan followed by an open CP plan.
describe('a CIN census return read as our extracts', async () => {
  const { data } = await loadCensus(`${FIXTURES}three-children.xml`);

  it('gives one referral per episode of need, ReferralNFA as the outcome', () => {
    expect(rows([...data.referrals!.records])).toEqual([
      { line: 19, child_id: 'C00012', referral_date: '2026-04-01', outcome: 'Further action' },
      { line: 59, child_id: 'C00013', referral_date: '2026-06-01', outcome: 'NFA' },
      { line: 66, child_id: 'C00013', referral_date: '2026-08-01', outcome: 'Further action' },
      { line: 91, child_id: 'C00014', referral_date: '2026-09-10', outcome: 'NFA' },
    ]);
  });

  it('gives assessments with their episode’s referral date', () => {
    expect(rows([...data.assessments!.records])).toEqual([
      { line: 23, child_id: 'C00012', referral_date: '2026-04-01', start_date: '2026-04-02', completed_date: '2026-05-10' },
      { line: 70, child_id: 'C00013', referral_date: '2026-08-01', start_date: '2026-08-02' },
    ]);
  });

  it('gives section 47 enquiries, with 0/1 and true/false flags', () => {
    expect(rows([...data.enquiries!.records])).toEqual([
      { line: 31, child_id: 'C00012', s47_start: '2026-04-03', icpc_date: '2026-04-20', icpc_not_required: false },
      { line: 76, child_id: 'C00013', s47_start: '2026-08-05', icpc_not_required: true },
    ]);
  });

  it('gives CP plans (latest category) and CIN plans (the episode’s primary need)', () => {
    expect(rows([...data.plans!.records])).toEqual([
      { line: 38, child_id: 'C00012', plan_type: 'CP', start_date: '2026-04-20', end_date: '2026-09-30', category: 'NEG' },
      { line: 100, child_id: 'C00014', plan_type: 'CP', start_date: '2026-10-16', category: 'PHY' },
      { line: 73, child_id: 'C00013', plan_type: 'CIN', start_date: '2026-09-01', category: 'N4' },
      { line: 95, child_id: 'C00014', plan_type: 'CIN', start_date: '2026-09-20', end_date: '2026-10-15', category: 'N2' },
    ]);
  });

  it('gives one CP review per review date, at its own line', () => {
    expect(rows([...data.reviews!.records])).toEqual([
      { line: 45, child_id: 'C00012', review_type: 'CP', review_date: '2026-07-10' },
      { line: 46, child_id: 'C00012', review_type: 'CP', review_date: '2026-09-15' },
    ]);
  });

  it('names each table after the file and its element, and finds nothing wrong', () => {
    const files = Object.values(data).flatMap((extract) => extract!.quality.map((q) => q.file));
    expect(files.sort()).toEqual(
      ['Assessments', 'CINPlanDates', 'CINdetails', 'CPPreviewDate', 'ChildProtectionPlans', 'Section47'].map((e) => `three-children.xml:${e}`).sort(),
    );
    for (const extract of Object.values(data)) for (const q of extract!.quality) expect(q.issues, q.file).toEqual([]);
  });

  it('reads no kind the census does not hold', () => {
    expect(Object.keys(data).sort()).toEqual(['assessments', 'enquiries', 'plans', 'referrals', 'reviews']);
  });
});
