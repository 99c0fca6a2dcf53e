import type { FileQuality, Issue, IssueTable } from '../core/extracts/issues.js';
import { csvLine } from './csvCell.js';

const HEADER = ['file', 'kind', 'line', 'column', 'value', 'code', 'effect', 'message'];
const BATCH = 1000;

/** One issue as a line of `validate --format csv`; cells that would start a formula are neutralised like every CSV the tool writes. */
export function issueCsvLine(issue: Issue, table: IssueTable): string {
  return csvLine([table.file, table.kind, issue.line, issue.column, issue.value, issue.code, issue.scope === 'cell' ? 'value refused' : 'row rejected', issue.message]);
}

/** A file's listed issues as CSV lines, a thousand to a piece. */
function* listedCsvLines(file: FileQuality): Generator<string> {
  for (let i = 0; i < file.issues.length; i += BATCH) {
    yield file.issues
      .slice(i, i + BATCH)
      .map((issue) => issueCsvLine(issue, file))
      .join('');
  }
}

/**
 * `validate --format csv`: one row per issue, for Excel, in pieces so that
 * millions of issues never make one string. A file's lines are those `lines`
 * gives: by default its listed issues; `validate` passes those it spooled.
 */
export function* qualityCsvPieces(files: readonly FileQuality[], lines: (file: FileQuality) => Iterable<string> = listedCsvLines): Generator<string> {
  yield csvLine(HEADER);
  for (const file of files) yield* lines(file);
}
