import { BUILT_IN_ALIASES } from './aliases.js';
import type { ExtractDefinition } from './definitions.js';
import type { ColumnMapping, UnusedColumn } from './issues.js';
import { normaliseHeader } from './values.js';

/** How far below the top a header is looked for when no header row is configured (title rows above it are skipped). */
export const HEADER_SEARCH_ROWS = 20;

/** Where each extract column sits in a header, and what was left over. */
export interface HeaderMatch {
  /** Extract column → field index; absent columns are not in the map. */
  readonly positions: ReadonlyMap<string, number>;
  readonly mapping: readonly ColumnMapping[];
  readonly unused: readonly UnusedColumn[];
  readonly missingRequired: readonly string[];
  /** A column whose own name heads two fields: [column, first, second] (1-based). */
  readonly duplicate?: readonly [string, number, number];
  /** Config candidates that matched no header (the column was found another way or not at all). */
  readonly unmatchedConfig: readonly { column: string; headers: readonly string[] }[];
}

/**
 * The headers that may mean `column`, in three tiers: the config's, our own
 * name, then the built-in aliases. Every column takes from a tier before any
 * column takes from the next, so a configured header is never lost to
 * another column's built-in alias.
 */
function candidatesFor(definition: ExtractDefinition, column: string, configured: readonly string[] | undefined): string[][] {
  return [configured ?? [], [column], BUILT_IN_ALIASES[definition.kind][column] ?? []].map((tier) => tier.map(normaliseHeader));
}

function duplicateOwnName(found: readonly string[], names: readonly string[]): [string, number, number] | undefined {
  for (const name of names) {
    const at = found.indexOf(name);
    const again = at === -1 ? -1 : found.indexOf(name, at + 1);
    if (again !== -1) return [name, at + 1, again + 1];
  }
  return undefined;
}

/** Edit distance, for suggestions on short header names only. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function words(name: string): Set<string> {
  return new Set(name.split('_').filter((w) => w.length > 1));
}

/** How alike two normalised headers are, 0 to 1: close spelling, or most words shared. */
function likeness(a: string, b: string): number {
  const spelling = 1 - distance(a, b) / Math.max(a.length, b.length);
  const x = words(a);
  const y = words(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const overlap = x.size === 0 || y.size === 0 ? 0 : shared / Math.max(x.size, y.size);
  return Math.max(spelling, overlap);
}

/** The extract column an unused header most looks like, when it looks like one at all. */
function suggest(header: string, definition: ExtractDefinition, candidates: ReadonlyMap<string, readonly (readonly string[])[]>): string | undefined {
  const name = normaliseHeader(header);
  let best: string | undefined;
  let bestScore = 0.75;
  for (const [column, tiers] of candidates) {
    for (const spelling of tiers.flat()) {
      const score = likeness(name, spelling);
      if (score > bestScore) {
        bestScore = score;
        best = column;
      }
    }
  }
  return best ?? (Object.hasOwn(definition.columns, name) ? name : undefined);
}

/**
 * Matches a header row to the extract's columns. Each column takes the first
 * of its candidate headers present and not yet taken; every other header is
 * unused, with the column it looks like when it looks like one.
 */
export function matchHeader(
  fields: readonly string[],
  definition: ExtractDefinition,
  configured: Readonly<Record<string, readonly string[]>> = {},
): HeaderMatch {
  const found = fields.map(normaliseHeader);
  const names = Object.keys(definition.columns);
  const candidates = new Map(names.map((name) => [name, candidatesFor(definition, name, configured[name])] as const));
  const positions = new Map<string, number>();
  const taken = new Set<number>();
  for (let tier = 0; tier < 3; tier++) {
    for (const name of names) {
      if (positions.has(name)) continue;
      for (const candidate of candidates.get(name)![tier]!) {
        const at = found.findIndex((header, i) => header === candidate && header !== '' && !taken.has(i));
        if (at !== -1) {
          positions.set(name, at);
          taken.add(at);
          break;
        }
      }
    }
  }
  const unmatchedConfig = Object.entries(configured)
    .filter(([, headers]) => !headers.some((h) => found.includes(normaliseHeader(h))))
    .map(([column, headers]) => ({ column, headers }));
  const unused = fields.flatMap((header, i) => {
    if (taken.has(i) || header.trim() === '') return [];
    const suggestion = suggest(header, definition, candidates);
    return [{ header: header.trim(), ...(suggestion !== undefined ? { suggestion } : {}) }];
  });
  const duplicate = duplicateOwnName(found, names);
  return {
    positions,
    mapping: names.filter((n) => positions.has(n)).map((column) => ({ column, header: fields[positions.get(column)!]!.trim() })),
    unused,
    missingRequired: names.filter((name) => definition.columns[name]!.required && !positions.has(name)),
    ...(duplicate ? { duplicate } : {}),
    unmatchedConfig,
  };
}
