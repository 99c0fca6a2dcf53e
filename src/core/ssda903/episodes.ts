/*
 * SSDA903 episodes → periods of care (our CLA plans) and placements. An
 * episode row is one stretch of unchanged legal status and placement; the
 * SSDA903 guidance starts a new episode at each change, so one period of
 * care is a chain of episodes in which each DECOM equals the previous DEC,
 * and a placement a chain in which the placement did not change. Pure: the
 * reader gives the rows, this gives the derived rows and the issues.
 */
import { formatUk, type DayNumber } from '../dates/localDate.js';
import type { Issue } from '../extracts/issues.js';
import { parseDay } from '../extracts/values.js';
import { count } from '../indicators/words.js';
import { EPISODE_CODES, PLACEMENT_CHANGES } from './tables.js';

/** The episode columns the derivation reads. */
export const EPISODE_FIELDS = ['CHILD', 'DECOM', 'DEC', 'RNE', 'CIN', 'PLACE', 'REASON_PLACE_CHANGE'] as const;
type EpisodeField = (typeof EPISODE_FIELDS)[number];

/** One row of the episodes table: its values by column (trimmed) and its line. */
export interface EpisodeRow {
  readonly line: number;
  readonly values: Readonly<Record<EpisodeField, string>>;
}

/** A derived row: our columns' text, at the line of the episode it starts at. */
export interface DerivedRow {
  readonly line: number;
  readonly fields: readonly string[];
}

/** One period of care, as days, for checks against it (reviews). */
export interface CareSpan {
  readonly start: DayNumber;
  /** Null while the child is still in care. */
  readonly end: DayNumber | null;
}

/** What the episodes give. */
export interface Derivation {
  /** One CLA plan per period of care, in PLAN_COLUMNS. */
  readonly plans: readonly DerivedRow[];
  /** One placement per placement, in PLACEMENT_COLUMNS. */
  readonly placements: readonly DerivedRow[];
  /** Episodes rejected (row issues, naming the episodes table's column). */
  readonly rejected: readonly Issue[];
  /** Codes refused (cell issues): the episode is used without them. */
  readonly refused: readonly Issue[];
  /** Each child's periods of care, in order. */
  readonly care: ReadonlyMap<string, readonly CareSpan[]>;
  /** The latest DECOM or DEC: it lies in the return's collection year. */
  readonly latest: DayNumber | undefined;
  /** What became of the episode rows, for the tables' notes. */
  readonly note: string;
}

export const PLAN_COLUMNS = ['child_id', 'plan_type', 'start_date', 'end_date', 'category'] as const;
export const PLACEMENT_COLUMNS = ['child_id', 'placement_start', 'placement_end', 'placement_type', 'reason_changed'] as const;

interface Episode {
  readonly line: number;
  readonly child: string;
  readonly start: DayNumber;
  readonly end: DayNumber | null;
  readonly values: Readonly<Record<EpisodeField, string>>;
}

function rowIssue(line: number, code: Issue['code'], column: string, value: string, message: string): Issue {
  return { scope: 'row', code, line, column, value, message: `${column} ${JSON.stringify(value)} ${message}` };
}

/** The episode's dates, or the issue that rejects it. */
function readEpisode(row: EpisodeRow): Episode | Issue {
  const { CHILD: child, DECOM: decom, DEC: dec } = row.values;
  if (child === '') return rowIssue(row.line, 'MISSING_VALUE', 'CHILD', '', 'is blank: the episode has no child');
  if (decom === '') return rowIssue(row.line, 'MISSING_VALUE', 'DECOM', '', 'is blank: the episode has no start');
  const start = parseDay(decom);
  if (start === null) return rowIssue(row.line, 'INVALID_DATE', 'DECOM', decom, 'is not a date (dd/mm/yyyy)');
  const end = dec === '' ? null : parseDay(dec);
  if (end === null && dec !== '') return rowIssue(row.line, 'INVALID_DATE', 'DEC', dec, 'is not a date (dd/mm/yyyy)');
  if (end !== null && end < start) return rowIssue(row.line, 'END_BEFORE_START', 'DEC', dec, `is before the episode's DECOM ${decom}`);
  return { line: row.line, child, start, end, values: row.values };
}

/** The episode's values with codes outside the return's lists blanked, and the cell issues that says. */
function checkCodes(episode: Episode, refused: Issue[]): Readonly<Record<EpisodeField, string>> {
  const values = { ...episode.values };
  for (const [column, codes] of Object.entries(EPISODE_CODES) as [EpisodeField, readonly string[]][]) {
    const value = values[column];
    if (value === '' || codes.includes(value.toUpperCase())) continue;
    refused.push({ scope: 'cell', code: 'INVALID_CODE', line: episode.line, column, value, message: `${column} ${JSON.stringify(value)} is not an SSDA903 code (${codes.join(', ')}); read as not recorded` });
    values[column] = '';
  }
  return values;
}

/**
 * Derives the periods of care and placements. Episodes are ordered per child
 * by DECOM (then DEC, then line: row order never decides otherwise); an
 * episode starting before the previous one ended overlaps it and is rejected.
 */
export function deriveEpisodes(rows: readonly EpisodeRow[]): Derivation {
  const rejected: Issue[] = [];
  const refused: Issue[] = [];
  const byChild = new Map<string, Episode[]>();
  for (const row of rows) {
    const read = readEpisode(row);
    if ('code' in read) rejected.push(read);
    else byChild.set(read.child, [...(byChild.get(read.child) ?? []), read]);
  }
  const plans: DerivedRow[] = [];
  const placements: DerivedRow[] = [];
  const care = new Map<string, CareSpan[]>();
  let latest: DayNumber | undefined;
  let chained = 0;
  for (const [child, episodes] of [...byChild].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    episodes.sort((a, b) => a.start - b.start || (a.end ?? Infinity) - (b.end ?? Infinity) || a.line - b.line);
    let period: { first: Episode; last: Episode; category: string } | undefined;
    let placement: { first: Episode; last: Episode; values: Record<EpisodeField, string> } | undefined;
    const spans: CareSpan[] = [];
    const closePlacement = (): void => {
      if (!placement) return;
      const { first, last, values } = placement;
      placements.push({ line: first.line, fields: [child, first.values.DECOM, last.values.DEC, values.PLACE, values.REASON_PLACE_CHANGE] });
    };
    const closePeriod = (): void => {
      if (!period) return;
      closePlacement();
      placement = undefined;
      plans.push({ line: period.first.line, fields: [child, 'CLA', period.first.values.DECOM, period.last.values.DEC, period.category] });
      spans.push({ start: period.first.start, end: period.last.end });
    };
    for (const episode of episodes) {
      const previous = period?.last;
      if (previous && (previous.end === null || episode.start < previous.end)) {
        const until = previous.end === null ? 'is still open' : `ends ${formatUk(previous.end)}`;
        rejected.push(rowIssue(episode.line, 'END_BEFORE_START', 'DECOM', episode.values.DECOM, `overlaps the child's episode at line ${previous.line}, which ${until}`));
        continue;
      }
      const values = checkCodes(episode, refused);
      latest = Math.max(latest ?? -Infinity, episode.end ?? episode.start) as DayNumber;
      if (previous && previous.end === episode.start) {
        chained++;
        period!.last = episode;
        const moved = PLACEMENT_CHANGES.includes(values.RNE.toUpperCase()) || values.PLACE !== placement!.values.PLACE;
        if (moved) {
          closePlacement();
          placement = { first: episode, last: episode, values };
        } else {
          // The reason a placement changed is recorded on its last episode (the one the change ended).
          placement!.last = episode;
          placement!.values.REASON_PLACE_CHANGE = values.REASON_PLACE_CHANGE;
        }
        continue;
      }
      closePeriod();
      period = { first: episode, last: episode, category: values.CIN };
      placement = { first: episode, last: episode, values };
    }
    closePeriod();
    care.set(child, spans);
  }
  const byLine = (a: DerivedRow, b: DerivedRow): number => a.line - b.line;
  const note = `${count(rows.length, 'episode row')}: ${count(plans.length, 'period')} of care, ${count(placements.length, 'placement')}; ${count(chained, 'episode')} continuing a period, ${rejected.length} rejected`;
  const issueByLine = (a: Issue, b: Issue): number => a.line - b.line;
  return { plans: plans.sort(byLine), placements: placements.sort(byLine), rejected: rejected.sort(issueByLine), refused: refused.sort(issueByLine), care, latest, note };
}
