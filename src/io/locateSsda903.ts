import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { DataError } from '../core/errors.js';
import type { ExtractKind } from '../core/extracts/definitions.js';
import { EPISODE_KINDS, recogniseTable, SSDA903_TABLES, ssda903Table, type Ssda903TableName } from '../core/ssda903/tables.js';
import { openCsv } from './readers/csvReader.js';
import { firstRows } from './sampleTables.js';
import type { Ssda903Source } from './tableSource.js';

/** The tables an SSDA903 folder gives, by kind, and its CSV files that are no SSDA903 table. */
export interface LocatedSsda903 {
  readonly tables: ReadonlyMap<ExtractKind, readonly Ssda903Source[]>;
  readonly unread: readonly string[];
}

/** Each CSV file of the folder with the SSDA903 table its header row is, if any. */
async function recognise(dir: string): Promise<{ name: string; table: Ssda903TableName | undefined }[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    throw new DataError('UNREADABLE_FILE', `${dir}: cannot read the SSDA903 folder (${error.code ?? error.message})`, { file: dir });
  });
  const csv = names.filter((name) => extname(name).toLowerCase() === '.csv').sort();
  return Promise.all(
    csv.map(async (name) => {
      const [header] = await firstRows(openCsv(join(dir, name), name), 1);
      return { name, table: header === undefined ? undefined : recogniseTable(header.fields)?.name };
    }),
  );
}

/** Whether csc-metrics reads the table: two files of a table it does not read are no ambiguity. */
function isRead(table: Ssda903TableName): boolean {
  return table === 'episodes' || ssda903Table(table).yields.length > 0;
}

/**
 * Finds the SSDA903 tables in a folder by their columns, whatever the files
 * are called. Two files of one table it reads are ambiguous; a folder with none is a
 * data error naming what it holds.
 */
export async function locateSsda903(dir: string, kinds: readonly ExtractKind[]): Promise<LocatedSsda903> {
  const files = await recognise(dir);
  const byTable = new Map<Ssda903TableName, string>();
  for (const { name, table } of files) {
    if (table === undefined) continue;
    const other = byTable.get(table);
    if (other !== undefined && !isRead(table)) continue;
    if (other !== undefined) throw new DataError('AMBIGUOUS_EXTRACT', `${dir}: ${other} and ${name} are both the SSDA903 ${table} table: keep one`, { file: name });
    byTable.set(table, name);
  }
  if (byTable.size === 0) {
    const seen = files.length > 0 ? files.map((f) => f.name).join(', ') : 'no CSV files';
    throw new DataError('NO_EXTRACTS', `${dir}: no SSDA903 table recognised by its columns (episodes, reviews, missing, oc3…); the folder holds: ${seen}`, { file: dir });
  }
  const episodesName = byTable.get('episodes');
  const episodes = episodesName === undefined ? {} : { episodes: join(dir, episodesName) };
  const tables = new Map<ExtractKind, Ssda903Source[]>();
  for (const { name: table, yields } of SSDA903_TABLES) {
    const name = byTable.get(table);
    // OC3 rows are dated from the episodes' collection year: without episodes they cannot be.
    if (name === undefined || (table === 'oc3' && episodesName === undefined)) continue;
    for (const kind of table === 'episodes' ? EPISODE_KINDS : yields.map((y) => y.kind)) {
      if (kinds.includes(kind)) tables.set(kind, [{ format: 'ssda903', path: join(dir, name), name, table, kind, ...episodes }]);
    }
  }
  return { tables, unread: files.filter((f) => f.table === undefined).map((f) => f.name) };
}
