import type { SupervisionKind } from '../extracts/definitions.js';
import { DEFAULT_SETTINGS, type Settings } from '../settings.js';
import { shapeIndicator, type ShapeSpec } from './shapes.js';
import type { IndicatorDefinition } from './types.js';
import { inWeeks } from './words.js';

/**
 * Supervision and oversight of open cases: the declarative `due` shape over
 * every open plan and the supervision records of one kind, its span taken
 * from the settings in force.
 */
function supervisionIndicator(kind: SupervisionKind, id: string, what: string, defaultTarget: number): IndicatorDefinition {
  const days = (s: Settings) => (kind === 'supervision' ? s.supervisionDays : s.oversightDays);
  const title = (s: Settings) => `Open cases with ${what} in the last ${inWeeks(days(s))}`;
  const spec = (s: Settings): ShapeSpec => ({
    id,
    title: title(s),
    direction: 'higher',
    shape: 'due',
    plans: {},
    records: { extract: 'supervision', date: 'recorded_date', where: { kind: [kind] }, label: kind },
    within: { calendarDays: days(s) },
  });
  const shape = (s: Settings) => shapeIndicator(spec(s));
  return {
    ...shape(DEFAULT_SETTINGS),
    title,
    definition: `children with any open plan on the as-at date; met when not overdue: due = the set days after the later of the earliest open plan's start and the latest ${kind} record on or before the as-at date`,
    defaultTarget,
    timescale: (s) => `${days(s)} days`,
    cases: (input) => shape(input.settings).cases(input),
  };
}

export const supervision6Weeks = supervisionIndicator('supervision', 'supervision-6-weeks', 'supervision', 0.95);
export const oversight6Weeks = supervisionIndicator('oversight', 'oversight-6-weeks', 'management oversight', 0.9);
