import { SUPERVISION_KINDS, type SupervisionKind } from '../extracts/definitions.js';
import type { EventLog } from '../extracts/eventLog.js';
import { dueSnapshot } from './dueSnapshot.js';
import { LatestEvents, memoised } from './latestEvents.js';
import type { IndicatorDefinition } from './types.js';
import { inWeeks } from './words.js';

const recordIndex = memoised((log: EventLog) => new LatestEvents(log));

function supervisionIndicator(kind: SupervisionKind, id: string, what: string, defaultTarget: number): IndicatorDefinition {
  const days = (s: { supervisionDays: number; oversightDays: number }) => (kind === 'supervision' ? s.supervisionDays : s.oversightDays);
  return {
    id,
    title: (s) => `Open cases with ${what} in the last ${inWeeks(days(s))}`,
    definition: `children with any open plan on the as-at date; met when not overdue: due = the set days after the later of the earliest open plan's start and the latest ${kind} record on or before the as-at date`,
    kind: 'rate',
    direction: 'higher',
    defaultTarget,
    timescale: (s) => `${days(s)} days`,
    reads: { plans: ['end_date'], supervision: [] },
    subject: 'plans',
    cases: (input) => {
      const index = recordIndex(input.data.supervision!.events!);
      const code = SUPERVISION_KINDS.indexOf(kind);
      return dueSnapshot(input, {
        startFrom: 'oldest-plan',
        interval: { calendarDays: days(input.settings) },
        event: kind,
        lastEvent: (childId, asAt) => index.latestOnOrBefore(childId, code, asAt),
      });
    },
  };
}

export const supervision6Weeks = supervisionIndicator('supervision', 'supervision-6-weeks', 'supervision', 0.95);
export const oversight6Weeks = supervisionIndicator('oversight', 'oversight-6-weeks', 'management oversight', 0.9);
