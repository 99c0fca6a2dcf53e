import type { Report } from '../core/report.js';
import { renderCsvReport } from './csvReport.js';
import { renderHtml } from './html.js';
import { renderJson, reportJsonPieces } from './json.js';
import { renderMarkdown } from './markdown.js';
import type { Paint } from './paint.js';
import { renderTable } from './table.js';
import { renderXlsx } from './xlsx.js';

/** What a renderer may use beyond the report. */
export interface RenderContext {
  readonly paint: Paint;
  /** Child-level exception lists in formats where they are optional (table). */
  readonly exceptions: boolean;
  /** The terminal's columns, for a table that fits the window; undefined when stdout is not a terminal. */
  readonly width?: number | undefined;
}

/** Report → text, one per `--format`. */
export const RENDERERS = {
  table: (report: Report, context: RenderContext) => renderTable(report, context),
  json: (report: Report) => renderJson(report),
  csv: (report: Report) => renderCsvReport(report),
  html: (report: Report) => renderHtml(report),
  markdown: (report: Report) => renderMarkdown(report),
} satisfies Record<string, (report: Report, context: RenderContext) => string>;

/** A `--format` name whose result is text. */
export type TextFormat = keyof typeof RENDERERS;

/** Report → bytes: formats that are files rather than text (a workbook). */
export const BINARY_RENDERERS = {
  xlsx: (report: Report) => renderXlsx(report),
} satisfies Record<string, (report: Report) => Promise<Uint8Array>>;

/** A `--format` name whose result is bytes, never to be shown on a terminal. */
export type BinaryFormat = keyof typeof BINARY_RENDERERS;

/** A `--format` name. */
export type Format = TextFormat | BinaryFormat;

/** The `--format` names whose result is text, in the order the help lists them. */
export const TEXT_FORMATS = Object.keys(RENDERERS) as TextFormat[];

/** Every `--format` name, in the order the help lists them. */
export const FORMATS: Format[] = [...TEXT_FORMATS, ...(Object.keys(BINARY_RENDERERS) as BinaryFormat[])];

/** Whether a format's result is bytes. */
export function isBinaryFormat(format: Format): format is BinaryFormat {
  return Object.hasOwn(BINARY_RENDERERS, format);
}

/**
 * The report in a format: text, or (for a workbook) bytes. JSON comes in
 * pieces to be written one after another, never as one string: at a whole
 * authority's scale it runs to hundreds of MB.
 */
export function renderReport(format: Format, report: Report, context: RenderContext): string | Iterable<string> | Promise<Uint8Array> {
  if (format === 'json') return reportJsonPieces(report);
  return isBinaryFormat(format) ? BINARY_RENDERERS[format](report) : RENDERERS[format](report, context);
}

const BY_EXTENSION: Readonly<Record<string, Format>> = { json: 'json', csv: 'csv', html: 'html', htm: 'html', md: 'markdown', txt: 'table', xlsx: 'xlsx' };

/** The extension of a file name, lower case and without the dot ("pack.XLSX" → "xlsx"); undefined without one. */
export function fileExtension(path: string): string | undefined {
  return /\.([a-z0-9]+)$/i.exec(path.replace(/^.*[\\/]/, ''))?.[1]?.toLowerCase();
}

/**
 * The format an --out file's extension implies. Undefined both without an
 * extension and for one no format writes: `fileExtension` tells them apart,
 * so a caller can refuse `pack.xlsc` rather than write JSON under that name.
 */
export function formatForFile(path: string): Format | undefined {
  const extension = fileExtension(path);
  return extension !== undefined && Object.hasOwn(BY_EXTENSION, extension) ? BY_EXTENSION[extension] : undefined;
}
