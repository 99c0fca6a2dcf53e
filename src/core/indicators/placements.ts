import { formatUk, type DayNumber } from '../dates/localDate.js';
import { addMonths } from '../dates/months.js';
import { caseOf } from './caseRow.js';
import { openPlansByChild } from './openPlans.js';
import type { CaseRow, IndicatorDefinition } from './types.js';
import { count } from './words.js';

/** The months looked back over, and the placements in them that make a child counted (catalogue.md `placement-moves-3-plus`, WS 35). */
export const PLACEMENT_MOVES_MONTHS = 12;
export const PLACEMENT_MOVES_COUNTED = 3;

/** Each child's days of the records `dayOf` dates (those it gives no day are left out). */
export function daysByChild<R extends { readonly child_id: string }>(records: readonly R[], dayOf: (record: R) => DayNumber | undefined): Map<string, DayNumber[]> {
  const days = new Map<string, DayNumber[]>();
  for (const record of records) {
    const day = dayOf(record);
    if (day === undefined) continue;
    const list = days.get(record.child_id);
    if (list) list.push(day);
    else days.set(record.child_id, [day]);
  }
  return days;
}

/** "3 placements started 01/03/2025 to 28/02/2026: 01/03/2025, 10/06/2025, 28/02/2026". */
function movesDetail(started: readonly DayNumber[], since: DayNumber, asAt: DayNumber): string {
  const window = `${formatUk(since)} to ${formatUk(asAt)}`;
  if (started.length === 0) return `no placement started ${window}`;
  return `${count(started.length, 'placement')} started ${window}: ${started.map(formatUk).join(', ')}`;
}

export const placementMoves3Plus: IndicatorDefinition = {
  id: 'placement-moves-3-plus',
  title: () => `Children looked after with ${PLACEMENT_MOVES_COUNTED} or more placements in ${PLACEMENT_MOVES_MONTHS} months`,
  definition: `children with an open CLA plan on the as-at date (the plan with the latest start); counted when ${PLACEMENT_MOVES_COUNTED} or more of their placements, from any CLA episode, started on or after the as-at date less ${PLACEMENT_MOVES_MONTHS} months (clamped to the month's end) and on or before the as-at date`,
  kind: 'rate',
  direction: 'lower',
  defaultTarget: null,
  timescale: () => count(PLACEMENT_MOVES_MONTHS, 'month'),
  reads: { plans: ['end_date'], placements: [] },
  subject: 'plans',
  cases: ({ data, period }) => {
    const plans = data.plans!;
    const starts = daysByChild(data.placements!.records, (placement) => placement.placement_start);
    const { asAt } = period;
    // catalogue.md "Placements": on or after as-at − 12 months (29/02/2028 − 12 months = 28/02/2027) and on or before as-at.
    const since = addMonths(asAt, -PLACEMENT_MOVES_MONTHS);
    const rows: CaseRow[] = [];
    for (const [childId, open] of openPlansByChild(plans.records, asAt, 'CLA')) {
      const started = (starts.get(childId) ?? []).filter((day) => day >= since && day <= asAt).sort((a, b) => a - b);
      rows.push(caseOf(plans, open[0]!, started.length >= PLACEMENT_MOVES_COUNTED, movesDetail(started, since, asAt)));
    }
    return rows;
  },
};
