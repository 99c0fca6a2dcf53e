/*
 * What csc-metrics reads from an Ofsted Annex A workbook (Lists 1-11), as
 * plain data: which lists yield which extract kinds, and from which headers.
 * The reader (sheet `List N` / `List_N`, header row found below any title
 * row, tolerant header matching, Annex A blanks) lives elsewhere and consumes
 * this module; nothing here touches a file.
 *
 * Header spellings are the ones measured on the public samples: Social
 * Finance's liia-tools Annex_A.xlsx, the liia-tools-pipeline copies
 * (Annex_A_2024_Jan.xlsx, Annex_A_Jan_2022_TT1.xlsx) and the CSCDP cleaner's
 * 2015/2016 samples (the 2019 Ofsted template, whose sheets carry a merged
 * title row `List 3: Referral` above the header). Matching ignores case,
 * spaces/underscores/hyphens, a trailing `?` or space and curly quotes, so
 * only genuinely different wordings are listed: `Child id` and `Child ID`,
 * `Date of referral` and `Date of Referral`, `Date Ceased to be Looked After `
 * with its trailing space are one spelling each.
 */
import type { ExtractKind, RecordsByKind } from '../extracts/definitions.js';

/** The numbers of the eleven Annex A lists. */
export const ANNEX_A_LIST_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
/** An Annex A list number, 1 to 11. */
export type AnnexAListNumber = (typeof ANNEX_A_LIST_NUMBERS)[number];

/** The canonical columns of one extract kind (extracts.md), as named in its records. */
export type CanonicalColumn<K extends ExtractKind> = Exclude<keyof RecordsByKind[K], 'line' | 'file' | 'refused'> & string;

/**
 * Where one canonical column's value comes from in a list's rows: either the
 * first of `headers` the sheet has (best first; matched tolerantly), its text
 * optionally translated by `values` (Annex A text → ours, compared trimmed
 * and case-insensitively like the config's value maps; null = blank) or
 * checked against `codes` (any other text is refused as INVALID_CODE), or a
 * `constant` that every row gets.
 */
export type AnnexAColumnSource =
  | { readonly headers: readonly string[]; readonly values?: Readonly<Record<string, string | null>>; readonly codes?: readonly string[] }
  | { readonly constant: string };

/**
 * Which rows of a list yield records of a kind, when not all of them do.
 * `reads` names the extra (non-canonical) columns the rule needs, with their
 * header spellings; a sheet without one of them cannot yield the kind and is
 * reported like a missing required column. `keep` is pure: it gets those
 * columns' trimmed text by the names in `reads` ('' when blank, including
 * Annex A blanks such as `#N/A`). `description` says which rows are kept, for
 * the message that accounts for the others (they are not rejected rows).
 */
export interface AnnexARowRule {
  readonly reads: Readonly<Record<string, readonly string[]>>;
  readonly description: string;
  readonly keep: (row: Readonly<Record<string, string>>) => boolean;
}

/**
 * How one list yields records of one extract kind. Canonical columns not in
 * `columns` stay blank. A row whose cell is blank for a column in
 * `skipWhenBlank` yields no record (not a rejected row: a child not yet
 * visited simply has no last visit). `snapshot` means the list holds one row
 * per child with only the latest episode or visit as at the workbook's date,
 * so figures over a past period (visits made, repeat plans) cannot come from
 * it, only figures as at that date. `label` names these records in messages.
 */
export interface AnnexAYield<K extends ExtractKind = ExtractKind> {
  readonly kind: K;
  readonly label: string;
  readonly columns: { readonly [C in CanonicalColumn<K>]?: AnnexAColumnSource };
  readonly skipWhenBlank?: readonly CanonicalColumn<K>[];
  readonly rule?: AnnexARowRule;
  readonly snapshot: boolean;
  readonly notes: string;
}

/** A yield of any kind, narrowed by its `kind`. */
export type AnyAnnexAYield = { [K in ExtractKind]: AnnexAYield<K> }[ExtractKind];

/**
 * One Annex A list: its number and title (as in the template's title row
 * `List 6: Children in Need`), which rows it holds (Ofsted's guidance), what
 * it yields, and why it yields nothing when it does not.
 */
export interface AnnexAList {
  readonly number: AnnexAListNumber;
  readonly title: string;
  readonly rows: string;
  readonly yields: readonly AnyAnnexAYield[];
  readonly unused?: string;
}

/**
 * Cell texts that mean "no value" in Annex A workbooks, compared trimmed and
 * case-insensitively: failed look-ups (`#N/A`; the samples' List 6 team and
 * worker cells are `#N/A` error cells, which read as blank too) and `NULL`
 * from database exports.
 */
export const ANNEX_A_BLANK_VALUES: readonly string[] = ['#N/A', 'NULL'];

/**
 * Annex A yes/no/unknown codes as flag text: the preferred codes `a) Yes`,
 * `b) No`, `c) Unknown` (bare `Yes`/`No`/`yes`/`no` occur too and already read
 * as flags). Unknown is "not recorded".
 */
export const ANNEX_A_FLAG_VALUES: Readonly<Record<string, string | null>> = {
  'a) Yes': 'Yes',
  'b) No': 'No',
  'c) Unknown': null,
  Unknown: null,
};

/**
 * An Annex A coded value without its ordering letter, spacing tidied:
 * `c) Child in need plan` → `Child in need plan`, `a. Yes` → `Yes`,
 * non-breaking spaces and runs of spaces → one space. Other text is returned
 * trimmed.
 */
export function annexALabel(text: string): string {
  return text
    .replace(/\s+/g, ' ') // \s covers the non-breaking spaces of the samples
    .trim()
    .replace(/^[a-z]\d?[).]\s+/i, '');
}

// Case Status values that mean "on a child in need plan", lower case, code
// letter removed: the template's `c) Child in need plan` and the local
// spellings the liia-tools-pipeline schema folds into it.
const CIN_PLAN_STATUSES = new Set(['child in need plan', 'child in need', 'cin plan', 'cin']);

/**
 * Whether a List 6 Case Status says the child is on a CIN plan. Ofsted's
 * codes: a) Looked after child, b) Child Protection plan, c) Child in need
 * plan, d) Open assessment, e) Closed episode; the first that applies is
 * recorded (a child both CLA and CP is a; CIN with an open assessment is c).
 * Every sample row holds `c) Child in need plan`.
 */
export function isCinPlanStatus(status: string | undefined): boolean {
  return status !== undefined && CIN_PLAN_STATUSES.has(annexALabel(status).toLowerCase());
}

const CHILD_ID: AnnexAColumnSource = { headers: ['Child Unique ID', 'Child ID'] };
const TEAM: AnnexAColumnSource = { headers: ['Allocated Team'] };
const WORKER: AnnexAColumnSource = { headers: ['Allocated Worker'] };

// List 6 holds every child open to children's social care (CIN, CP, CLA and
// open assessments, plus episodes closed in the six months), so only Case
// Status tells the CIN plans apart. `CIN Start Date` cannot: it is the start
// of the episode of need (for open assessments, the referral that led to it,
// per Ofsted's FAQ) and is filled on every row.
const CIN_PLAN_RULE: AnnexARowRule = {
  reads: { case_status: ['Case Status'] },
  description: 'rows whose Case Status is c) Child in need plan',
  keep: (row) => isCinPlanStatus(row.case_status),
};

// Lists 6-8 hold one row per child: its most recent episode and last visit.
const EARLIER_PLANS_ABSENT = 'earlier episodes are not in Annex A, so repeat-plan figures cannot come from it';
const LAST_VISIT_ONLY =
  "the child's last visit only, as at the workbook's date: earlier visits are not in Annex A, so only whether the last visit is within timescale now can be measured";

/** The eleven Annex A lists by number, with what csc-metrics reads from each. */
export const ANNEX_A_LISTS: { readonly [N in AnnexAListNumber]: AnnexAList & { readonly number: N } } = {
  1: {
    number: 1,
    title: 'Contacts',
    rows: 'every contact in the six months before the inspection',
    yields: [],
    unused: 'contacts are not an extract csc-metrics reads',
  },
  2: {
    number: 2,
    title: 'Early Help',
    rows: 'early help assessments in the six months before the inspection',
    yields: [],
    unused: 'early help assessments are not statutory assessments (List 4 is read for those)',
  },
  3: {
    number: 3,
    title: 'Referral',
    rows: 'every referral in the six months before the inspection; a child appears once per referral',
    yields: [
      {
        kind: 'referrals',
        label: 'referrals',
        columns: {
          child_id: CHILD_ID,
          referral_date: { headers: ['Date of Referral'] },
          outcome: {
            headers: ['Referral NFA?'],
            values: {
              'a) Yes': 'NFA',
              Yes: 'NFA',
              Y: 'NFA',
              'No further action': 'NFA',
              'b) No': 'Further action',
              No: 'Further action',
              N: 'Further action',
              FA: 'Further action',
              'c) Unknown': null,
              Unknown: null,
            },
          },
          team: TEAM,
        },
        snapshot: false,
        notes:
          `Referrals before the six months are not in the list: a re-referral is seen only when both referrals fall in it (the list's own "Number of Referrals in Last 12 Months" is not read).`,
      },
    ],
  },
  4: {
    number: 4,
    title: 'Assessments',
    rows: 'every statutory (section 17 or 47) assessment in the six months before the inspection, open ones included; one row per assessment',
    yields: [
      {
        kind: 'assessments',
        label: 'assessments',
        columns: {
          child_id: CHILD_ID,
          start_date: { headers: ['Continuous Assessment Start Date'] },
          completed_date: { headers: ['Continuous Assessment Date of Authorisation'] },
          child_seen: { headers: ['Child Seen During Continuous Assessment'], values: ANNEX_A_FLAG_VALUES },
          team: TEAM,
          worker: WORKER,
        },
        snapshot: false,
        notes:
          'No referral date, so the timeliness clock starts at the assessment start; no seen-alone or voice-of-the-child columns.',
      },
    ],
  },
  5: {
    number: 5,
    title: 'Section 47 enquiries and Initial Child Protection Conferences',
    rows: 'every section 47 enquiry in the six months before the inspection',
    yields: [],
    unused: 'no extract csc-metrics reads holds section 47 enquiries or conferences (CP plans come from List 7)',
  },
  6: {
    number: 6,
    title: 'Children in Need',
    rows: "every child open to children's social care at the inspection or in the six months before (CIN, CP, CLA, open assessments); one row per child, latest episode of need",
    yields: [
      {
        kind: 'plans',
        label: 'CIN plans',
        columns: {
          child_id: CHILD_ID,
          plan_type: { constant: 'CIN' },
          start_date: { headers: ['CIN Start Date'] },
          end_date: { headers: ['CIN Closure Date'] },
          category: { headers: ['Primary Need Code'] },
          team: TEAM,
          worker: WORKER,
        },
        rule: CIN_PLAN_RULE,
        snapshot: true,
        notes: `Case Status decides (CP and CLA children are read from Lists 7 and 8; open assessments and closed episodes are not plans). The start is the episode of need's, as Annex A has no CIN plan start date; ${EARLIER_PLANS_ABSENT}.`,
      },
      {
        kind: 'visits',
        label: 'last CIN visits',
        columns: {
          child_id: CHILD_ID,
          visit_date: { headers: ['Date Child Was Last Seen'] },
          plan_type: { constant: 'CIN' },
          team: TEAM,
          worker: WORKER,
        },
        skipWhenBlank: ['visit_date'],
        rule: CIN_PLAN_RULE,
        snapshot: true,
        notes: `The date the child was last seen by a social worker, for the same rows as the CIN plans; ${LAST_VISIT_ONLY}.`,
      },
    ],
  },
  7: {
    number: 7,
    title: 'Child protection',
    rows: 'every child on a CP plan at the inspection or whose plan ended in the six months before; one row per child, most recent plan',
    yields: [
      {
        kind: 'plans',
        label: 'CP plans',
        columns: {
          child_id: CHILD_ID,
          plan_type: { constant: 'CP' },
          start_date: { headers: ['Child Protection Plan Start Date'] },
          end_date: { headers: ['Child Protection Plan End Date'] },
          category: { headers: ['Latest Category of Abuse'] },
          team: TEAM,
          worker: WORKER,
        },
        snapshot: true,
        notes: `The most recent plan only; ${EARLIER_PLANS_ABSENT} (the list gives only a count of previous plans).`,
      },
      {
        kind: 'visits',
        label: 'last CP visits',
        columns: {
          child_id: CHILD_ID,
          visit_date: { headers: ['Date of the Last Statutory Visit'] },
          plan_type: { constant: 'CP' },
          seen_alone: { headers: ['Was the Child Seen Alone?'], values: ANNEX_A_FLAG_VALUES },
          team: TEAM,
          worker: WORKER,
        },
        skipWhenBlank: ['visit_date'],
        snapshot: true,
        notes: `The last statutory visit by the lead social worker, and whether the child was then seen alone; ${LAST_VISIT_ONLY}.`,
      },
    ],
  },
  8: {
    number: 8,
    title: 'Children in care',
    rows: 'every child in care at the inspection or who left care in the six months before; one row per child, most recent period of care',
    yields: [
      {
        kind: 'plans',
        label: 'CLA periods',
        columns: {
          child_id: CHILD_ID,
          plan_type: { constant: 'CLA' },
          start_date: { headers: ['Date Started to be Looked After'] },
          end_date: { headers: ['Date Ceased to be Looked After'] },
          category: { headers: ["Child's Category of Need"] },
          team: TEAM,
          worker: WORKER,
        },
        snapshot: true,
        notes: `The most recent period of care only; ${EARLIER_PLANS_ABSENT}.`,
      },
      {
        kind: 'visits',
        label: 'last CLA visits',
        columns: {
          child_id: CHILD_ID,
          visit_date: { headers: ['Date of Last Social Work Visit'] },
          plan_type: { constant: 'CLA' },
          team: TEAM,
          worker: WORKER,
        },
        skipWhenBlank: ['visit_date'],
        snapshot: true,
        notes: `The last social work visit (not the IRO's); no seen-alone column; ${LAST_VISIT_ONLY}.`,
      },
    ],
  },
  9: {
    number: 9,
    title: 'Care leavers',
    rows: 'every young person receiving leaving-care services at the inspection',
    yields: [],
    unused: 'no date care-leaver status began, so no care-leaver plan can be formed; "Latest Date of Contact" (2022 layout) is not a statutory visit',
  },
  10: {
    number: 10,
    title: 'Adoption',
    rows: 'children adopted, or with an adoption decision made or reversed, in the 12 months before the inspection',
    yields: [],
    unused: 'adoption timeliness is not a figure csc-metrics computes',
  },
  11: {
    number: 11,
    title: 'Adopters',
    rows: 'prospective adopters in contact with the adoption agency in the 12 months before the inspection',
    yields: [],
    unused: 'adopters are not children: nothing csc-metrics computes',
  },
};

/**
 * What each extract kind is called in messages about an Annex A workbook,
 * with the lists it comes from.
 */
export const ANNEX_A_KIND_NAMES: { readonly [K in ExtractKind]: string } = {
  referrals: 'referrals (List 3)',
  assessments: 'assessments (List 4)',
  plans: 'CIN, CP and CLA plans (Lists 6, 7 and 8)',
  visits: 'last statutory visits (Lists 6, 7 and 8)',
  missing: 'missing episodes (not in Annex A)',
  supervision: 'supervision records (not in Annex A)',
  audits: 'case-file audits (not in Annex A)',
  'audit-actions': 'actions from case-file audits (not in Annex A)',
  reviews: 'review meetings (not in Annex A)',
  enquiries: 'section 47 enquiries and initial conferences (not read from Annex A)',
  placements: 'placements (not in Annex A)',
  careleavers: 'care leaver contacts (not in Annex A)',
  health: 'health assessments (not in Annex A)',
  contacts: 'contacts (not read from Annex A)',
};

/**
 * Extract kinds Annex A cannot supply, with the reason their indicators are
 * reported as not computed when the data comes from a workbook.
 */
export const ANNEX_A_UNSUPPORTED: { readonly [K in ExtractKind]?: string } = {
  missing:
    'Annex A has no missing episodes or return-home-interview times: List 8 gives only a 12-month count of missing and absent episodes and whether a return interview was offered and accepted after the last one',
  supervision: 'Annex A has no case supervision or management-oversight records',
  audits: 'Annex A has no case-file audits',
  'audit-actions': 'Annex A has no case-file audits or their actions',
  reviews: 'Annex A has no review meetings, only the date of the latest CP review (List 7)',
  enquiries: 'csc-metrics does not read section 47 enquiries from Annex A List 5',
  placements: 'Annex A List 8 gives only the number of placements in the year, not their dates',
  careleavers: 'Annex A has no care leaver contacts',
  health: 'Annex A has no health assessments',
  contacts: 'csc-metrics does not read contacts from Annex A List 1',
};
