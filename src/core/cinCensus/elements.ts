/*
 * What csc-metrics reads from a DfE children in need (CIN) census return, as
 * plain data: which element yields a record of which extract kind, and where
 * each of our columns comes from. The streaming reader lives in
 * src/io/readers/cinCensusReader.ts and consumes this module; nothing here
 * touches a file.
 *
 * Element names are the DfE schemas' (CIN_schema_2022 to 2026 as kept by
 * Social Finance's liia-tools-pipeline; the 2026 validator samples add
 * PreProceedingsandFGDM). A return holds one <Child> per child, each with
 * its <ChildIdentifiers> (LAchildID) and one <CINdetails> per episode of
 * need, which holds the episode's assessments, CIN plans, section 47
 * enquiries and CP plans (with their review dates).
 */
import type { CanonicalColumn } from '../annexA/lists.js';
import type { ExtractKind } from '../extracts/definitions.js';

/** The elements whose values other records take: the child, and its episode of need. */
export type CinCensusScope = 'Child' | 'CINdetails';

/**
 * Where one of our columns comes from: the text of an element at `path`
 * below the record element (`[]` is the record element's own text), or
 * below its enclosing `of` element; a `flag` element whose yes and no are
 * written as our text; or a `constant`.
 */
export type CinCensusColumnSource =
  | { readonly path: readonly string[]; readonly of?: CinCensusScope; readonly flag?: { readonly yes: string; readonly no: string } }
  | { readonly constant: string };

/** One element of the return that yields one record of `kind` each time it occurs. */
export interface CinCensusTable<K extends ExtractKind = ExtractKind> {
  /** The record element, and the table's name after the file's (`CIN_Census_2024.xml:Section47`). */
  readonly element: string;
  readonly kind: K;
  /** Names these records in notes. */
  readonly label: string;
  readonly columns: { readonly [C in CanonicalColumn<K>]?: CinCensusColumnSource };
}

/** A table of any kind, narrowed by its `kind`. */
export type AnyCinCensusTable = { [K in ExtractKind]: CinCensusTable<K> }[ExtractKind];

const CHILD_ID: CinCensusColumnSource = { path: ['ChildIdentifiers', 'LAchildID'], of: 'Child' };

/** The tables a return yields, in the order they are read. */
export const CIN_CENSUS_TABLES: readonly AnyCinCensusTable[] = [
  {
    element: 'CINdetails',
    kind: 'referrals',
    label: 'referrals (one per episode of need)',
    columns: {
      child_id: CHILD_ID,
      referral_date: { path: ['CINreferralDate'] },
      // ReferralNFA is the census's yes/no (0/1; true/false in some returns); Annex A List 3 spells the outcome the same way.
      outcome: { path: ['ReferralNFA'], flag: { yes: 'NFA', no: 'Further action' } },
    },
  },
  {
    element: 'Assessments',
    kind: 'assessments',
    label: 'assessments',
    columns: {
      child_id: CHILD_ID,
      referral_date: { path: ['CINreferralDate'], of: 'CINdetails' },
      start_date: { path: ['AssessmentActualStartDate'] },
      completed_date: { path: ['AssessmentAuthorisationDate'] },
    },
  },
  {
    element: 'Section47',
    kind: 'enquiries',
    label: 'section 47 enquiries',
    columns: {
      child_id: CHILD_ID,
      s47_start: { path: ['S47ActualStartDate'] },
      icpc_date: { path: ['DateOfInitialCPC'] },
      icpc_not_required: { path: ['ICPCnotRequired'] },
    },
  },
  {
    element: 'ChildProtectionPlans',
    kind: 'plans',
    label: 'CP plans',
    columns: {
      child_id: CHILD_ID,
      plan_type: { constant: 'CP' },
      start_date: { path: ['CPPstartDate'] },
      end_date: { path: ['CPPendDate'] },
      category: { path: ['LatestCategoryOfAbuse'] },
    },
  },
  {
    element: 'CINPlanDates',
    kind: 'plans',
    label: 'CIN plans',
    columns: {
      child_id: CHILD_ID,
      plan_type: { constant: 'CIN' },
      start_date: { path: ['CINPlanStartDate'] },
      end_date: { path: ['CINPlanEndDate'] },
      category: { path: ['PrimaryNeedCode'], of: 'CINdetails' },
    },
  },
  {
    element: 'CPPreviewDate',
    kind: 'reviews',
    label: 'CP reviews',
    columns: {
      child_id: CHILD_ID,
      review_type: { constant: 'CP' },
      review_date: { path: [] },
    },
  },
];

/**
 * The census's elements: each element that holds others, with the elements
 * it may hold (in any order: order is not checked). Any other element, or
 * one inside an element that holds only text, is outside the census and
 * reported, never silently dropped. Elements listed but not read (UPN,
 * ethnicity, assessment factors…) are simply not needed for a figure.
 */
export const CIN_CENSUS_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  '': ['Message'],
  Message: ['Header', 'Children'],
  Header: ['CollectionDetails', 'Source'],
  CollectionDetails: ['Collection', 'Year', 'ReferenceDate'],
  Source: ['SourceLevel', 'LEA', 'SoftwareCode', 'Release', 'SerialNo', 'DateTime'],
  Children: ['Child'],
  Child: ['ChildIdentifiers', 'ChildCharacteristics', 'CINdetails'],
  // GenderCurrent until the 2024 schema, Sex from 2025.
  ChildIdentifiers: ['LAchildID', 'UPN', 'FormerUPN', 'UPNunknown', 'PersonBirthDate', 'ExpectedPersonBirthDate', 'GenderCurrent', 'Sex', 'PersonDeathDate'],
  ChildCharacteristics: ['Ethnicity', 'Disabilities'],
  Disabilities: ['Disability'],
  CINdetails: [
    'CINreferralDate',
    'ReferralSource',
    'PrimaryNeedCode',
    'CINclosureDate',
    'ReasonForClosure',
    'DateOfInitialCPC',
    'Assessments',
    'CINPlanDates',
    'Section47',
    'ReferralNFA',
    'ChildProtectionPlans',
    'PreProceedingsandFGDM',
  ],
  Assessments: ['AssessmentActualStartDate', 'AssessmentInternalReviewDate', 'AssessmentAuthorisationDate', 'FactorsIdentifiedAtAssessment'],
  FactorsIdentifiedAtAssessment: ['AssessmentFactors'],
  CINPlanDates: ['CINPlanStartDate', 'CINPlanEndDate'],
  Section47: ['S47ActualStartDate', 'InitialCPCtarget', 'DateOfInitialCPC', 'ICPCnotRequired'],
  ChildProtectionPlans: ['CPPstartDate', 'CPPendDate', 'InitialCategoryOfAbuse', 'LatestCategoryOfAbuse', 'NumberOfPreviousCPP', 'Reviews'],
  Reviews: ['CPPreviewDate'],
  PreProceedingsandFGDM: [
    'PPStartDate',
    'LBPSentDate',
    'FGDMMeetingOffer',
    'FGDMMeetingFac',
    'InitialPPMeetingDate',
    'ReviewMeetingsCount',
    'StepDecisionDate',
    'PPOutcome',
    'CourtAppDate',
    'LetterInitCPDate',
  ],
};

/** The elements holding text that may occur more than once in the element holding them; any other appears once. */
export const CIN_CENSUS_REPEATING: ReadonlySet<string> = new Set(['Disability', 'AssessmentFactors', 'CPPreviewDate']);

/** Whether an element holds other elements rather than text. */
export function holdsElements(name: string): boolean {
  return Object.hasOwn(CIN_CENSUS_ELEMENTS, name);
}

/** Whether the census allows `name` inside `parent` ('' for the document's root). */
export function isCensusElement(parent: string, name: string): boolean {
  return holdsElements(parent) && CIN_CENSUS_ELEMENTS[parent]!.includes(name);
}

/** The tables a return yields for a kind (plans come from CP plans and CIN plans). */
export function cinCensusTables(kind: ExtractKind): readonly AnyCinCensusTable[] {
  return CIN_CENSUS_TABLES.filter((table) => table.kind === kind);
}

/** Why a kind is absent when a CIN census return is read, if the census cannot hold it (visits, missing episodes, audits…). */
export function cinCensusLacks(kind: ExtractKind): string | undefined {
  return CIN_CENSUS_TABLES.some((table) => table.kind === kind) ? undefined : 'not in a CIN census return';
}
