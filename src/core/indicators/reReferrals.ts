import { formatUk, type DayNumber } from '../dates/localDate.js';
import { addMonths } from '../dates/months.js';
import { caseOfEvent } from './caseRow.js';
import { latestEventsOf } from './latestEvents.js';
import { inYearsOrMonths } from './longPlans.js';
import type { IndicatorDefinition } from './types.js';
import { count } from './words.js';

export const reReferral12Months: IndicatorDefinition = {
  id: 're-referral-12-months',
  title: (s) => `Referrals within ${inYearsOrMonths(s.reReferralMonths)} of a previous referral`,
  definition: 'referrals with referral_date in the period (one row per referral); counted when the child has an earlier referral dated before it and on or after the set months before it',
  kind: 'rate',
  direction: 'lower',
  defaultTarget: 0.25,
  timescale: (s) => count(s.reReferralMonths, 'month'),
  reads: { referrals: [] },
  // One row per referral, grouped by the referral's own team, which its event holds.
  subject: 'referrals',
  *cases({ data, period, settings }) {
    const extract = data.referrals!;
    const events = extract.events!;
    const index = latestEventsOf(events);
    const { day: days, dayBase } = events.data();
    for (let i = 0; i < events.length; i++) {
      const day = (dayBase + days[i]!) as DayNumber;
      if (day < period.from || day > period.to) continue;
      // catalogue.md "Re-referral": strictly before (a same-day referral is not earlier) and on or after date − N months, clamped.
      const since = addMonths(day, -settings.reReferralMonths);
      const previous = index.latestOfChild(events.childNumberAt(i), 0, (day - 1) as DayNumber);
      const counted = previous !== undefined && previous >= since;
      const detail =
        previous === undefined
          ? 'no earlier referral'
          : `previous referral ${formatUk(previous)}${counted ? '' : `, before ${formatUk(since)}`}`;
      yield caseOfEvent(extract, i, counted, detail);
    }
  },
};
