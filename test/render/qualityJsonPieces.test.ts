import { describe, expect, it } from 'vitest';
import type { FileQuality, Issue } from '../../src/core/extracts/issues.js';
import { qualityJson, qualityJsonPieces } from '../../src/render/json.js';

function file(name: string, issues: number): FileQuality {
  const list: Issue[] = Array.from({ length: issues }, (_, i) => ({ scope: 'row', code: 'INVALID_DATE', line: i + 2, column: 'visit_date', value: `bad ${i}`, message: `visit_date "bad ${i}" is not a valid date` }));
  return {
    kind: 'visits', file: name, encoding: 'utf-8', headerLine: 1, rowsRead: issues + 1, rowsUsed: 1, rowsRejected: issues,
    cellIssues: {}, mapping: [{ column: 'child_id', header: 'Child ID' }], unusedColumns: [], notes: [], issues: list, issuesNotListed: {},
  };
}

describe('validate --format json written in pieces', () => {
  it.each([
    ['no file', [], []],
    ['a clean file and unread files', [file('a.csv', 0)], ['notes.txt', 'old.xls']],
    ['2,500 issues (three batches) and a second file', [file('visits.csv', 2500), file('b.csv', 1)], []],
  ])('%s: the same bytes as one JSON.stringify', (_name, files: FileQuality[], unread: string[]) => {
    const whole = `${JSON.stringify({ dataQuality: qualityJson(files, unread) }, null, 2)}\n`;
    const pieces = [...qualityJsonPieces(files, unread)];
    expect(pieces.join('')).toBe(whole);
    if (files.some((f) => f.issues.length > 1000)) expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(whole.length / 2);
  });
});
