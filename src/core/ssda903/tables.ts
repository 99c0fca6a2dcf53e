/*
 * What csc-metrics reads from the SSDA903 (children looked after) return's
 * CSV tables, as plain data: how each table is recognised (by its columns,
 * as the DfE's 903 validator does, never by its file name), which extract
 * kinds it yields and from which of its columns. Field lists and codes are
 * the DfE's as kept by Social Finance's liia-tools (SSDA903_schema_2017 to
 * 2026); a code valid in any of those years is accepted, as a return does
 * not say its year. Nothing here touches a file.
 */
import type { AnnexAColumnSource, AnyAnnexAYield } from '../annexA/lists.js';
import type { ExtractKind } from '../extracts/definitions.js';

/** The tables of an SSDA903 return. */
export const SSDA903_TABLE_NAMES = ['header', 'episodes', 'reviews', 'missing', 'oc2', 'oc3', 'ad1', 'placed_for_adoption', 'previous_permanence', 'uasc', 'social_worker'] as const;
/** The name of one SSDA903 table. */
export type Ssda903TableName = (typeof SSDA903_TABLE_NAMES)[number];

/** One SSDA903 table: its columns (all present in a recognised header), what it yields, or why nothing. */
export interface Ssda903Table {
  readonly name: Ssda903TableName;
  readonly columns: readonly string[];
  /** Simple tables: one record per row, mapped as Annex A lists are. Episodes are derived in episodes.ts. */
  readonly yields: readonly AnyAnnexAYield[];
  readonly unused?: string;
}

/** Allowed codes of the episode columns the derivation reads (a code of any year 2017-2026). */
export const EPISODE_CODES = {
  // RNE: S started; L legal status only; P, T, B, U a change of placement (SSDA903 guidance, "Reason for new episode").
  RNE: ['S', 'L', 'P', 'T', 'B', 'U'],
  CIN: ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8'],
  PLACE: ['A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'K3', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1', 'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z1', 'Z11', 'Z12', 'Z13', 'Z14'],
  REASON_PLACE_CHANGE: ['CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'CUSTOD', 'OTHER'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/** The RNE codes that mean the child's placement changed with the episode. */
export const PLACEMENT_CHANGES: readonly string[] = ['P', 'T', 'B', 'U'];

// ACCOM is a type letter and a suitability digit: 1 suitable, 2 not suitable
// (SSDA903 guidance, OC3 "Accommodation"); 0 is written when the young person
// is not in touch, so nothing is known.
const ACCOMMODATION_SUITABLE: Readonly<Record<string, string | null>> = Object.fromEntries([
  ...[...'BCDEGHKRSTUVWXYZ'].flatMap((letter) => [[`${letter}1`, 'Yes'], [`${letter}2`, 'No']] as const),
  ['0', null],
]);

// IN_TOUCH: the DfE's in-touch rate counts YES over every care leaver alive,
// so NO, REFU (refuses contact), NREQ (no longer requires services) and RHOM
// (returned home) are all "not in touch"; DIED rows are left out (see rule).
const IN_TOUCH: Readonly<Record<string, string>> = { YES: 'Yes', NO: 'No', REFU: 'No', NREQ: 'No', RHOM: 'No' };

// F3/P3 (training or employment) were split into F4/P4 and F5/P5 in 2022;
// the catalogue's EET codes do not include them (catalogue.md, Care leavers).
const ACTIVITY_CODES = ['F1', 'P1', 'F2', 'P2', 'F3', 'P3', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0'];

const CHILD: AnnexAColumnSource = { headers: ['CHILD'] };

/** The SSDA903 tables, with the header columns each always has (SSDA903_schema_2024, the same since 2017). */
export const SSDA903_TABLES: readonly Ssda903Table[] = [
  { name: 'header', columns: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'], yields: [], unused: 'the child’s characteristics: no figure needs them' },
  {
    name: 'episodes',
    columns: ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN'],
    yields: [],
  },
  {
    name: 'reviews',
    columns: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
    yields: [
      {
        kind: 'reviews',
        label: 'CLA reviews',
        columns: { child_id: CHILD, review_type: { constant: 'CLA' }, review_date: { headers: ['REVIEW'] } },
        snapshot: false,
        notes: 'Each review of the year; a review dated outside the child’s periods of care in the episodes table is rejected (OUTSIDE_CARE).',
      },
    ],
  },
  {
    name: 'missing',
    columns: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
    yields: [
      {
        kind: 'missing',
        label: 'missing and away-from-placement episodes',
        columns: { child_id: CHILD, missing_from: { headers: ['MIS_START'] }, returned_at: { headers: ['MIS_END'] }, looked_after: { constant: 'Yes' } },
        snapshot: false,
        notes: 'Dates only (no times) and no return home interviews.',
      },
    ],
  },
  {
    name: 'oc2',
    columns: ['CHILD', 'DOB', 'SDQ_SCORE', 'SDQ_REASON', 'CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
    yields: [],
    unused: 'OC2 holds no dated health assessment, only whether a child in care for 12 months had an up-to-date one at 31 March',
  },
  {
    name: 'oc3',
    columns: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
    yields: [
      {
        kind: 'careleavers',
        label: 'care leaver contacts',
        columns: {
          child_id: CHILD,
          date_of_birth: { headers: ['DOB'] },
          in_touch: { headers: ['IN_TOUCH'], values: IN_TOUCH },
          activity: { headers: ['ACTIV'], codes: ACTIVITY_CODES },
          accommodation_suitable: { headers: ['ACCOM'], values: ACCOMMODATION_SUITABLE },
        },
        rule: { reads: { in_touch: ['IN_TOUCH'] }, description: 'rows whose IN_TOUCH is not DIED', keep: (row) => row.in_touch?.toUpperCase() !== 'DIED' },
        snapshot: false,
        notes: 'The contact date is the young person’s birthday in the collection year (OC3 records their situation around it).',
      },
    ],
  },
  { name: 'ad1', columns: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'], yields: [], unused: 'adoption is not computed' },
  { name: 'placed_for_adoption', columns: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'], yields: [], unused: 'adoption is not computed' },
  { name: 'previous_permanence', columns: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'], yields: [], unused: 'previous permanence is not computed' },
  { name: 'uasc', columns: ['CHILD', 'SEX', 'DOB', 'DUC'], yields: [], unused: 'no figure needs it' },
  { name: 'social_worker', columns: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'], yields: [], unused: 'social worker changes are not computed' },
];

/** The kinds the episodes table yields (derived: one CLA plan per period of care, one placement per placement). */
export const EPISODE_KINDS: readonly ExtractKind[] = ['plans', 'placements'];

/** A header name as the validator compares it: trimmed, upper case. */
export function columnName(text: string): string {
  return text.replace(/^\uFEFF/, '').trim().toUpperCase();
}

/**
 * The table a header row belongs to: the one whose columns it holds all of
 * (extra columns are allowed); the one with most columns when several fit.
 */
export function recogniseTable(header: readonly string[]): Ssda903Table | undefined {
  const found = new Set(header.map(columnName));
  const fits = SSDA903_TABLES.filter((table) => table.columns.every((column) => found.has(column)));
  return fits.sort((a, b) => b.columns.length - a.columns.length)[0];
}

/** The table of a name. */
export function ssda903Table(name: Ssda903TableName): Ssda903Table {
  return SSDA903_TABLES.find((table) => table.name === name)!;
}

/**
 * Why a kind has no records or lacks columns when it comes from an SSDA903
 * return, said where its indicators are reported not computed.
 */
export const SSDA903_LIMITS: { readonly [K in ExtractKind]?: string } = {
  missing: 'the SSDA903 missing table has no return-interview times',
  health: 'the SSDA903 has no dated health assessments: OC2 says only whether a child in care for 12 months had an up-to-date one at 31 March',
  careleavers: 'the SSDA903 return has no OC3 table, or no episodes table to date its collection year',
};
