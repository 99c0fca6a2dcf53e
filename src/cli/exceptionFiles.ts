import { extname } from 'node:path';
import { noGroup } from '../core/breakdown.js';
import { UsageError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import { byCodePoint } from '../core/textOrder.js';
import { writeResult } from '../io/output.js';
import { UTF8_BOM } from '../render/csvCell.js';
import { allExceptions, renderExceptionsCsv, type ListedException } from '../render/exceptionsCsv.js';

/** How `--exceptions-out` writes. */
export interface ExceptionFileOptions {
  /** One file per team (or worker): the `--by` of the report. */
  readonly split: boolean;
  readonly bom: boolean;
}

/** A team's name as part of a file name: letters, digits, spaces, dots, hyphens and underscores kept, anything else `_`. */
function fileSafe(key: string): string {
  return key.replace(/[^\p{L}\p{N} ._-]/gu, '_').replace(/^[ .]+|[ .]+$/g, '') || '_';
}

/** `exceptions.csv` + `Team A` → `exceptions-Team A.csv`; two teams whose names clash get `-2`, `-3`… */
function splitPaths(out: string, keys: readonly string[]): Map<string, string> {
  const extension = extname(out);
  const stem = out.slice(0, out.length - extension.length);
  const taken = new Set<string>();
  const paths = new Map<string, string>();
  for (const key of keys) {
    const base = `${stem}-${fileSafe(key)}`;
    let path = `${base}${extension}`;
    for (let n = 2; taken.has(path.toLowerCase()); n++) path = `${base}-${n}${extension}`;
    taken.add(path.toLowerCase());
    paths.set(key, path);
  }
  return paths;
}

/**
 * Writes every indicator's exceptions to `out` as one long CSV table, or with
 * `split` one file per team or worker (the report's `--by`), each complete
 * or absent. Returns the files written, in order.
 */
export async function writeExceptionFiles(report: Report, out: string, options: ExceptionFileOptions): Promise<string[]> {
  const prefix = options.bom ? UTF8_BOM : '';
  const exceptions = allExceptions(report);
  if (!options.split) {
    await writeResult(prefix + renderExceptionsCsv(exceptions), out);
    return [out];
  }
  const by = report.groupBy;
  if (by !== 'team' && by !== 'worker') throw new UsageError('--split writes one exceptions file per team or worker: give --by team or --by worker');
  const byKey = new Map<string, ListedException[]>();
  for (const listed of exceptions) {
    const key = listed.row[by] ?? noGroup(by);
    const list = byKey.get(key);
    if (list) list.push(listed);
    else byKey.set(key, [listed]);
  }
  const keys = [...byKey.keys()].sort(byCodePoint);
  const paths = splitPaths(out, keys);
  for (const key of keys) await writeResult(prefix + renderExceptionsCsv(byKey.get(key)!), paths.get(key)!);
  return keys.map((key) => paths.get(key)!);
}
