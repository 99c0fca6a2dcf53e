import { formatUk } from '../dates/localDate.js';
import { elapsedMinutes } from '../dates/londonTime.js';
import type { MissingRecord } from '../extracts/definitions.js';
import type { Settings } from '../settings.js';
import { caseOf } from './caseRow.js';
import { count } from './words.js';
import type { CaseRow, IndicatorDefinition, IndicatorInput } from './types.js';
import { recordsDatedIn } from '../extracts/recordList.js';

interface Measure {
  readonly met: boolean;
  readonly detail: string;
}

/**
 * Statutory guidance on children who go missing: the return home interview is
 * due within 72 hours of the return. Hours are elapsed hours between UK local
 * instants (a clock change gains or loses one); with a date only on either
 * side, at most 3 calendar days after the return date.
 */
export function interviewWithinWindow(episode: MissingRecord, settings: Settings): Measure {
  const returned = episode.returned_at!;
  const interview = episode.rhi_completed_at;
  if (interview === undefined) {
    return { met: false, detail: episode.rhi_declined === true ? 'interview declined' : 'no interview recorded' };
  }
  if (returned.minute === null || interview.minute === null) {
    const days = interview.day - returned.day;
    return { met: days <= settings.rhiHours / 24, detail: `interview ${count(days, 'day')} after return (date only)` };
  }
  const minutes = elapsedMinutes(returned as typeof returned & { minute: number }, interview as typeof interview & { minute: number });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return {
    met: minutes <= settings.rhiHours * 60,
    detail: `interview ${count(hours, 'hour')}${rest ? ` ${count(rest, 'minute')}` : ''} after return`,
  };
}

/** Episodes whose return falls in the period, each measured. */
function* returnedInPeriod(input: IndicatorInput, measure: (e: MissingRecord) => Measure | null): Generator<CaseRow> {
  const extract = input.data.missing!;
  for (const episode of recordsDatedIn(extract.records, 'returned_at', input.period.from, input.period.to)) {
    const outcome = measure(episode);
    if (outcome) yield caseOf(extract, episode, outcome.met, outcome.detail);
  }
}

const RETURNED_COHORT = 'missing episodes with returned_at in the period';

export const rhiWithin72h: IndicatorDefinition = {
  id: 'rhi-within-72h',
  title: (s) => `Return home interviews within ${count(s.rhiHours, 'hour')}`,
  definition: `${RETURNED_COHORT}; met when rhi_completed_at is within the window after returned_at (elapsed UK hours; date-only: calendar days)`,
  kind: 'rate',
  direction: 'higher',
  defaultTarget: 0.75,
  timescale: (s) => `${s.rhiHours} hours`,
  reads: { missing: ['returned_at', 'rhi_completed_at'] },
  subject: 'missing',
  cases: (input) => returnedInPeriod(input, (e) => interviewWithinWindow(e, input.settings)),
};

export const rhiOffered: IndicatorDefinition = {
  id: 'rhi-offered',
  title: () => 'Return home interview offered',
  definition: `${RETURNED_COHORT}; met when rhi_offered = yes or rhi_completed_at is present`,
  kind: 'rate',
  direction: 'higher',
  defaultTarget: 1,
  timescale: () => 'on return',
  reads: { missing: ['returned_at', 'rhi_offered'] },
  subject: 'missing',
  cases: (input) =>
    returnedInPeriod(input, (e) =>
      e.rhi_offered === true || e.rhi_completed_at !== undefined
        ? { met: true, detail: e.rhi_completed_at ? `interview ${formatUk(e.rhi_completed_at.day)}` : 'offered' }
        : { met: false, detail: e.rhi_offered === false ? 'not offered' : 'offer not recorded' },
    ),
};

export const rhiLateReason: IndicatorDefinition = {
  id: 'rhi-late-reason',
  title: (s) => `Reason recorded where RHI not within ${count(s.rhiHours, 'hour')}`,
  definition: `${RETURNED_COHORT} not met by rhi-within-72h; met when late_reason is recorded or rhi_declined = yes`,
  kind: 'rate',
  direction: 'higher',
  defaultTarget: 1,
  timescale: (s) => `${s.rhiHours} hours`,
  reads: { missing: ['returned_at', 'rhi_completed_at', 'late_reason'] },
  subject: 'missing',
  cases: (input) =>
    returnedInPeriod(input, (e) => {
      const window = interviewWithinWindow(e, input.settings);
      if (window.met) return null;
      if (e.late_reason !== undefined) return { met: true, detail: `${window.detail}; reason: ${e.late_reason}` };
      if (e.rhi_declined === true) return { met: true, detail: window.detail };
      return { met: false, detail: `${window.detail}; no reason recorded` };
    }),
};
