import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { DataError } from '../core/errors.js';
import { EXTRACT_KINDS, type ExtractKind } from '../core/extracts/definitions.js';
import type { ExtractMappings } from '../core/extracts/mapping.js';
import { listSheets } from './readers/xlsxReader.js';
import { locateAnnexA } from './locateAnnexA.js';
import { locateCinCensus } from './locateCinCensus.js';
import { locateSsda903 } from './locateSsda903.js';
import type { TableSource } from './tableSource.js';

/** Where the extracts are: a folder of `<kind>.csv`/`.xlsx` files and/or files given one by one. */
export interface ExtractSources {
  readonly dir?: string;
  readonly files: Partial<Record<ExtractKind, string>>;
  /** An Ofsted Annex A workbook, or a folder of its lists as CSV files. */
  readonly annexA?: string;
  /** A DfE children in need census return (XML). */
  readonly cinCensus?: string;
  /** A folder of an SSDA903 return's CSV tables, recognised by their columns. */
  readonly ssda903?: string;
}

/** The tables found for each kind, and the folder's files that are no extract. Files of the folder win over Annex A lists, and both over a CIN census; files given one by one over all. */
export interface LocatedSources {
  readonly tables: ReadonlyMap<ExtractKind, readonly TableSource[]>;
  /** Files in the data folder that no extract kind claimed. */
  readonly unread: readonly string[];
  /** Files of a kind not asked for (a report of chosen indicators reads only their extracts): found, not read. */
  readonly notAskedFor: readonly string[];
}

const WORKBOOK = new Set(['.xlsx', '.xlsm']);
/** Files that look like tables: the ones worth saying were not read. */
const TABLE = new Set(['.csv', '.txt', '.tsv', '.xls', ...WORKBOOK]);

/** A file-name glob (`*`, `?`) as a case-insensitive whole-name pattern. */
export function globPattern(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

function isWorkbook(path: string): boolean {
  return WORKBOOK.has(extname(path).toLowerCase());
}

/** The sheet to read: the configured one, else the one named like the kind, else the first. */
async function sheetFor(path: string, kind: ExtractKind, configured: string | undefined): Promise<string> {
  const sheets = await listSheets(path);
  if (configured !== undefined) return configured;
  return sheets.find((sheet) => sheet.trim().toLowerCase() === kind) ?? sheets[0] ?? kind;
}

async function tableFor(path: string, name: string, kind: ExtractKind, sheet: string | undefined): Promise<TableSource> {
  if (!isWorkbook(path)) return { format: 'csv', path, name };
  const chosen = await sheetFor(path, kind, sheet);
  return { format: 'xlsx', path, name: `${name}:${chosen}`, sheet: chosen };
}

async function folderEntries(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new DataError('UNREADABLE_FILE', `${dir}: cannot read the data folder (${error.code ?? error.message})`, { file: dir });
  });
  return entries.filter((e) => e.isFile() && !e.name.startsWith('~$')).map((e) => e.name).sort();
}

/** The folder's files for one kind: the config's pattern, else `<kind>.csv` or `<kind>.xlsx` in any case. */
function namesFor(kind: ExtractKind, entries: readonly string[], pattern: string | undefined): string[] {
  if (pattern !== undefined) return entries.filter((name) => globPattern(pattern).test(name));
  const matches = entries.filter((name) => [`${kind}.csv`, `${kind}.xlsx`].includes(name.toLowerCase()));
  if (matches.length > 1) {
    throw new DataError('AMBIGUOUS_EXTRACT', `the data folder holds ${matches.join(' and ')}: keep one, or name it with extracts.${kind}.file in the config`, { file: matches[0]! });
  }
  return matches;
}

/**
 * Finds each kind's tables: files given one by one win over the folder; in
 * the folder, names are matched whatever their case. A folder in which no
 * extract is recognised is a data error listing what it holds.
 */
export async function locateSources(sources: ExtractSources, mappings: ExtractMappings, kinds: readonly ExtractKind[] = EXTRACT_KINDS): Promise<LocatedSources> {
  const tables = new Map<ExtractKind, TableSource[]>();
  const claimed = new Set<string>();
  let unread: string[] = [];
  const notAskedFor: string[] = [];
  if (sources.dir !== undefined) {
    const dir = sources.dir;
    const entries = await folderEntries(dir);
    for (const kind of EXTRACT_KINDS) {
      if (sources.files[kind] !== undefined) continue;
      const names = namesFor(kind, entries, mappings[kind]?.file);
      names.forEach((name) => claimed.add(name));
      if (names.length > 0 && kinds.includes(kind)) {
        tables.set(kind, await Promise.all(names.map((name) => tableFor(join(dir, name), name, kind, mappings[kind]?.sheet))));
      } else notAskedFor.push(...names);
    }
    unread = entries.filter((name) => !claimed.has(name) && TABLE.has(extname(name).toLowerCase()));
    const explicit = EXTRACT_KINDS.some((kind) => sources.files[kind] !== undefined);
    if (claimed.size === 0 && !explicit && sources.annexA === undefined && sources.cinCensus === undefined && sources.ssda903 === undefined) {
      const seen = entries.length > 0 ? entries.join(', ') : 'no files';
      throw new DataError(
        'NO_EXTRACTS',
        `${dir}: no extract recognised (expected ${EXTRACT_KINDS.map((k) => `${k}.csv`).join(', ')} or .xlsx, or names set in the config's extracts.<kind>.file); the folder holds: ${seen}`,
        { file: dir },
      );
    }
  }
  if (sources.annexA !== undefined) {
    for (const [kind, lists] of await locateAnnexA(sources.annexA, kinds)) if (!tables.has(kind)) tables.set(kind, lists);
  }
  if (sources.ssda903 !== undefined) {
    const ssda903 = await locateSsda903(sources.ssda903, kinds);
    for (const [kind, found] of ssda903.tables) if (!tables.has(kind)) tables.set(kind, [...found]);
    unread = [...unread, ...ssda903.unread];
  }
  if (sources.cinCensus !== undefined) {
    for (const [kind, elements] of await locateCinCensus(sources.cinCensus, kinds)) if (!tables.has(kind)) tables.set(kind, elements);
  }
  for (const kind of EXTRACT_KINDS) {
    const path = sources.files[kind];
    if (path === undefined) continue;
    if (kinds.includes(kind)) tables.set(kind, [await tableFor(path, path, kind, mappings[kind]?.sheet)]);
    else notAskedFor.push(path);
  }
  return { tables, unread, notAskedFor };
}
