import { assessmentChildSeen, assessmentOpenOverdue, assessmentSeenAlone, assessmentTimeliness, assessmentVoiceRecorded } from './assessments.js';
import { auditActions20WorkingDays, auditModerationAgreement, auditsGoodOrBetter, auditsInadequate, auditThemeIndicator } from './audits.js';
import { careLeaversEet, careLeaversInTouch, careLeaversSuitableAccommodation } from './careLeavers.js';
import { caseload18OrLess } from './caseload.js';
import { icpc15WorkingDays } from './conferences.js';
import { contactDecision1WorkingDay, contactsNfa } from './contacts.js';
import { iha20WorkingDays } from './healthAssessments.js';
import { cinPlanOver2Years, cpPlanOver18Months, pfChildren } from './longPlans.js';
import { missingOver5Days } from './missingEpisodes.js';
import { pfVisit7Days } from './pfVisits.js';
import { placementMoves3Plus } from './placements.js';
import { repeatCpPlan, repeatCpPlan2Years } from './repeatPlans.js';
import { reReferral12Months } from './reReferrals.js';
import { claReviewOverdue, claReviewTimeliness, cpReviewTimeliness } from './reviews.js';
import { rhiLateReason, rhiOffered, rhiWithin72h } from './returnInterviews.js';
import { oversight6Weeks, supervision6Weeks } from './supervision.js';
import { DEFAULT_SETTINGS, type Settings } from '../settings.js';
import { shapeIndicator } from './shapes.js';
import type { IndicatorDefinition } from './types.js';
import { visitsCin, visitsCla, visitsCp } from './visits.js';
import { visitTimelinessCin, visitTimelinessCla, visitTimelinessCp } from './visitTimeliness.js';

/** Every indicator, in the order reports show them. Adding one: its file, and one line here. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  assessmentTimeliness,
  assessmentOpenOverdue,
  assessmentChildSeen,
  assessmentSeenAlone,
  assessmentVoiceRecorded,
  rhiWithin72h,
  rhiOffered,
  rhiLateReason,
  missingOver5Days,
  visitsCp,
  visitsCin,
  visitsCla,
  supervision6Weeks,
  oversight6Weeks,
  visitTimelinessCp,
  visitTimelinessCin,
  visitTimelinessCla,
  pfVisit7Days,
  cpPlanOver18Months,
  cinPlanOver2Years,
  repeatCpPlan,
  repeatCpPlan2Years,
  reReferral12Months,
  caseload18OrLess,
  pfChildren,
  auditsGoodOrBetter,
  auditsInadequate,
  auditModerationAgreement,
  auditActions20WorkingDays,
  claReviewTimeliness,
  cpReviewTimeliness,
  claReviewOverdue,
  icpc15WorkingDays,
  placementMoves3Plus,
  iha20WorkingDays,
  careLeaversInTouch,
  careLeaversEet,
  careLeaversSuitableAccommodation,
  contactsNfa,
  contactDecision1WorkingDay,
];

/** The built-ins and the authority's own indicators of the config, in that order. */
export function indicatorsFor(settings: Settings): IndicatorDefinition[] {
  return [...INDICATORS, ...settings.auditThemes.map(auditThemeIndicator), ...settings.indicators.map(shapeIndicator)];
}

/** The indicator with this id among those of the settings, if any. */
export function findIndicator(id: string, settings: Settings = DEFAULT_SETTINGS): IndicatorDefinition | undefined {
  return indicatorsFor(settings).find((indicator) => indicator.id === id);
}
