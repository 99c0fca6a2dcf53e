/**
 * A "real-shaped authority" (issue 7): the small clean fixture of
 * `fixtures/real-shaped/clean/` (our canonical CSVs) written again the way a
 * local authority's case system and its Ofsted Annex A return would hold the
 * same records, so a test can check that reading them back gives the same
 * figures.
 *
 * OUTDIR/export/ holds one file per extract kind:
 *
 * | file                            | bytes                      | what is local about it |
 * | ------------------------------- | -------------------------- | ---------------------- |
 * | Assessments.csv                 | Windows-1252, `,`, CRLF    | `Person ID`, `Assessment Authorised` (config), `Yes`/`No`/`Unknown`/`N/A`, UK dates, an extra column |
 * | PLANS.csv                       | UTF-8 with BOM, `;`, CRLF  | `Plan Type` codes `Child Protection`/`Child in Need`/`LAC`/`Private Fostering`, `Plan Category` (config), UK dates |
 * | Visits.xlsx                     | workbook                   | sheet `Data` after a `Read me` sheet, two title rows, real date cells (one date-time), `Visit Date/Time` (config) |
 * | Missing.CSV                     | UTF-16LE with BOM, tab     | UK date-times `31/10/2026 23:30` and `03/10/2026 9:15`, `Interview Declined by Child` (config) |
 * | Supervision export 2026-11.csv  | UTF-8, `,`, LF             | found by the config's glob; title lines above the header (row 4); `Case Note Type` `Supervision`/`Management Oversight`; ISO date-times with seconds |
 * | Referrals.csv                   | Windows-1252, `;`, CRLF    | `Child Reference`, `Referral Received` (config), local outcomes |
 *
 * OUTDIR/csc-metrics.config.json maps every one of these back (cli.md,
 * "Config file"), so `report --data export` run in OUTDIR reads it by default.
 *
 * OUTDIR/Annex_A.xlsx is the Annex A return as at ANNEX_A_AS_AT: all eleven
 * lists (`List_N` and `List N` sheet names, title rows on some, header
 * spellings as found in the wild), built from the same records but holding
 * what Annex A holds: one row per child in Lists 6-8 with the latest plan and
 * last visit only, List 4 without referral dates, no missing episodes and no
 * supervision. Private fostering is in none of Lists 6-8, so C00021's PF plan
 * is left out.
 *
 * Everything here is deterministic and pure but for reading the clean fixture
 * and writing the files (the last two functions).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { EXTRACTS, type ExtractKind } from '../core/extracts/definitions.js';

/** The clean fixture the real-shaped files are made from (the same path from src/scripts and dist/scripts). */
export const CLEAN_FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/real-shaped/clean/', import.meta.url));

/** The day the Annex A workbook describes: its lists hold what was true on this day. */
export const ANNEX_A_AS_AT = '2026-10-31';

/** The config file's name, as the CLI looks for it in its working directory. */
export const CONFIG_FILE_NAME = 'csc-metrics.config.json';

/** One clean row: canonical column → its text ('' when blank). */
export type CleanRow = Readonly<Record<string, string>>;

/** The clean records of every extract kind, in file order. */
/** The extract kinds the real-shaped authority covers: the first wave's (audits come from an audit loop, not a case system's export). */
export const REAL_SHAPED_KINDS = ['assessments', 'plans', 'visits', 'missing', 'supervision', 'referrals'] as const satisfies readonly ExtractKind[];
type RealShapedKind = (typeof REAL_SHAPED_KINDS)[number];

export type CleanRecords = { readonly [K in RealShapedKind]: readonly CleanRow[] };

/** One generated file: its path under OUTDIR (with `/`), its bytes, and its data rows. */
export interface GeneratedFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly rows: number;
  readonly shape: string;
}

// ---------------------------------------------------------------------------
// Reading the clean fixture

/** Parses one clean CSV (canonical header, UTF-8); throws when a canonical column is missing. */
export function parseCleanCsv(kind: ExtractKind, text: string): CleanRow[] {
  const rows = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const expected = Object.keys(EXTRACTS[kind].columns);
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!.split(',');
  // A record's own name (visit_id, referral_id) is the one column a clean fixture may leave out.
  const missing = expected.filter((column) => !header.includes(column) && column !== EXTRACTS[kind].nameColumn);
  if (missing.length > 0) throw new Error(`${kind}.csv: the clean fixture lacks ${missing.join(', ')}`);
  return rows.map((row) => Object.fromEntries(expected.map((column) => [column, (row[column] ?? '').trim()])));
}

/** Reads `<kind>.csv` of every kind from a clean fixture folder. */
export async function readCleanRecords(dir: string = CLEAN_FIXTURE_DIR): Promise<CleanRecords> {
  const entries = await Promise.all(
    REAL_SHAPED_KINDS.map(async (kind) => [kind, parseCleanCsv(kind, await readFile(join(dir, `${kind}.csv`), 'utf8'))] as const),
  );
  return Object.fromEntries(entries) as unknown as CleanRecords;
}

// ---------------------------------------------------------------------------
// Values as the case system writes them

interface IsoParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Hours and minutes, when the value has a time. */
  readonly time?: { readonly hours: number; readonly minutes: number };
}

/** A clean date (`2026-10-31`) or date-time (`2026-10-31T14:05`); throws on anything else. */
function isoParts(text: string): IsoParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(text);
  if (!match) throw new Error(`the clean fixture has a date the generator cannot convert: "${text}"`);
  const [, y, m, d, hh, mm] = match;
  return { year: Number(y), month: Number(m), day: Number(d), ...(hh !== undefined ? { time: { hours: Number(hh), minutes: Number(mm) } } : {}) };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** `31/10/2026`, with ` 14:05` (or ` 9:15` when `shortHour`) when the value has a time. */
export function ukDate(text: string, shortHour = false): string {
  if (text === '') return '';
  const p = isoParts(text);
  const date = `${two(p.day)}/${two(p.month)}/${p.year}`;
  if (!p.time) return date;
  return `${date} ${shortHour ? String(p.time.hours) : two(p.time.hours)}:${two(p.time.minutes)}`;
}

/** `2026-10-31 14:05:00`: ISO with a space and seconds, as database exports write it. */
function isoWithSeconds(text: string, defaultTime: string): string {
  if (text === '') return '';
  const p = isoParts(text);
  const time = p.time ? `${two(p.time.hours)}:${two(p.time.minutes)}:00` : defaultTime;
  return `${p.year}-${two(p.month)}-${two(p.day)} ${time}`;
}

/** An Excel date cell's value: the wall-clock time as UTC (Excel dates have no zone; exceljs writes UTC). */
export function excelDate(text: string): Date {
  const p = isoParts(text);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.time?.hours ?? 0, p.time?.minutes ?? 0));
}

/** An Excel serial day number (46300 = 2026-10-04), for a cell written as a bare number. */
export function excelSerial(text: string): number {
  return Math.round((excelDate(text).getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Our plan types as the case system names them. */
export const LOCAL_PLAN_TYPES: Readonly<Record<string, string>> = {
  CP: 'Child Protection',
  CIN: 'Child in Need',
  CLA: 'LAC',
  PF: 'Private Fostering',
  CL: 'Care Leaver',
};

/** Our supervision kinds as case-note types. */
export const LOCAL_SUPERVISION_KINDS: Readonly<Record<string, string>> = {
  supervision: 'Supervision',
  oversight: 'Management Oversight',
};

/** Our referral outcomes as the front door records them. */
export const LOCAL_OUTCOMES: Readonly<Record<string, string>> = {
  NFA: 'No Further Action',
  Assessment: 'Progress to Assessment',
};

/** Local words for "not recorded". */
const NOT_RECORDED = ['Unknown', 'N/A'] as const;

/** A flag as the case system writes it: Yes/No, and for blank `Unknown` or `N/A` (alternately, by `n`). */
function localFlag(text: string, n: number): string {
  switch (text.toUpperCase()) {
    case 'Y':
      return 'Yes';
    case 'N':
      return 'No';
    case '':
      return NOT_RECORDED[n % 2]!;
    default:
      throw new Error(`the clean fixture has a flag the generator cannot convert: "${text}"`);
  }
}

function mapped(table: Readonly<Record<string, string>>, text: string, what: string): string {
  if (text === '') return '';
  const value = table[text];
  if (value === undefined) throw new Error(`the clean fixture has a ${what} the generator cannot convert: "${text}"`);
  return value;
}

// ---------------------------------------------------------------------------
// Bytes

const CP1252_SPECIALS: Readonly<Record<number, number>> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/** Text as Windows-1252 bytes (Node has no encoder for it); throws on a character it cannot hold. */
export function encodeWindows1252(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (CP1252_SPECIALS[code] !== undefined) bytes.push(CP1252_SPECIALS[code]);
    else throw new Error(`"${char}" cannot be written in Windows-1252`);
  }
  return Uint8Array.from(bytes);
}

type Encoding = 'windows-1252' | 'utf-8' | 'utf-8-bom' | 'utf-16le-bom';

function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'windows-1252':
      return encodeWindows1252(text);
    case 'utf-8':
      return new Uint8Array(Buffer.from(text, 'utf8'));
    case 'utf-8-bom':
      return new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf8'));
    case 'utf-16le-bom':
      return new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf16le'));
  }
}

/** A delimited text file: quoted only where a field holds the delimiter, a quote or a line break. */
interface TextTable {
  readonly path: string;
  readonly shape: string;
  readonly encoding: Encoding;
  readonly delimiter: ',' | ';' | '\t';
  readonly eol: '\r\n' | '\n';
  /** Lines written above the header, as exports print a title. */
  readonly titles?: readonly string[];
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

function cell(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function textFile(table: TextTable): GeneratedFile {
  const lines = [...(table.titles ?? []), ...[table.header, ...table.rows].map((row) => row.map((f) => cell(f, table.delimiter)).join(table.delimiter))];
  return { path: table.path, shape: table.shape, rows: table.rows.length, bytes: encode(lines.join(table.eol) + table.eol, table.encoding) };
}

// ---------------------------------------------------------------------------
// The export folder

function assessmentsFile(rows: readonly CleanRow[]): GeneratedFile {
  return textFile({
    path: 'export/Assessments.csv',
    shape: 'Windows-1252, comma, CRLF, UK dates',
    encoding: 'windows-1252',
    delimiter: ',',
    eol: '\r\n',
    header: ['Person ID', 'Assessment ID', 'Assessment Type', 'Referral Date', 'Assessment Start Date', 'Assessment Authorised', 'Allocated Team', 'Allocated Worker', 'Child Seen', 'Child Seen Alone', 'Voice of the Child Recorded'],
    rows: rows.map((r, i) => [
      r.child_id!,
      r.assessment_id!,
      'Child and Family Assessment',
      ukDate(r.referral_date!),
      ukDate(r.start_date!),
      ukDate(r.completed_date!),
      r.team!,
      r.worker!,
      localFlag(r.child_seen!, i),
      localFlag(r.child_seen_alone!, i + 1),
      localFlag(r.child_voice_recorded!, i),
    ]),
  });
}

function plansFile(rows: readonly CleanRow[]): GeneratedFile {
  return textFile({
    path: 'export/PLANS.csv',
    shape: 'UTF-8 with BOM, semicolon, CRLF, UK dates',
    encoding: 'utf-8-bom',
    delimiter: ';',
    eol: '\r\n',
    header: ['Person ID', 'Plan Reference', 'Plan Type', 'Plan Start Date', 'Plan End Date', 'Plan Category', 'Team Name', 'Social Worker'],
    rows: rows.map((r) => [r.child_id!, r.plan_id!, mapped(LOCAL_PLAN_TYPES, r.plan_type!, 'plan type'), ukDate(r.start_date!), ukDate(r.end_date!), r.category!, r.team!, r.worker!]),
  });
}

function missingFile(rows: readonly CleanRow[]): GeneratedFile {
  return textFile({
    path: 'export/Missing.CSV',
    shape: 'UTF-16LE with BOM, tab, CRLF, UK date-times',
    encoding: 'utf-16le-bom',
    delimiter: '\t',
    eol: '\r\n',
    header: ['Child ID', 'Missing Episode ID', 'Date Missing', 'Date Returned', 'RHI Offered', 'RHI Date', 'Interview Declined by Child', 'Reason RHI Late', 'Missing From Care', 'Team', 'Worker'],
    rows: rows.map((r, i) => [
      r.child_id!,
      r.episode_id!,
      ukDate(r.missing_from!),
      // Some systems write the hour without its leading zero: 03/10/2026 9:15.
      ukDate(r.returned_at!, true),
      localFlag(r.rhi_offered!, i),
      ukDate(r.rhi_completed_at!),
      localFlag(r.rhi_declined!, i + 1),
      r.late_reason!,
      localFlag(r.looked_after!, i),
      r.team!,
      r.worker!,
    ]),
  });
}

function supervisionFile(rows: readonly CleanRow[]): GeneratedFile {
  return textFile({
    path: 'export/Supervision export 2026-11.csv',
    shape: 'UTF-8, comma, LF, title lines, ISO date-times',
    encoding: 'utf-8',
    delimiter: ',',
    eol: '\n',
    titles: ['Case supervision and management oversight case notes', 'Run on 20/11/2026 by the Performance Team', ''],
    header: ['Person ID', 'Case Note Date', 'Case Note Type', 'Recorded By', 'Team', 'Worker'],
    rows: rows.map((r) => [r.child_id!, isoWithSeconds(r.recorded_date!, '10:30:00'), mapped(LOCAL_SUPERVISION_KINDS, r.kind!, 'supervision kind'), r.supervisor!, r.team!, r.worker!]),
  });
}

function referralsFile(rows: readonly CleanRow[]): GeneratedFile {
  return textFile({
    path: 'export/Referrals.csv',
    shape: 'Windows-1252, semicolon, CRLF, UK dates',
    encoding: 'windows-1252',
    delimiter: ';',
    eol: '\r\n',
    header: ['Child Reference', 'Referral Received', 'Referral Outcome', 'Responsible Team'],
    rows: rows.map((r) => [r.child_id!, ukDate(r.referral_date!), mapped(LOCAL_OUTCOMES, r.outcome!, 'referral outcome'), r.team!]),
  });
}

/** A workbook with fixed metadata, so the same records give the same cells. */
function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'csc-metrics real-shaped generator';
  workbook.created = new Date(Date.UTC(2026, 10, 20, 9, 12));
  workbook.modified = workbook.created;
  return workbook;
}

async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const DATE_FORMAT = 'dd/mm/yyyy';
const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';

/** A clean date as a real date cell value with its format, or blank. */
function dateCell(sheetCell: ExcelJS.Cell, text: string): void {
  if (text === '') return;
  sheetCell.value = excelDate(text);
  sheetCell.numFmt = isoParts(text).time ? DATE_TIME_FORMAT : DATE_FORMAT;
}

async function visitsFile(rows: readonly CleanRow[]): Promise<GeneratedFile> {
  const workbook = newWorkbook();
  const readMe = workbook.addWorksheet('Read me');
  readMe.addRow(['Statutory visits report']);
  readMe.addRow(['Data is on the sheet "Data". Visits of every type recorded on the case management system.']);
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow(['Statutory visits: all recorded visits, 01/08/2026 to 20/11/2026']);
  sheet.addRow(['Exported from the case management system on 20/11/2026 09:12']);
  sheet.addRow([]);
  sheet.addRow(['Child ID', 'Visit Date/Time', 'Visit Type', 'Seen Alone', 'Social Worker', 'Team']);
  rows.forEach((r, i) => {
    const row = sheet.addRow([r.child_id!, null, mapped(LOCAL_PLAN_TYPES, r.plan_type!, 'plan type'), localFlag(r.seen_alone!, i), r.worker!, r.team!]);
    dateCell(row.getCell(2), r.visit_date!);
  });
  return { path: 'export/Visits.xlsx', shape: 'xlsx: sheet "Data" after "Read me", title rows, date cells', rows: rows.length, bytes: await workbookBytes(workbook) };
}

/** The mapping config that reads export/ back as our extracts (cli.md, "Config file"). */
export function realShapedConfig(): Record<string, unknown> {
  const notRecorded = { Unknown: null, 'N/A': null };
  const planTypes = Object.fromEntries(Object.entries(LOCAL_PLAN_TYPES).map(([ours, theirs]) => [theirs, ours]));
  const invert = (table: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(table).map(([ours, theirs]) => [theirs, ours]));
  return {
    extracts: {
      assessments: {
        columns: { completed_date: 'Assessment Authorised' },
        values: { child_seen: notRecorded, child_seen_alone: notRecorded, child_voice_recorded: notRecorded },
        dateOrder: 'dmy',
      },
      plans: {
        file: 'plans.csv',
        columns: { category: 'Plan Category' },
        values: { plan_type: planTypes },
      },
      visits: {
        sheet: 'Data',
        columns: { visit_date: ['Visit Date/Time', 'Date of Visit'] },
        values: { plan_type: planTypes, seen_alone: notRecorded },
      },
      missing: {
        columns: { rhi_declined: 'Interview Declined by Child' },
        values: { rhi_offered: notRecorded, rhi_declined: notRecorded, looked_after: notRecorded },
      },
      supervision: {
        file: 'Supervision export *.csv',
        headerRow: 4,
        values: { kind: invert(LOCAL_SUPERVISION_KINDS) },
      },
      referrals: {
        columns: { referral_date: ['Referral Received', 'Date of Referral'] },
        values: { outcome: invert(LOCAL_OUTCOMES) },
      },
    },
  };
}

/** The export folder and its config: the clean records as the case system exports them. */
export async function exportFiles(clean: CleanRecords): Promise<GeneratedFile[]> {
  const config = `${JSON.stringify(realShapedConfig(), null, 2)}\n`;
  return [
    assessmentsFile(clean.assessments),
    plansFile(clean.plans),
    await visitsFile(clean.visits),
    missingFile(clean.missing),
    supervisionFile(clean.supervision),
    referralsFile(clean.referrals),
    { path: CONFIG_FILE_NAME, shape: 'the mapping config (JSON)', rows: 0, bytes: new Uint8Array(Buffer.from(config, 'utf8')) },
  ];
}

// ---------------------------------------------------------------------------
// The Annex A workbook

/** A clean date's sort key ('' sorts first). */
const dayOf = (text: string): string => text.slice(0, 10);

interface AnnexAContext {
  readonly clean: CleanRecords;
  /** ISO day the lists describe. */
  readonly asAt: string;
  /** ISO day six months before: episodes ended before it are not listed. */
  readonly since: string;
}

/** A clean date as at the workbook's day: a date after it had not happened yet. */
function asAtDate(text: string, ctx: AnnexAContext): string {
  return text !== '' && dayOf(text) <= ctx.asAt ? text : '';
}

function isOpenOn(start: string, end: string, day: string): boolean {
  return dayOf(start) <= day && (end === '' || dayOf(end) >= day);
}

const ANNEX_A_FLAGS: Readonly<Record<string, string>> = { Y: 'a) Yes', N: 'b) No', '': 'c) Unknown' };

/** Made-up characteristics Annex A lists carry (not read by csc-metrics). */
function person(childId: string): { gender: string; ethnicity: string; born: Date; age: number } {
  const n = Number(childId.replace(/\D/g, ''));
  const age = 3 + (n % 13);
  return { gender: n % 2 === 0 ? 'b) Female' : 'a) Male', ethnicity: ['WBRI', 'WOTH', 'MWBC', 'BAFR', 'AIND'][n % 5]!, born: new Date(Date.UTC(2026 - age, n % 12, 1 + (n % 27))), age };
}

/** The latest of a child's visits on or before the day that count for a plan type (its own or blank; any when undefined). */
function lastVisit(ctx: AnnexAContext, childId: string, planType: string | undefined): CleanRow | undefined {
  return ctx.clean.visits
    .filter((v) => v.child_id === childId && dayOf(v.visit_date!) <= ctx.asAt && (planType === undefined || v.plan_type === '' || v.plan_type === planType))
    .reduce<CleanRow | undefined>((latest, v) => (latest === undefined || v.visit_date! > latest.visit_date! ? v : latest), undefined);
}

/** Each child's most recent plan of a type started by the day, if open then or ended within the six months. */
function latestPlans(ctx: AnnexAContext, planType: string): CleanRow[] {
  const byChild = new Map<string, CleanRow>();
  for (const plan of ctx.clean.plans) {
    if (plan.plan_type !== planType || dayOf(plan.start_date!) > ctx.asAt) continue;
    const kept = byChild.get(plan.child_id!);
    if (kept === undefined || plan.start_date! > kept.start_date!) byChild.set(plan.child_id!, plan);
  }
  return [...byChild.values()].filter((p) => isOpenOn(p.start_date!, p.end_date!, ctx.asAt) || (p.end_date! !== '' && dayOf(p.end_date!) >= ctx.since && dayOf(p.end_date!) <= ctx.asAt));
}

type CellValue = string | number | Date | null | { readonly error: '#N/A' };
const NA_ERROR: CellValue = { error: '#N/A' };

/** Adds a list sheet: optional title row, header, then rows; Date values get a date (or date-time) format. */
function addList(workbook: ExcelJS.Workbook, name: string, title: string | undefined, header: readonly string[], rows: readonly (readonly CellValue[])[]): void {
  const sheet = workbook.addWorksheet(name);
  if (title !== undefined) sheet.addRow([title]);
  sheet.addRow([...header]);
  for (const values of rows) {
    const row = sheet.addRow(values as ExcelJS.CellValue[]);
    values.forEach((v, i) => {
      if (v instanceof Date) row.getCell(i + 1).numFmt = v.getUTCHours() === 0 && v.getUTCMinutes() === 0 ? DATE_FORMAT : DATE_TIME_FORMAT;
    });
  }
}

/** A clean date as a date cell (blank when empty). */
function date(text: string): Date | null {
  return text === '' ? null : excelDate(text);
}

function list3(ctx: AnnexAContext): CellValue[][] {
  const referrals = ctx.clean.referrals.filter((r) => dayOf(r.referral_date!) >= ctx.since && dayOf(r.referral_date!) <= ctx.asAt);
  return referrals.map((r) => {
    const p = person(r.child_id!);
    const inYear = ctx.clean.referrals.filter((x) => x.child_id === r.child_id && x.referral_date! <= r.referral_date!).length;
    return [r.child_id!, p.gender, p.ethnicity, p.born, p.age, date(r.referral_date!), 'Police', r.outcome === 'NFA' ? 'a) Yes' : 'b) No', inYear, r.team!, NA_ERROR];
  });
}

function list4(ctx: AnnexAContext): CellValue[][] {
  return ctx.clean.assessments
    .filter((a) => dayOf(a.start_date!) >= ctx.since && dayOf(a.start_date!) <= ctx.asAt)
    .map((a, i) => {
      const p = person(a.child_id!);
      // An assessment with no worker on the day reads as the #N/A of a failed look-up.
      const worker: CellValue = asAtDate(a.completed_date!, ctx) === '' && i % 2 === 1 ? NA_ERROR : a.worker!;
      return [a.child_id!, p.gender, p.ethnicity, p.born, p.age, date(a.start_date!), ANNEX_A_FLAGS[a.child_seen!]!, date(asAtDate(a.completed_date!, ctx)), a.team!, worker];
    });
}

/**
 * List 6: every child open on the day or closed in the six months, one row
 * each, by Case Status (a CLA, b CP, c CIN plan, d open assessment, e closed;
 * the first that applies). Only c) rows are CIN plans to csc-metrics.
 */
function list6(ctx: AnnexAContext): CellValue[][] {
  const children = [...new Set([...ctx.clean.assessments.map((a) => a.child_id!), ...ctx.clean.plans.map((p) => p.child_id!)])].sort();
  const rows: CellValue[][] = [];
  for (const childId of children) {
    const plans = ctx.clean.plans.filter((p) => p.child_id === childId && dayOf(p.start_date!) <= ctx.asAt);
    const open = plans.filter((p) => isOpenOn(p.start_date!, p.end_date!, ctx.asAt));
    const assessments = ctx.clean.assessments.filter((a) => a.child_id === childId && dayOf(a.start_date!) >= ctx.since && dayOf(a.start_date!) <= ctx.asAt);
    const openAssessment = assessments.find((a) => asAtDate(a.completed_date!, ctx) === '');
    if (plans.length > 0 && plans.every((p) => p.plan_type === 'PF')) continue; // private fostering: not in Lists 6-8
    const cin = open.filter((p) => p.plan_type === 'CIN').sort((a, b) => (a.start_date! < b.start_date! ? 1 : -1))[0];
    const status = open.some((p) => p.plan_type === 'CLA')
      ? 'a) Looked after child'
      : open.some((p) => p.plan_type === 'CP')
        ? 'b) Child Protection plan'
        : cin
          ? 'c) Child in need plan'
          : openAssessment
            ? 'd) Open assessment'
            : plans.length > 0 || assessments.length > 0
              ? 'e) Closed episode'
              : undefined;
    if (status === undefined) continue;
    const starts = [...plans.map((p) => p.start_date!), ...assessments.map((a) => a.referral_date! || a.start_date!)].sort();
    const start = cin?.start_date ?? starts[0]!;
    const closed = assessments.map((a) => asAtDate(a.completed_date!, ctx)).filter((d) => d !== '').sort().at(-1) ?? '';
    const closure = cin ? asAtDate(cin.end_date!, ctx) : status.startsWith('e)') ? closed : '';
    const seen = lastVisit(ctx, childId, undefined)?.visit_date ?? '';
    const p = person(childId);
    const team: CellValue = cin?.team ?? (open[0]?.team ?? NA_ERROR);
    const worker: CellValue = cin?.worker ?? (open[0]?.worker ?? NA_ERROR);
    rows.push([
      childId,
      p.gender,
      p.ethnicity,
      p.born,
      p.age,
      'b) No',
      status,
      // One start date written as the bare serial number some macros leave behind.
      childId === 'C00014' ? excelSerial(start) : date(start),
      cin?.category || (status.startsWith('c)') ? 'N1' : null),
      date(seen),
      // An open plan's closure date from a failed look-up reads as blank.
      cin && closure === '' ? '#N/A' : date(closure),
      status.startsWith('e)') ? 'RC8 Case closed after assessment, no further action' : null,
      team,
      worker,
    ]);
  }
  return rows;
}

function list7(ctx: AnnexAContext): CellValue[][] {
  return latestPlans(ctx, 'CP').map((plan) => {
    const p = person(plan.child_id!);
    const visit = lastVisit(ctx, plan.child_id!, 'CP');
    const earlier = ctx.clean.plans.filter((x) => x.child_id === plan.child_id && x.plan_type === 'CP' && x.start_date! < plan.start_date!).length;
    return [
      plan.child_id!,
      p.gender,
      p.ethnicity,
      p.born,
      p.age,
      date(plan.start_date!),
      plan.category || null,
      plan.category || null,
      visit ? date(visit.visit_date!) : '#N/A',
      visit ? ANNEX_A_FLAGS[visit.seen_alone!]! : null,
      '#N/A',
      date(asAtDate(plan.end_date!, ctx)),
      earlier,
      plan.team!,
      plan.worker!,
    ];
  });
}

function list8(ctx: AnnexAContext): CellValue[][] {
  return latestPlans(ctx, 'CLA').map((plan) => {
    const p = person(plan.child_id!);
    const visit = lastVisit(ctx, plan.child_id!, 'CLA');
    return [
      plan.child_id!,
      p.gender,
      p.ethnicity,
      p.born,
      p.age,
      date(plan.start_date!),
      'N1',
      '#N/A',
      visit ? date(visit.visit_date!) : null,
      date(asAtDate(plan.end_date!, ctx)),
      0,
      plan.team!,
      plan.worker!,
    ];
  });
}

/**
 * The Annex A workbook as at `asAt` (ISO): a contents sheet, then Lists 1-11
 * in order with mixed sheet names (`List_3`, `List 4`), title rows like
 * `List 3: Referral` on some, headers with trailing spaces, a final `?`, a
 * curly apostrophe and `Child ID` beside `Child Unique ID`; codes `a) Yes` /
 * `b) No` / `c) Unknown`, `#N/A` as text and as error cells, date cells, one
 * bare serial. Lists 3, 4, 6, 7 and 8 are filled from the records; the
 * others carry a header and a row or two.
 */
export async function annexAWorkbook(clean: CleanRecords, asAt: string = ANNEX_A_AS_AT): Promise<GeneratedFile> {
  const p = isoParts(asAt);
  const sinceDate = new Date(Date.UTC(p.year, p.month - 1 - 6, p.day));
  const ctx: AnnexAContext = { clean, asAt, since: sinceDate.toISOString().slice(0, 10) };
  const workbook = newWorkbook();
  workbook.addWorksheet('Contents').addRow([`Ofsted Annex A return as at ${ukDate(asAt)}`]);
  const child = (id: string) => [id, person(id).gender, person(id).ethnicity, person(id).born, person(id).age] as CellValue[];
  const basics = ['Child Unique ID', 'Gender', 'Ethnicity', 'Person Date of Birth', 'Age of Child (Years)'];
  addList(workbook, 'List_1', 'List 1: Contacts', [...basics, 'Date of Contact', 'Contact Source'], [
    [...child('C00033'), date('2026-10-12'), 'Police'],
    [...child('C00034'), date('2026-10-30'), 'Schools'],
  ]);
  addList(workbook, 'List 2', undefined, [...basics, 'Assessment Start Date', 'Assessment Completion Date', 'Organisation Completing Assessment'], [
    [...child('C00036'), date('2026-09-07'), date('2026-10-09'), 'Early Help Hub'],
  ]);
  const list3Rows = list3(ctx);
  addList(workbook, 'List_3', 'List 3: Referral', ['Child Unique ID', 'Gender', 'Ethnicity', 'Person Date of Birth', 'Age of Child (Years)', 'Date of referral ', 'Referral Source', 'Referral NFA?', 'Number of Referrals in Last 12 Months', 'Allocated Team', 'Allocated Worker'], list3Rows);
  const list4Rows = list4(ctx);
  addList(workbook, 'List 4', undefined, ['Child ID', 'Gender', 'Ethnicity', 'Person Date of Birth', 'Age of Child (Years)', 'Continuous Assessment Start Date', 'Child Seen During Continuous Assessment ', 'Continuous Assessment Date of Authorisation', 'Allocated Team', 'Allocated Worker'], list4Rows);
  addList(workbook, 'List_5', undefined, [...basics, 'Section 47 Enquiry Start Date', 'Initial Child Protection Conference Date', 'Allocated Team', 'Allocated Worker'], [
    [...child('C00013'), date('2026-10-01'), date('2026-10-20'), 'Équipe Nord', 'Worker 05'],
  ]);
  const list6Rows = list6(ctx);
  addList(workbook, 'List 6', 'List 6: Children in Need', [...basics, 'Disability', 'Case Status', 'CIN Start Date', 'Primary Need Code', 'Date Child Was Last Seen', 'CIN Closure Date', 'Reason for Closure', 'Allocated Team', 'Allocated Worker'], list6Rows);
  const list7Rows = list7(ctx);
  addList(workbook, 'List_7', 'List 7: Child protection', [...basics, 'Child Protection Plan Start Date', 'Initial Category of Abuse', 'Latest Category of Abuse', 'Date of the Last Statutory Visit', 'Was the child seen alone?', 'Date of latest review conference', 'Child Protection Plan End Date', 'Number of Previous Child Protection Plans', 'Allocated Team', 'Allocated Worker'], list7Rows);
  const list8Rows = list8(ctx);
  addList(workbook, 'List 8', 'List 8: Children in care', [...basics, 'Date Started to be Looked After', 'Child\u2019s Category of Need', 'Legal Status', 'Date of Last Social Work Visit', 'Date Ceased to be Looked After ', 'Number of Missing Episodes in Last 12 Months', 'Allocated Team', 'Allocated Worker'], list8Rows);
  addList(workbook, 'List_9', 'List 9: Care leavers', ['Child Unique ID', 'Gender', 'Ethnicity', 'Person Date of Birth', 'Age', 'Allocated Personal Advisor', 'In Touch', 'Activity', 'Accommodation'], [
    ['C00037', 'a) Male', 'WBRI', date('2007-03-14'), 19, 'PA 01', 'a) Yes', 'F1 Full-time employment', 'S Supported accommodation'],
  ]);
  addList(workbook, 'List 10', undefined, ['Child Unique ID', 'Gender', 'Ethnicity', 'Date Entered Care', 'Date of Decision that Child Should be Placed for Adoption', 'Date of Adoption Order'], [
    ['C00038', 'b) Female', 'WOTH', date('2024-11-02'), date('2025-08-19'), null],
  ]);
  addList(workbook, 'List_11', 'List 11: Adopters', ['Adopter ID', 'Date of Initial Enquiry', 'Date Stage 1 Started', 'Date Approved'], [
    ['AD001', date('2026-02-10'), date('2026-03-02'), null],
    ['AD002', date('2025-11-18'), date('2025-12-01'), date('2026-06-24')],
  ]);
  const rows = list3Rows.length + list4Rows.length + list6Rows.length + list7Rows.length + list8Rows.length;
  return { path: 'Annex_A.xlsx', shape: `Annex A as at ${asAt}: Lists 1-11 (3, 4, 6, 7, 8 filled)`, rows, bytes: await workbookBytes(workbook) };
}

// ---------------------------------------------------------------------------
// Writing

/** Every file of the real-shaped authority: export/, the config, the Annex A workbook. */
export async function realShapedFiles(clean: CleanRecords, annexAAsAt: string = ANNEX_A_AS_AT): Promise<GeneratedFile[]> {
  return [...(await exportFiles(clean)), await annexAWorkbook(clean, annexAAsAt)];
}

/** Writes the real-shaped authority into `outDir` (created when absent); returns what it wrote. */
export async function writeRealShapedAuthority(clean: CleanRecords, outDir: string, annexAAsAt: string = ANNEX_A_AS_AT): Promise<GeneratedFile[]> {
  const files = await realShapedFiles(clean, annexAAsAt);
  for (const file of files) {
    const path = join(outDir, ...file.path.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.bytes);
  }
  return files;
}
