import { assessmentChildSeen, assessmentOpenOverdue, assessmentSeenAlone, assessmentTimeliness, assessmentVoiceRecorded } from './assessments.js';
import { missingOver5Days } from './missingEpisodes.js';
import { rhiLateReason, rhiOffered, rhiWithin72h } from './returnInterviews.js';
import { oversight6Weeks, supervision6Weeks } from './supervision.js';
import { DEFAULT_SETTINGS, type Settings } from '../settings.js';
import { shapeIndicator } from './shapes.js';
import type { IndicatorDefinition } from './types.js';
import { visitsCin, visitsCla, visitsCp } from './visits.js';

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
];

/** The built-ins and the authority's own indicators of the config, in that order. */
export function indicatorsFor(settings: Settings): IndicatorDefinition[] {
  return [...INDICATORS, ...settings.indicators.map(shapeIndicator)];
}

/** The indicator with this id among those of the settings, if any. */
export function findIndicator(id: string, settings: Settings = DEFAULT_SETTINGS): IndicatorDefinition | undefined {
  return indicatorsFor(settings).find((indicator) => indicator.id === id);
}
