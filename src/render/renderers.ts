import type { Report } from '../core/report.js';
import { renderCsvReport } from './csvReport.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import type { Paint } from './paint.js';
import { renderTable } from './table.js';

/** What a renderer may use beyond the report. */
export interface RenderContext {
  readonly paint: Paint;
  /** Child-level exception lists in formats where they are optional (table). */
  readonly exceptions: boolean;
}

/** Report → text, one per `--format`. */
export const RENDERERS = {
  table: (report: Report, context: RenderContext) => renderTable(report, context),
  json: (report: Report) => renderJson(report),
  csv: (report: Report) => renderCsvReport(report),
  html: (report: Report) => renderHtml(report),
  markdown: (report: Report) => renderMarkdown(report),
} satisfies Record<string, (report: Report, context: RenderContext) => string>;

/** A `--format` name. */
export type Format = keyof typeof RENDERERS;

/** Every `--format` name, in the order the help lists them. */
export const FORMATS = Object.keys(RENDERERS) as Format[];

/** The format an --out file's extension implies, if any. */
export function formatForFile(path: string): Format | undefined {
  const extension = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  const byExtension: Record<string, string> = { json: 'json', csv: 'csv', html: 'html', htm: 'html', md: 'markdown', txt: 'table' };
  const format = extension === undefined ? undefined : byExtension[extension];
  return format !== undefined && format in RENDERERS ? (format as Format) : undefined;
}
