import { ANNEX_A_LISTS } from '../annexA/lists.js';
import type { ExtractKind } from './definitions.js';

/**
 * Headers that mean our columns in case-system exports (Mosaic, Liquidlogic,
 * Eclipse reports) and in Ofsted Annex A lists. Matched like our own names
 * (case, spaces, `_`, `-`, trailing `?` and curly quotes ignored), after any
 * the config gives. `validate` prints which header each column was read from.
 */
const PERSON = ['Child ID', 'Child Unique ID', 'Person ID', 'Client ID', 'Child Reference', 'Person Reference', 'CHILD', 'LA Child ID', 'Child Identifier'];
const TEAM = ['Team', 'Allocated Team', 'Team Name', 'Responsible Team'];
const WORKER = ['Worker', 'Allocated Worker', 'Social Worker', 'Allocated Social Worker', 'Worker Name', 'Keyworker'];

const CASE_SYSTEM_ALIASES: { readonly [K in ExtractKind]: Readonly<Record<string, readonly string[]>> } = {
  assessments: {
    child_id: PERSON,
    assessment_id: ['Assessment ID', 'Assessment Reference', 'Assessment Unique ID', 'Workflow ID'],
    referral_date: ['Referral Date', 'Date of Referral', 'Referral Received Date'],
    start_date: ['Assessment Start Date', 'Assessment Start', 'Start Date', 'Date Started', 'Continuous Assessment Start Date', 'Assessment actual start date'],
    completed_date: [
      'Assessment Completed Date',
      'Assessment Completion Date',
      'Completed Date',
      'Date Completed',
      'Completion Date',
      'Assessment Authorised Date',
      'Date Authorised',
      'Assessment End Date',
      'Continuous Assessment Date of Completion',
    ],
    team: TEAM,
    worker: WORKER,
    child_seen: ['Child Seen', 'Was the child seen', 'Child Seen During Assessment', 'Seen'],
    child_seen_alone: ['Child Seen Alone', 'Was the child seen alone', 'Seen Alone'],
    child_voice_recorded: ["Child's Voice Recorded", 'Childs Voice Recorded', 'Child Voice Recorded', 'Voice of the Child Recorded', "Child's Views Recorded", 'Wishes and Feelings Recorded'],
  },
  plans: {
    child_id: PERSON,
    plan_id: ['Plan ID', 'Plan Reference', 'Episode ID', 'Plan Unique ID'],
    plan_type: ['Plan Type', 'Type of Plan', 'Legal Status Type', 'Case Type'],
    start_date: ['Plan Start Date', 'Start Date', 'Date Started', 'Plan Start'],
    end_date: ['Plan End Date', 'End Date', 'Date Ended', 'Plan End', 'Closure Date', 'Date of Closure'],
    category: ['Category', 'Category of Abuse', 'Initial Category of Abuse', 'Latest Category of Abuse', 'CP Category'],
    team: TEAM,
    worker: WORKER,
  },
  visits: {
    child_id: PERSON,
    visit_date: ['Visit Date', 'Date of Visit', 'Statutory Visit Date', 'Date of last statutory visit', 'Date Visited', 'Actual Visit Date'],
    plan_type: ['Plan Type', 'Visit Type', 'Type of Plan'],
    seen_alone: ['Seen Alone', 'Child Seen Alone', 'Was the child seen alone'],
    worker: WORKER,
    team: TEAM,
  },
  missing: {
    child_id: PERSON,
    episode_id: ['Episode ID', 'Missing Episode ID', 'Episode Reference', 'Missing ID'],
    missing_from: ['Missing From', 'Missing Date', 'Date Missing', 'Missing Start', 'Missing Start Date', 'Date went missing', 'Start of Missing Episode'],
    returned_at: ['Returned', 'Returned At', 'Return Date', 'Returned Date', 'Date Returned', 'Missing End Date', 'Date of Return', 'End of Missing Episode'],
    rhi_offered: ['RHI Offered', 'Return Interview Offered', 'Return Home Interview Offered', 'Was RHI offered'],
    rhi_completed_at: ['RHI Date', 'RHI Completed', 'RHI Completed Date', 'Return Interview Date', 'Return Home Interview Date', 'Date of RHI', 'RHI Completed At'],
    rhi_declined: ['RHI Declined', 'Return Interview Declined', 'Return Home Interview Declined', 'Child declined RHI'],
    late_reason: ['Late Reason', 'Reason RHI Late', 'Reason for Late RHI', 'RHI Late Reason', 'Reason not within 72 hours'],
    looked_after: ['Looked After', 'LAC', 'CLA', 'Missing From Care', 'Is Looked After'],
    team: TEAM,
    worker: WORKER,
  },
  supervision: {
    child_id: PERSON,
    recorded_date: ['Recorded Date', 'Date Recorded', 'Supervision Date', 'Date of Supervision', 'Oversight Date', 'Case Note Date', 'Event Date'],
    kind: ['Kind', 'Type', 'Supervision Type', 'Record Type', 'Case Note Type', 'Note Type'],
    worker: WORKER,
    supervisor: ['Supervisor', 'Manager', 'Team Manager', 'Recorded By'],
    team: TEAM,
  },
  referrals: {
    child_id: PERSON,
    referral_date: ['Referral Date', 'Date of Referral', 'Referral Received Date', 'Date Referral Received'],
    outcome: ['Outcome', 'Referral Outcome', 'Next Step'],
    team: TEAM,
  },
  audits: {
    child_id: PERSON,
    audit_id: ['Audit ID', 'Audit Reference'],
    audit_date: ['Audit Date', 'Date of Audit', 'Date Audited'],
    grade: ['Grade', 'Audit Grade', 'Overall Grade', 'Judgement', 'Overall Judgement'],
    moderated_grade: ['Moderated Grade', 'Moderation Grade', 'Grade After Moderation'],
    audit_type: ['Audit Type', 'Type of Audit'],
    auditor: ['Auditor', 'Audited By'],
    team: TEAM,
    worker: WORKER,
    record_kind: ['Kind', 'Record Kind', 'Sampled Kind'],
    record_id: ['Record ID', 'Sampled Record'],
  },
  'audit-actions': {
    audit_id: ['Audit ID', 'Audit Reference'],
    action_id: ['Action ID', 'Action Reference'],
    raised_date: ['Raised Date', 'Date Raised', 'Action Date', 'Date Set'],
    completed_date: ['Completed Date', 'Date Completed', 'Completion Date'],
    due_date: ['Due Date', 'Date Due', 'Target Date'],
    team: TEAM,
  },
  reviews: {
    child_id: PERSON,
    review_id: ['Review ID', 'Meeting ID'],
    review_type: ['Review Type', 'Type of Review', 'Meeting Type'],
    review_date: ['Review Date', 'Date of Review', 'Review Meeting Date', 'Meeting Date'],
    plan_id: ['Plan ID', 'Episode ID'],
    team: TEAM,
    worker: WORKER,
  },
  enquiries: {
    child_id: PERSON,
    enquiry_id: ['Enquiry ID', 'S47 ID', 'Section 47 ID'],
    s47_start: ['S47 Start', 'S47 Start Date', 'Section 47 Start Date', 'Strategy Discussion Date', 'Date of Strategy Discussion'],
    icpc_date: ['ICPC Date', 'Date of ICPC', 'Initial Child Protection Conference Date', 'Date of Initial Child Protection Conference'],
    icpc_not_required: ['ICPC Not Required', 'Conference Not Required'],
    icpc_result_cp_plan: ['ICPC Result CP Plan', 'Child Protection Plan Made', 'CP Plan Outcome'],
    team: TEAM,
    worker: WORKER,
  },
  placements: {
    child_id: PERSON,
    placement_id: ['Placement ID', 'Placement Reference'],
    placement_start: ['Placement Start', 'Placement Start Date', 'Date Placement Started'],
    placement_end: ['Placement End', 'Placement End Date', 'Date Placement Ended'],
    placement_type: ['Placement Type', 'Type of Placement'],
    reason_changed: ['Reason Changed', 'Reason for Change', 'Reason for Placement Change'],
    team: TEAM,
  },
  careleavers: {
    child_id: PERSON,
    contact_id: ['Contact ID', 'Contact Reference'],
    date_of_birth: ['Date of Birth', 'DOB', 'Birth Date'],
    contact_date: ['Contact Date', 'Date of Contact'],
    in_touch: ['In Touch', 'In Touch With Authority'],
    activity: ['Activity', 'Main Activity', 'Education Employment Training'],
    accommodation_suitable: ['Accommodation Suitable', 'Suitable Accommodation', 'Suitability of Accommodation'],
    pathway_plan_date: ['Pathway Plan Date', 'Date of Pathway Plan'],
    team: TEAM,
    worker: WORKER,
  },
  health: {
    child_id: PERSON,
    assessment_id: ['Health Assessment ID', 'Assessment ID'],
    assessment_type: ['Assessment Type', 'Health Assessment Type', 'Type of Health Assessment'],
    completed_date: ['Completed Date', 'Date Completed', 'Health Assessment Date', 'Date of Health Assessment'],
    due_date: ['Due Date', 'Date Due'],
    team: TEAM,
  },
  contacts: {
    child_id: PERSON,
    contact_id: ['Contact ID', 'Contact Reference'],
    contact_date: ['Contact Date', 'Date of Contact', 'Contact Received', 'Contact Date Time'],
    decision_date: ['Decision Date', 'Date of Decision', 'Decision Made', 'Contact Decision Date'],
    outcome: ['Outcome', 'Contact Outcome', 'Next Step', 'Decision'],
    team: TEAM,
    worker: WORKER,
  },
};

/** The Annex A header spellings of each kind's columns, so a list saved as a plain CSV reads too. */
function annexAAliases(kind: ExtractKind): Record<string, string[]> {
  const aliases: Record<string, string[]> = {};
  for (const list of Object.values(ANNEX_A_LISTS)) {
    for (const yielded of list.yields) {
      if (yielded.kind !== kind) continue;
      for (const [column, source] of Object.entries(yielded.columns)) {
        if (source && 'headers' in source) aliases[column] = [...(aliases[column] ?? []), ...source.headers];
      }
    }
  }
  return aliases;
}

/** Built-in aliases per kind and column: case-system spellings first, then Annex A's. */
export const BUILT_IN_ALIASES: { readonly [K in ExtractKind]: Readonly<Record<string, readonly string[]>> } = Object.fromEntries(
  (Object.keys(CASE_SYSTEM_ALIASES) as ExtractKind[]).map((kind) => {
    const annexA = annexAAliases(kind);
    const own = CASE_SYSTEM_ALIASES[kind];
    const columns = new Set([...Object.keys(own), ...Object.keys(annexA)]);
    return [kind, Object.fromEntries([...columns].map((c) => [c, [...new Set([...(own[c] ?? []), ...(annexA[c] ?? [])])]]))];
  }),
) as unknown as { readonly [K in ExtractKind]: Readonly<Record<string, readonly string[]>> };
