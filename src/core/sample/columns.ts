import { isModeration, SAMPLE_KINDS, ruleFor } from './kinds.js';
import type { Sample } from './sample.js';

/** Left empty for the auditors to fill in; the theme columns (if any) go between grade and notes. */
export const AUDIT_COLUMNS = ['auditor', 'audit_date', 'grade', 'notes'] as const;

/** Left empty on a moderation sample (of audits), whose own auditor, audit_date and grade are shown. */
export const MODERATION_COLUMNS = ['moderated_grade', 'notes'] as const;

/** The columns a sample carries before the auditors' ones, whatever its kind. */
const RECORD_COLUMNS = ['kind', 'record_id', 'child_id', 'team', 'worker'] as const;
const OUTCOME_COLUMNS = ['indicator', 'outcome', 'detail'] as const;

/**
 * The empty columns of a sample: for records, auditor, audit_date, grade, one
 * per declared audit theme, notes; for audits (moderation), moderated_grade and notes.
 */
export function auditColumns(sample: Pick<Sample, 'kind' | 'themeColumns'>): string[] {
  if (isModeration(sample.kind)) return [...MODERATION_COLUMNS];
  return ['auditor', 'audit_date', 'grade', ...(sample.themeColumns ?? []), 'notes'];
}

/**
 * The columns of a sample of this kind, in a fixed order: identifiers, team
 * and worker, the kind's text columns (`plan_type` for plans and visits), its
 * key dates, the outcome, the audit columns.
 */
export function sampleColumns(sample: Sample): string[] {
  return [...RECORD_COLUMNS, ...(sample.textColumns ?? []), ...sample.dateColumns, ...OUTCOME_COLUMNS, ...auditColumns(sample)];
}

/** Every column `sample` writes for some kind, without theme columns: what a returned sample may hold. */
export function anySampleColumns(): string[] {
  const kindColumns = SAMPLE_KINDS.flatMap((kind) => [...ruleFor(kind).textColumns, ...ruleFor(kind).dateColumns]);
  return [...new Set([...RECORD_COLUMNS, ...kindColumns, ...OUTCOME_COLUMNS, ...AUDIT_COLUMNS, ...MODERATION_COLUMNS])];
}
