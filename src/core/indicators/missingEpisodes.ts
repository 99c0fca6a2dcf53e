import { formatUk } from '../dates/localDate.js';
import { caseOf } from './caseRow.js';
import { count } from './words.js';
import type { CaseRow, IndicatorDefinition } from './types.js';

export const missingOver5Days: IndicatorDefinition = {
  id: 'missing-over-5-days',
  title: (s) => `Children missing for more than ${count(s.missingDays, 'day')}`,
  definition: 'missing episodes that began at least the set number of days before the as-at date and had not ended by it (the weekly highlight list)',
  kind: 'count',
  direction: 'lower',
  defaultTarget: 0,
  timescale: (s) => `${s.missingDays} days`,
  reads: { missing: ['returned_at'] },
  subject: 'missing',
  cases: ({ data, period, settings }) => {
    const extract = data.missing!;
    const latestStart = period.asAt - settings.missingDays;
    const rows: CaseRow[] = [];
    for (const e of extract.records) {
      if (e.missing_from.day > latestStart) continue;
      if (e.returned_at !== undefined && e.returned_at.day <= period.asAt) continue;
      const days = period.asAt - e.missing_from.day;
      rows.push(caseOf(extract, e, false, `missing since ${formatUk(e.missing_from.day)} (${count(days, 'day')})`));
    }
    return rows;
  },
};
