/*
 * Reads the tables of an SSDA903 return as our extracts. The episodes table
 * is read whole and derived (src/core/ssda903/episodes.ts); the others are
 * mapped column by column like Annex A lists, reviews checked against the
 * episodes' periods of care and OC3 rows dated from their collection year.
 */
import { basename } from 'node:path';
import { columnName, ssda903Table } from '../../core/ssda903/tables.js';
import { deriveEpisodes, EPISODE_FIELDS, PLACEMENT_COLUMNS, PLAN_COLUMNS, type Derivation, type EpisodeRow } from '../../core/ssda903/episodes.js';
import { birthdayInCollectionYear, collectionYearOf } from '../../core/ssda903/collectionYear.js';
import { formatIso, formatUk } from '../../core/dates/localDate.js';
import { parseDay } from '../../core/extracts/values.js';
import type { Ssda903Source } from '../tableSource.js';
import { openMappedTable } from './annexAReader.js';
import { openCsv } from './csvReader.js';
import type { IssueSink, ReadNotes, RowReader, RowSink } from './rowReader.js';

/** Reads the episodes table's rows (the first non-blank row is its header) and derives periods of care and placements. */
async function readEpisodes(path: string, name: string, maxCellCharacters?: number): Promise<Derivation & { readonly notes: ReadNotes }> {
  const rows: EpisodeRow[] = [];
  let positions: number[] | undefined;
  const notes = await openCsv(path, name, maxCellCharacters).read((fields, line) => {
    if (fields.every((f) => f.trim() === '')) return;
    if (positions === undefined) {
      const header = fields.map(columnName);
      positions = EPISODE_FIELDS.map((field) => header.indexOf(field));
      return;
    }
    const values = Object.fromEntries(EPISODE_FIELDS.map((field, i) => [field, (fields[positions![i]!] ?? '').trim()]));
    rows.push({ line, values: values as EpisodeRow['values'] });
  });
  return { ...deriveEpisodes(rows), notes };
}

type RowCheck = (row: Readonly<Record<string, string>>, fields: string[], line: number, sink: RowSink, issues?: IssueSink) => void;

/** Passes a mapped table's rows on through `check`, which sees each by our column names; the header row through `header`. */
function inspect(reader: RowReader, check: RowCheck, header: (columns: string[]) => string[] = (columns) => columns): RowReader {
  return {
    ...reader,
    read(sink, issues) {
      let columns: string[] | undefined;
      return reader.read((fields, line) => {
        if (columns === undefined) {
          columns = fields;
          sink(header(fields), line);
          return;
        }
        check(Object.fromEntries(columns.map((column, i) => [column, fields[i] ?? ''])), fields, line, sink, issues);
      }, issues);
    },
  };
}

/** Reviews outside every period of care the episodes show are rejected (OUTSIDE_CARE). */
function checkInCare(reader: RowReader, derivation: Derivation): RowReader {
  return inspect(reader, (row, fields, line, sink, issues) => {
    const date = parseDay(row.review_date ?? '');
    const spans = derivation.care.get(row.child_id ?? '') ?? [];
    if (date === null || spans.some((span) => span.start <= date && (span.end === null || date <= span.end))) {
      sink(fields, line);
      return;
    }
    const when = spans.length === 0 ? 'the episodes table has no period of care for the child' : `the child was in care ${spans.map((s) => `${formatUk(s.start)} to ${s.end === null ? 'now' : formatUk(s.end)}`).join(', ')}`;
    issues?.({ scope: 'row', code: 'OUTSIDE_CARE', line, column: 'review_date', value: row.review_date!, message: `review_date ${JSON.stringify(row.review_date)} is outside the child's periods of care: ${when}` });
  });
}

/** Adds contact_date: the birthday in the collection year of the return's latest episode date. */
function datedContacts(reader: RowReader, year: number | undefined): RowReader {
  const check: RowCheck = (row, fields, line, sink) => {
    const birth = parseDay(row.date_of_birth ?? '');
    sink([...fields, birth === null || year === undefined ? '' : formatIso(birthdayInCollectionYear(birth, year))], line);
  };
  return inspect(reader, check, (columns) => [...columns, 'contact_date']);
}

/**
 * Opens an SSDA903 table as one of our extracts: episodes as derived CLA
 * plans or placements (each at the line of its first episode), the others
 * mapped column by column (see src/core/ssda903/tables.ts).
 */
export function openSsda903(source: Ssda903Source, maxCellCharacters?: number): RowReader {
  const { path, name, table, kind, episodes } = source;
  if (table === 'episodes') {
    const plans = kind === 'plans';
    return {
      name,
      serialDates: false,
      async read(sink, issues) {
        const derived = await readEpisodes(path, name, maxCellCharacters);
        sink([...(plans ? PLAN_COLUMNS : PLACEMENT_COLUMNS)], 1);
        for (const row of plans ? derived.plans : derived.placements) sink([...row.fields], row.line);
        for (const issue of plans ? derived.rejected : [...derived.rejected, ...derived.refused]) issues?.(issue);
        return { ...derived.notes, notes: [...derived.notes.notes, `read as ${plans ? 'CLA plans (one per period of care)' : 'placements'} from the SSDA903 episodes table: ${derived.note}`] };
      },
    };
  }
  const yielded = ssda903Table(table).yields.find((y) => y.kind === kind)!;
  const mapped = openMappedTable(openCsv(path, name, maxCellCharacters), { origin: 'the SSDA903', table: `${table} table` }, yielded);
  if (episodes === undefined || (table !== 'reviews' && table !== 'oc3')) return mapped;
  return {
    name,
    serialDates: false,
    async read(sink, issues) {
      const derived = await readEpisodes(episodes, basename(episodes), maxCellCharacters);
      if (table === 'reviews') return checkInCare(mapped, derived).read(sink, issues);
      const year = derived.latest === undefined ? undefined : collectionYearOf(derived.latest);
      const notes = await datedContacts(mapped, year).read(sink, issues);
      const dated =
        year === undefined
          ? 'contact_date cannot be set: the episodes table has no dated episode to give the collection year'
          : `contact_date is each young person's birthday in the collection year 1 April ${year} to 31 March ${year + 1} (the year of the episodes table's latest date)`;
      return { ...notes, notes: [...notes.notes, dated] };
    },
  };
}
