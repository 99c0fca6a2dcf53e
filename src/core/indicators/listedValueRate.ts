import { mapCases } from './caseRow.js';
import type { ExtractKind } from '../extracts/definitions.js';
import { shapeIndicator } from './shapes.js';
import type { CaseRow, Direction, IndicatorDefinition } from './types.js';

/** What a listed-value rate judges: records dated in the period, counted when a text column holds one of `values`. */
export interface ListedValueSpec {
  readonly id: string;
  readonly title: string;
  readonly direction: Direction;
  readonly extract: ExtractKind;
  /** The column that puts a record in the period (its date part). */
  readonly date: string;
  readonly column: string;
  /** Compared case-insensitively; cells arrive trimmed. */
  readonly values: readonly string[];
  /** What a listed value means, for details: "EET" gives "activity G5: not EET". */
  readonly meaning: string;
}

/**
 * A `flag`-like rate on a text column: the `count` shape's cohort (records
 * dated in the period), counted when the column holds a listed value.
 */
export function listedValueRate(spec: ListedValueSpec): IndicatorDefinition {
  const inPeriod = shapeIndicator({ id: spec.id, title: spec.title, direction: spec.direction, shape: 'count', extract: spec.extract, date: spec.date });
  const listed = new Set(spec.values.map((value) => value.toLowerCase()));
  const judge = (row: CaseRow): CaseRow => {
    const value = row.record?.[spec.column];
    const text = typeof value === 'string' ? value : undefined;
    const counted = text !== undefined && listed.has(text.toLowerCase());
    return { ...row, counted, detail: `${spec.column} ${text ?? 'not recorded'}: ${counted ? '' : 'not '}${spec.meaning}` };
  };
  return {
    ...inPeriod,
    kind: 'rate',
    definition: `${spec.extract} with ${spec.date} in the period; counted when ${spec.column} is ${spec.values.join(', ')} (in any case)`,
    reads: { [spec.extract]: [spec.column] },
    cases: (input) => mapCases(inPeriod.cases(input), judge),
  };
}
