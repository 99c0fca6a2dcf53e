import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { FileQuality } from '../../src/core/extracts/issues.js';
import { qualityCsvPieces } from '../../src/render/qualityCsv.js';

const file = (issues: number): FileQuality => ({
  kind: 'visits', file: 'visits.csv', encoding: 'utf-8', headerLine: 1, rowsRead: issues, rowsUsed: 0, rowsRejected: issues,
  cellIssues: {}, mapping: [], unusedColumns: [], notes: [], issuesNotListed: {},
  issues: Array.from({ length: issues }, (_, i) => ({ scope: 'row' as const, code: 'INVALID_DATE' as const, line: i + 2, column: 'visit_date', value: i === 0 ? '=1+1' : 'bad', message: 'visit_date is not a valid date' })),
});

describe('validate --format csv: one row per issue, in pieces', () => {
  it('writes every issue with its file, line and effect, formulas neutralised, a thousand rows a piece', () => {
    const pieces = [...qualityCsvPieces([file(2500)])];
    expect(pieces).toHaveLength(1 + 3);
    const rows: string[][] = parse(pieces.join(''));
    expect(rows[0]).toEqual(['file', 'kind', 'line', 'column', 'value', 'code', 'effect', 'message']);
    expect(rows).toHaveLength(1 + 2500);
    expect(rows[1]).toEqual(['visits.csv', 'visits', '2', 'visit_date', "'=1+1", 'INVALID_DATE', 'row rejected', 'visit_date is not a valid date']);
    expect(rows[2500]![2]).toBe('2501');
  });
});
