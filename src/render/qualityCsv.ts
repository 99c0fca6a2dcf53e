import type { FileQuality } from '../core/extracts/issues.js';
import { csvLine } from './csvCell.js';

const HEADER = ['file', 'kind', 'line', 'column', 'value', 'code', 'effect', 'message'];
const BATCH = 1000;

/**
 * `validate --format csv`: one row per issue, for Excel, in pieces of a
 * thousand rows so that millions of issues never make one string. Cells that
 * would start a formula are neutralised like every CSV the tool writes.
 */
export function* qualityCsvPieces(files: readonly FileQuality[]): Generator<string> {
  yield csvLine(HEADER);
  for (const f of files) {
    for (let i = 0; i < f.issues.length; i += BATCH) {
      yield f.issues
        .slice(i, i + BATCH)
        .map((issue) => csvLine([f.file, f.kind, issue.line, issue.column, issue.value, issue.code, issue.scope === 'cell' ? 'value refused' : 'row rejected', issue.message]))
        .join('');
    }
  }
}
