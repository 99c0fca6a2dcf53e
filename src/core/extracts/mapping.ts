import type { ExtractKind } from './definitions.js';

/** How dates written with slashes are ordered: day first (UK, the default) or month first (US). */
export type DateOrder = 'dmy' | 'mdy';

/**
 * How to read one extract kind from an authority's own export (cli.md,
 * "Config file"). Every field is optional; the built-in aliases and values
 * apply underneath whatever is given here.
 */
export interface ExtractMapping {
  /** A file name or glob (case-insensitive) relative to the data folder. */
  readonly file?: string;
  /** The worksheet of a workbook to read. */
  readonly sheet?: string;
  /** 1-based row of the header; default: the first row naming the required columns. */
  readonly headerRow?: number;
  /** Our column ← their header, or candidate headers in order of preference. */
  readonly columns?: Readonly<Record<string, readonly string[]>>;
  /** Per our column: their value → ours; null means blank (not recorded). */
  readonly values?: Readonly<Record<string, Readonly<Record<string, string | null>>>>;
  readonly dateOrder?: DateOrder;
  /** Flag columns beyond the extract's own that the config declares elsewhere (audit themes): read and checked like any flag. */
  readonly flags?: readonly string[];
}

/** A mapping per extract kind. */
export type ExtractMappings = Readonly<Partial<Record<ExtractKind, ExtractMapping>>>;
