import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { sampleCompletion, sampledRecords } from '../../src/core/audits/completion.js';
import type { SampleTable } from '../../src/core/audits/sampleTable.js';
import { dayNumber } from '../../src/core/dates/localDate.js';
import type { AuditRecord } from '../../src/core/extracts/definitions.js';
import { readSampleFiles } from '../../src/io/readSampleFiles.js';
import { renderCompletionCsv, renderCompletionJson } from '../../src/render/auditCompletion.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/audits-collect/', import.meta.url));

/** An audit as the audits extract reads it: only what completion looks at matters. */
function audit(recordKind: string, recordId: string, date: string): AuditRecord {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { line: 2, child_id: 'C00012', audit_date: dayNumber(y, m, d), grade: 'good', record_kind: recordKind, record_id: recordId } as AuditRecord;
}

// The audits of fixtures/audits-collect/audits.csv.
const AUDITS = [
  audit('assessments', 'A1001', '2026-11-03'),
  audit('assessments', 'A1002', '2026-11-04'),
  // After the due date of 15/11: A1003 is not audited by it.
  audit('assessments', 'A1003', '2026-11-20'),
  // record_kind in another case still matches.
  audit('Assessments', 'A1007', '2026-11-10'),
  // Not sampled: counts nowhere.
  audit('assessments', 'A1999', '2026-11-02'),
];
const DUE = dayNumber(2026, 11, 15);

describe('sampleCompletion: sampled records audited by the due date, by team', () => {
  test('per team and in total, hand-worked', async () => {
    const { records, repeats } = sampledRecords(await readSampleFiles([join(FIXTURES, 'sample-october.csv')]));
    expect(repeats).toBe(0);
    const completion = sampleCompletion(records, AUDITS, DUE);
    // Team A: A1001, A1002, A1003 sampled; A1001 and A1002 audited by 15/11, A1003 only on 20/11: 2/3 = 66.7 %.
    // Team B: A1006, no audit: 0/1. No team: A1007, audited 10/11: 1/1. Total 3/5 = 60 %.
    expect(completion.teams.map((t) => [t.key, t.sampled, t.audited, t.notAudited])).toEqual([
      ['Team A', 3, 2, 1],
      ['Team B', 1, 0, 1],
      ['(no team)', 1, 1, 0],
    ]);
    expect(completion.total).toMatchObject({ sampled: 5, audited: 3, notAudited: 2, share: 0.6 });
    expect(renderCompletionCsv(completion)).toBe(
      [
        'team,sampled,audited_by_due,share_percent,not_audited,due',
        'Team A,3,2,66.7,1,2026-11-15',
        'Team B,1,0,0,1,2026-11-15',
        '(no team),1,1,100,0,2026-11-15',
        '(total),5,3,60,2,2026-11-15',
        '',
      ].join('\r\n'),
    );
    expect(JSON.parse(renderCompletionJson(completion))).toMatchObject({ schemaVersion: 1, due: '2026-11-15', teams: [{ team: 'Team A', sharePercent: 66.7 }, {}, {}], total: { sampled: 5, audited: 3, sharePercent: 60 } });
  });

  test('a due date after the late audit counts it; a record drawn in two samples counts once', async () => {
    const [table] = await readSampleFiles([join(FIXTURES, 'sample-october.csv')]);
    const { records, repeats } = sampledRecords([table!, { ...table!, file: 'again.csv' } satisfies SampleTable]);
    expect(repeats).toBe(5);
    const teamA = sampleCompletion(records, AUDITS, dayNumber(2026, 11, 20)).teams[0]!;
    expect(teamA).toMatchObject({ key: 'Team A', sampled: 3, audited: 3, share: 1 });
  });

  test('refuses a moderation sample: its audits carry no date to hold against the due date', () => {
    const moderation: SampleTable = {
      file: 'moderation.csv',
      rows: [
        { line: 1, fields: ['kind', 'record_id', 'child_id', 'team', 'moderated_grade'] },
        { line: 2, fields: ['audits', 'AU4', 'C4', 'Team B', 'good'] },
      ],
      serialDates: false,
      pseudonymised: false,
    };
    expect(() => sampledRecords([moderation])).toThrow('moderation.csv line 2: a moderation sample (kind audits)');
  });
});
