import { newTable } from './textTable.js';
import { IssueGroups, type IssueGroup } from '../core/extracts/issueGroups.js';
import type { FileQuality, UnusedColumn } from '../core/extracts/issues.js';
import { formatCount } from './format.js';
import { terminalText } from './safeText.js';

function totals(files: readonly FileQuality[]) {
  let read = 0, used = 0, rejected = 0, refused = 0;
  for (const f of files) {
    read += f.rowsRead;
    used += f.rowsUsed;
    rejected += f.rowsRejected;
    for (const n of Object.values(f.cellIssues)) refused += n;
  }
  return { read, used, rejected, refused };
}

/** One line: "Data quality: 3 files, 1,203 rows read, 1,200 used, 3 rejected (2 values refused)". */
export function qualityHeadline(files: readonly FileQuality[]): string {
  const t = totals(files);
  const refused = t.refused > 0 ? ` (${formatCount(t.refused)} value${t.refused === 1 ? '' : 's'} refused in rows used)` : '';
  return `Data quality: ${files.length} file${files.length === 1 ? '' : 's'}, ${formatCount(t.read)} row${t.read === 1 ? '' : 's'} read, ${formatCount(t.used)} used, ${formatCount(t.rejected)} rejected${refused}`;
}

/** `"Assessment Complete Date" (did you mean completed_date?)` */
export function describeUnused(column: UnusedColumn): string {
  return `"${column.header}"${column.suggestion ? ` (did you mean ${column.suggestion}?)` : ''}`;
}

/** What a file's reading noticed beyond its rows: notes, and the columns not used. */
function fileNotes(f: FileQuality): string[] {
  const lines = f.notes.map((note) => `    ${f.file}: ${note}`);
  if (f.unusedColumns.length > 0) lines.push(`    ${f.file}: columns not used: ${f.unusedColumns.map(describeUnused).join(', ')}`);
  return lines;
}

function unreadLine(unread: readonly string[]): string[] {
  return unread.length > 0 ? [`  files in the data folder not read (no extract kind claims them): ${unread.join(', ')}`] : [];
}

/**
 * The summary `report` prints on stderr: the headline, a line per file with
 * its notes and unused columns, and the first `limit` issues of each file.
 * Every line is made terminal-safe: file names, headers and values come from the data.
 */
export function renderQualitySummary(files: readonly FileQuality[], unread: readonly string[] = [], limit = 5): string {
  const lines = [qualityHeadline(files)];
  for (const f of files) {
    // One Annex A list gives two extracts (List 6: CIN plans and last visits): the kind tells them apart.
    const label = files.filter((other) => other.file === f.file).length > 1 ? `${f.file} (${f.kind})` : f.file;
    lines.push(`  ${label}: ${formatCount(f.rowsRead)} read, ${formatCount(f.rowsUsed)} used, ${formatCount(f.rowsRejected)} rejected`);
    lines.push(...fileNotes(f));
    for (const issue of f.issues.slice(0, limit)) lines.push(`    ${f.file}:${issue.line} ${issue.code}${issue.scope === 'cell' ? ' (value refused, row used)' : ''} ${issue.message}`);
    const more = f.issues.length - Math.min(limit, f.issues.length) + Object.values(f.issuesNotListed).reduce((a, b) => a + b, 0);
    if (more > 0) lines.push(`    … and ${formatCount(more)} more issues (csc-metrics validate lists them all)`);
  }
  lines.push(...unreadLine(unread));
  return `${lines.map(terminalText).join('\n')}\n`;
}

/**
 * The full data-quality report of `validate`: a table of files, the mapping
 * applied, then every problem once with how many rows have it (`groups`, by
 * default those of the issues the files list); data text made terminal-safe.
 */
export function renderQualityTable(files: readonly FileQuality[], unread: readonly string[] = [], groups: readonly IssueGroup[] = IssueGroups.of(files).list()): string {
  const summary = newTable({ head: ['File', 'Kind', 'Read as', 'Header line', 'Rows read', 'Used', 'Rejected', 'Values refused'], style: { head: [], border: [] } });
  for (const f of files) {
    const refused = Object.values(f.cellIssues).reduce((a, b) => a + b, 0);
    summary.push([f.file, f.kind, f.encoding, String(f.headerLine), formatCount(f.rowsRead), formatCount(f.rowsUsed), formatCount(f.rowsRejected), formatCount(refused)].map(terminalText));
  }
  const lines = [qualityHeadline(files), summary.toString()];
  for (const f of files) {
    lines.push(terminalText(`Mapping applied in ${f.file} (their header → our column):`));
    for (const m of f.mapping) lines.push(terminalText(`  ${m.header} → ${m.column}`));
    for (const note of fileNotes(f)) lines.push(terminalText(note.trim()));
  }
  lines.push(...unreadLine(unread).map(terminalText));
  if (groups.length > 0) {
    const table = newTable({ head: ['File', 'Code', 'Column', 'Effect', 'Rows', 'First at line', 'Value there', 'Message there'], style: { head: [], border: [] } });
    for (const g of groups) {
      const first = g.first;
      table.push([g.file, first.code, first.column ?? '', first.scope === 'cell' ? 'value refused' : 'row rejected', formatCount(g.count), String(first.line), first.value ?? '', first.message].map(terminalText));
    }
    lines.push(table.toString());
    if (groups.some((g) => g.count > 1)) lines.push('Every issue with its line: csc-metrics validate --format json');
  }
  return `${lines.join('\n')}\n`;
}
