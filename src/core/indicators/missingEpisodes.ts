import { formatUk } from '../dates/localDate.js';
import { compareLocal } from '../dates/londonTime.js';
import type { MissingRecord } from '../extracts/definitions.js';
import { byCodePoint } from '../textOrder.js';
import { caseOf } from './caseRow.js';
import { count } from './words.js';
import type { IndicatorDefinition } from './types.js';
import { recordsWhereDays } from '../extracts/recordList.js';

/**
 * Earliest missing_from first; episodes that began at the same time by
 * their values, never row order, since the first gives the child's team.
 */
function earliestFirst(a: MissingRecord, b: MissingRecord): number {
  return (
    compareLocal(a.missing_from, b.missing_from) ||
    // A date-only start reads as the start of its day.
    (a.missing_from.minute ?? -1) - (b.missing_from.minute ?? -1) ||
    byCodePoint(a.episode_id, b.episode_id) ||
    byCodePoint(a.team, b.team) ||
    byCodePoint(a.worker, b.worker)
  );
}

export const missingOver5Days: IndicatorDefinition = {
  id: 'missing-over-5-days',
  title: (s) => `Children missing for more than ${count(s.missingDays, 'day')}`,
  definition:
    'children with a missing episode that began at least the set number of days before the as-at date and had not ended by it, each once, under their earliest such episode (the weekly highlight list)',
  kind: 'count',
  direction: 'lower',
  defaultTarget: 0,
  timescale: (s) => `${s.missingDays} days`,
  reads: { missing: ['returned_at'] },
  subject: 'missing',
  *cases({ data, period, settings }) {
    const extract = data.missing!;
    const latestStart = period.asAt - settings.missingDays;
    const byChild = new Map<string, MissingRecord[]>();
    // Still missing on the as-at date, and missing since latestStart or earlier.
    const stillMissing = recordsWhereDays(extract.records, ['missing_from', 'returned_at'], ([from, back]) => from! <= latestStart && (back === undefined || back > period.asAt));
    for (const e of stillMissing) {
      const list = byChild.get(e.child_id);
      if (list) list.push(e);
      else byChild.set(e.child_id, [e]);
    }
    // catalogue.md: children, not episodes; the earliest episode is listed and gives the team.
    for (const episodes of byChild.values()) {
      episodes.sort(earliestFirst);
      const first = episodes[0]!;
      const days = period.asAt - first.missing_from.day;
      const others = episodes.length > 1 ? `; ${count(episodes.length - 1, 'other episode')} over ${count(settings.missingDays, 'day')}` : '';
      yield caseOf(extract, first, true, `missing since ${formatUk(first.missing_from.day)} (${count(days, 'day')})${others}`);
    }
  },
};
