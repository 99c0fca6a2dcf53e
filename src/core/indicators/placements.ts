import { formatUk, type DayNumber } from '../dates/localDate.js';
import { addMonths } from '../dates/months.js';
import { caseOf, tallyRow } from './caseRow.js';
import { openPlansByChild } from './openPlans.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import type { IndicatorDefinition } from './types.js';
import { byChild } from './byChild.js';
import type { PlacementRecord } from '../extracts/definitions.js';
import type { RecordList } from '../extracts/recordList.js';
import { memoised } from '../memoised.js';
import { count } from './words.js';

/** Each child's placement starts: built once per placements extract, a trend asks once a period. */
const placementStartsByChild = memoised((placements: RecordList<PlacementRecord>) => byChild(placements, (placement) => placement.placement_start));

/** "3 placements started 01/03/2025 to 28/02/2026: 01/03/2025, 10/06/2025, 28/02/2026". */
function movesDetail(started: readonly DayNumber[], since: DayNumber, asAt: DayNumber): string {
  const window = `${formatUk(since)} to ${formatUk(asAt)}`;
  if (started.length === 0) return `no placement started ${window}`;
  return `${count(started.length, 'placement')} started ${window}: ${started.map(formatUk).join(', ')}`;
}

// The months looked back over and the placements in them that count are `placementMovesMonths` and
// `placementMovesCount` (catalogue.md `placement-moves-3-plus`, WS 35: 3 or more in 12 months); the id stays.
export const placementMoves3Plus: IndicatorDefinition = {
  id: 'placement-moves-3-plus',
  title: (s) => `Children looked after with ${s.placementMovesCount} or more placements in ${count(s.placementMovesMonths, 'month')}`,
  definition: `children with an open CLA plan on the as-at date (the plan with the latest start); counted when placementMovesCount (${DEFAULT_SETTINGS.placementMovesCount} by default) or more of their placements, from any CLA episode, started on or after the as-at date less placementMovesMonths (${DEFAULT_SETTINGS.placementMovesMonths} by default; clamped to the month's end) and on or before the as-at date`,
  kind: 'rate',
  direction: 'lower',
  defaultTarget: null,
  timescale: (s) => count(s.placementMovesMonths, 'month'),
  reads: { plans: ['end_date'], placements: [] },
  subject: 'plans',
  *cases({ data, period, settings, countedOnly }) {
    const plans = data.plans!;
    const starts = placementStartsByChild(data.placements!.records);
    const { asAt } = period;
    // catalogue.md "Placements": on or after as-at − 12 months (29/02/2028 − 12 months = 28/02/2027) and on or before as-at.
    const since = addMonths(asAt, -settings.placementMovesMonths);
    const open = openPlansByChild(plans.records, asAt, 'CLA');
    for (let c = 0; c < open.size; c++) {
      const started = (starts.get(open.childId(c)) ?? []).filter((day) => day >= since && day <= asAt);
      const counted = started.length >= settings.placementMovesCount;
      yield countedOnly ? tallyRow(counted) : caseOf(plans, open.newest(c), counted, movesDetail(started.sort((a, b) => a - b), since, asAt));
    }
  },
};
