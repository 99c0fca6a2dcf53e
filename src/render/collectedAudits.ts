import { formatIso } from '../core/dates/localDate.js';
import { collectedColumns, type CollectedAudit } from '../core/audits/collect.js';
import type { AuditTheme } from '../core/settings.js';
import { csvLine } from './csvCell.js';

/** A theme's flag as the audits extract reads it back: Y, N, or blank. */
function flagText(flag: boolean | undefined): string | undefined {
  return flag === undefined ? undefined : flag ? 'Y' : 'N';
}

/** The header line of a file of collected audits. */
export function collectedHeaderLine(themes: readonly AuditTheme[]): string {
  return csvLine(collectedColumns(themes));
}

/** One CSV line per audit, in the order of `collectedColumns`: ISO dates, grades as words, formulas neutralised. */
export function collectedAuditLines(audits: readonly CollectedAudit[]): string[] {
  return audits.map((audit) =>
    csvLine([
      audit.auditId, audit.childId, formatIso(audit.auditDate), audit.grade, audit.auditor, audit.auditType,
      audit.team, audit.worker, audit.recordKind, audit.recordId, ...audit.themes.map(flagText),
    ]),
  );
}
