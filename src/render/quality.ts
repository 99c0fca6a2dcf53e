import Table from 'cli-table3';
import type { FileQuality } from '../core/extracts/issues.js';
import { formatCount } from './format.js';

function totals(files: readonly FileQuality[]) {
  let read = 0, used = 0, rejected = 0;
  for (const f of files) {
    read += f.rowsRead;
    used += f.rowsUsed;
    rejected += f.rowsRejected;
  }
  return { read, used, rejected };
}

/** One line: "Data quality: 3 files, 1,203 rows read, 1,200 used, 3 rejected". */
export function qualityHeadline(files: readonly FileQuality[]): string {
  const t = totals(files);
  return `Data quality: ${files.length} file${files.length === 1 ? '' : 's'}, ${formatCount(t.read)} rows read, ${formatCount(t.used)} used, ${formatCount(t.rejected)} rejected`;
}

/**
 * The summary `report` prints on stderr: the headline, a line per file, and
 * the first `limit` issues of each file with file and line.
 */
export function renderQualitySummary(files: readonly FileQuality[], limit = 5): string {
  const lines = [qualityHeadline(files)];
  for (const f of files) {
    lines.push(`  ${f.file}: ${formatCount(f.rowsRead)} read, ${formatCount(f.rowsUsed)} used, ${formatCount(f.rowsRejected)} rejected`);
    for (const issue of f.issues.slice(0, limit)) lines.push(`    ${f.file}:${issue.line} ${issue.code} ${issue.message}`);
    if (f.issues.length > limit) lines.push(`    … and ${formatCount(f.issues.length - limit)} more issues (csc-metrics validate lists them all)`);
  }
  return `${lines.join('\n')}\n`;
}

/** The full data-quality report of `validate`: a table of files, then every issue. */
export function renderQualityTable(files: readonly FileQuality[]): string {
  const summary = new Table({ head: ['File', 'Kind', 'Rows read', 'Used', 'Rejected'], style: { head: [], border: [] } });
  for (const f of files) summary.push([f.file, f.kind, formatCount(f.rowsRead), formatCount(f.rowsUsed), formatCount(f.rowsRejected)]);
  const lines = [qualityHeadline(files), summary.toString()];
  const issues = files.flatMap((f) => f.issues.map((i) => [f.file, String(i.line), i.column ?? '', i.value ?? '', i.code, i.message]));
  if (issues.length > 0) {
    const table = new Table({ head: ['File', 'Line', 'Column', 'Value', 'Code', 'Message'], style: { head: [], border: [] } });
    table.push(...issues);
    lines.push(table.toString());
  }
  return `${lines.join('\n')}\n`;
}
