import { describe, expect, it } from 'vitest';
import {
  ANNEX_A_KIND_NAMES,
  ANNEX_A_LIST_NUMBERS,
  ANNEX_A_LISTS,
  ANNEX_A_UNSUPPORTED,
  annexALabel,
  isCinPlanStatus,
  type AnnexAColumnSource,
  type AnyAnnexAYield,
} from '../../src/core/annexA/lists.js';
import { EXTRACT_KINDS, EXTRACTS, PLAN_TYPES, type ExtractKind } from '../../src/core/extracts/definitions.js';
import { normaliseHeader } from '../../src/core/extracts/values.js';

const allYields = (): { list: number; y: AnyAnnexAYield }[] =>
  ANNEX_A_LIST_NUMBERS.flatMap((n) => ANNEX_A_LISTS[n].yields.map((y) => ({ list: n, y })));

const sourceOf = (y: AnyAnnexAYield, column: string): AnnexAColumnSource | undefined =>
  (y.columns as Readonly<Record<string, AnnexAColumnSource | undefined>>)[column];

// The header rows of the public samples (header names only), LIIA layout
// (liia-tools Annex_A.xlsx, Annex_A_2024_Jan.xlsx), with the spellings the
// 2019 Ofsted template (CSCDP samples) and the 2022 test copy use instead.
const COMMON = ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age'];
const LIIA: Record<3 | 4 | 6 | 7 | 8, string[]> = {
  3: [...COMMON, 'Date of Referral', 'Referral Source', 'Referral NFA?', 'Number of Referrals in Last 12 Months', 'Allocated Team', 'Allocated Worker'],
  4: [...COMMON, 'Does the Child have a Disability', 'Continuous Assessment Start Date', 'Child Seen During Continuous Assessment', 'Continuous Assessment Date of Authorisation', "Was the child assessed as requiring LA children's social care support?", 'Allocated Team', 'Allocated Worker'],
  6: [...COMMON, 'Does the Child have a Disability', 'CIN Start Date', 'Primary Need Code', 'Date Child Was Last Seen', 'CIN Closure Date', 'Reason for Closure', 'Case Status', 'Allocated Team', 'Allocated Worker'],
  7: [...COMMON, 'Does the Child have a Disability', 'Child Protection Plan Start Date', 'Initial Category of Abuse', 'Latest Category of Abuse', 'Date of the Last Statutory Visit', 'Was the Child Seen Alone?', 'Date of latest review conference', 'Child Protection Plan End Date', 'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)', 'Number of Previous Child Protection Plans', 'Allocated Team', 'Allocated Worker'],
  8: [...COMMON, 'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))', 'Does the Child have a Disability', 'Date Started to be Looked After', "Child's Category of Need", 'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)', 'Start date of current legal status', "Child's Legal Status", 'Date of Latest Statutory Review', 'Date of Last Social Work Visit', 'What is the permanence plan for this child?', 'Date of Last IRO Visit / Contact to the Child', 'Date of Last Health Assessment', 'Date of Last Dental Check', 'Number of Placements in the Last 12 months', 'Date Ceased to be Looked After', 'Reason Ceased to be Looked After', 'Start Date of Most Recent Placement', 'Placement Type', 'Placement Provider', 'Placement postcode', 'URN of Placement', 'Placement Location', 'LA of Placement', 'Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months', 'Number of Episodes the Child has been ‘Absent’ from their Placement in the last 12 months', 'Was the child offered a Return Interview after their last missing episode (Y/N)?', 'Did the child accept a Return Interview after their last missing episode (Y/N)?', 'Allocated Team', 'Allocated Worker'],
};
const swap = (row: string[], changes: Record<string, string>) => row.map((h) => changes[h] ?? h);
const LAYOUTS: Record<string, Record<3 | 4 | 6 | 7 | 8, string[]>> = {
  liia: LIIA,
  'ofsted 2019 template': {
    3: swap(LIIA[3], { Age: 'Age of Child (Years)', 'Date of Referral': 'Date of referral' }),
    4: swap(LIIA[4], { "Was the child assessed as requiring LA children's social care support?": 'Was the child assessed as requiring LA children’s social care support' }),
    6: swap(LIIA[6], { 'Case Status': 'Case status' }),
    7: LIIA[7],
    8: swap(LIIA[8], { 'Date Ceased to be Looked After': 'Date Ceased to be Looked After ' }),
  },
  '2022 test copy': { ...LIIA, 7: swap(LIIA[7], { 'Child Unique ID': 'Child ID' }), 8: swap(LIIA[8], { 'Child Unique ID': 'Child id' }) },
};

/** The index of the header a column's candidates pick, as the tolerant matcher would. */
function pick(headers: readonly string[], candidates: readonly string[]): number {
  const found = headers.map(normaliseHeader);
  for (const c of candidates) {
    const at = found.indexOf(normaliseHeader(c));
    if (at !== -1) return at;
  }
  return -1;
}

describe('Annex A lists', () => {
  it('has all eleven lists, each either yielding records or saying why not', () => {
    for (const n of ANNEX_A_LIST_NUMBERS) {
      const list = ANNEX_A_LISTS[n];
      expect(list.number).toBe(n);
      expect(list.title).not.toBe('');
      expect(list.yields.length > 0 || (list.unused ?? '') !== '').toBe(true);
      expect(list.yields.length > 0 && list.unused !== undefined).toBe(false);
    }
    expect(`List 3: ${ANNEX_A_LISTS[3].title}`).toBe('List 3: Referral');
  });

  it('maps lists 3, 4, 6, 7 and 8 to the issue\'s kinds', () => {
    const kinds = Object.fromEntries(ANNEX_A_LIST_NUMBERS.map((n) => [n, ANNEX_A_LISTS[n].yields.map((y) => y.kind)]));
    expect(kinds).toMatchObject({ 3: ['referrals'], 4: ['assessments'], 6: ['plans', 'visits'], 7: ['plans', 'visits'], 8: ['plans', 'visits'] });
    for (const n of [1, 2, 5, 9, 10, 11] as const) expect(ANNEX_A_LISTS[n].yields).toEqual([]);
  });

  const REQUIRED: Record<ExtractKind, readonly string[]> = {
    assessments: ['child_id', 'start_date'],
    plans: ['child_id', 'plan_type', 'start_date'],
    visits: ['child_id', 'visit_date'],
    referrals: ['child_id', 'referral_date'],
    missing: [],
    supervision: [],
    audits: [],
    'audit-actions': [],
    reviews: [],
    enquiries: [],
    placements: [],
    careleavers: [],
    health: [],
    contacts: [],
  };

  it.each(allYields().map(({ list, y }) => [`List ${list} → ${y.label}`, y] as const))('%s maps the required columns of its kind', (_name, y) => {
    const mapped = Object.keys(y.columns);
    const definition = EXTRACTS[y.kind];
    const required = Object.entries(definition.columns).filter(([, spec]) => spec.required).map(([name]) => name);
    expect(mapped).toEqual(expect.arrayContaining([...REQUIRED[y.kind], ...required]));
    for (const name of mapped) expect(Object.keys(definition.columns)).toContain(name);
    for (const name of y.skipWhenBlank ?? []) expect(mapped).toContain(name);
  });

  it('gives plans, and the visits of the same list, a constant plan type', () => {
    const expected = { 6: 'CIN', 7: 'CP', 8: 'CLA' } as const;
    for (const n of [6, 7, 8] as const) {
      for (const y of ANNEX_A_LISTS[n].yields) {
        expect(sourceOf(y, 'plan_type')).toEqual({ constant: expected[n] });
        expect(PLAN_TYPES).toContain(expected[n]);
      }
    }
  });

  it('lists only genuinely different spellings, and no header twice in one yield', () => {
    for (const { y } of allYields()) {
      const seen = new Set<string>();
      for (const source of Object.values(y.columns) as AnnexAColumnSource[]) {
        if (!('headers' in source)) continue;
        const forms = source.headers.map(normaliseHeader);
        expect(new Set(forms).size).toBe(forms.length);
        for (const f of forms) {
          expect(seen.has(f)).toBe(false);
          seen.add(f);
        }
      }
    }
  });

  it.each(Object.entries(LAYOUTS))('finds every mapped column in the real %s headers', (_layout, rows) => {
    for (const n of [3, 4, 6, 7, 8] as const) {
      for (const y of ANNEX_A_LISTS[n].yields) {
        const picked = new Set<number>();
        const sources = [...(Object.values(y.columns) as AnnexAColumnSource[]), ...Object.values(y.rule?.reads ?? {}).map((headers) => ({ headers }))];
        for (const source of sources) {
          if (!('headers' in source)) continue;
          const at = pick(rows[n], source.headers);
          expect(at, `List ${n} ${y.label}: ${source.headers.join(' / ')}`).toBeGreaterThanOrEqual(0);
          expect(picked.has(at)).toBe(false);
          picked.add(at);
        }
      }
    }
  });

  it('keeps only List 6 rows whose Case Status is a CIN plan', () => {
    for (const y of ANNEX_A_LISTS[6].yields) {
      const keep = y.rule!.keep;
      expect(keep({ case_status: 'c) Child in need plan' })).toBe(true);
      expect(keep({ case_status: 'a) Looked after child' })).toBe(false);
      expect(keep({ case_status: '' })).toBe(false);
      expect(keep({})).toBe(false);
    }
    for (const s of ['c) Child in need plan', 'C)  child in need plan ', 'Child in need plan', 'CIN', 'CiN Plan', 'Child in Need', 'c)\u00a0Child in need plan']) {
      expect(isCinPlanStatus(s), s).toBe(true);
    }
    for (const s of ['a) Looked after child', 'b) Child Protection plan', 'd) Open assessment', 'e) Closed episode', 'CLA', 'CP', '#N/A', '', undefined]) {
      expect(isCinPlanStatus(s), String(s)).toBe(false);
    }
  });

  it('reads Annex A codes without their ordering letter', () => {
    expect(annexALabel('a) Yes')).toBe('Yes');
    expect(annexALabel(' b) No ')).toBe('No');
    expect(annexALabel('a. Yes')).toBe('Yes');
    expect(annexALabel('s) 8: Other')).toBe('8: Other');
    expect(annexALabel('N1 - Abuse or Neglect')).toBe('N1 - Abuse or Neglect');
    expect(annexALabel('Dustin\u00a0Hazlett')).toBe('Dustin Hazlett');
  });

  it('accounts for every extract kind: read from some list, or unsupported with a reason', () => {
    const yielded = new Set(allYields().map(({ y }) => y.kind));
    for (const kind of EXTRACT_KINDS) {
      const reason = ANNEX_A_UNSUPPORTED[kind];
      expect(yielded.has(kind) !== (reason !== undefined), kind).toBe(true);
      expect(ANNEX_A_KIND_NAMES[kind]).not.toBe('');
    }
    expect(Object.keys(ANNEX_A_UNSUPPORTED).sort()).toEqual(['audit-actions', 'audits', 'careleavers', 'contacts', 'enquiries', 'health', 'missing', 'placements', 'reviews', 'supervision']);
  });
});
