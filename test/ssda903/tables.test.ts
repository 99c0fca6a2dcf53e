import { describe, expect, it } from 'vitest';
import { rangePeriod } from '../../src/core/period.js';
import { dayNumber } from '../../src/core/dates/localDate.js';
import { reportOf } from '../indicators/helpers.js';
import { FIXTURES, loadReturn, rows } from './load.js';

describe('reviews, missing and OC3 from an SSDA903 return', async () => {
  const loaded = await loadReturn(`${FIXTURES}return`);
  const { data } = loaded;

  it('reads reviews as CLA reviews and rejects one dated outside the child’s periods of care', () => {
    expect(rows([...data.reviews!.records])).toEqual([
      { line: 2, child_id: 'C00012', review_type: 'CLA', review_date: '2024-05-28' },
      { line: 4, child_id: 'C00034', review_type: 'CLA', review_date: '2024-08-01' },
    ]);
    const [quality] = data.reviews!.quality;
    expect(quality).toMatchObject({ file: 'reviews.csv', rowsRead: 3, rowsUsed: 2, rowsRejected: 1 });
    expect(quality!.issues).toEqual([
      {
        scope: 'row',
        code: 'OUTSIDE_CARE',
        line: 3,
        column: 'review_date',
        value: '01/12/2024',
        message: 'review_date "01/12/2024" is outside the child\'s periods of care: the child was in care 01/05/2024 to 02/11/2024, 15/01/2025 to now',
      },
    ]);
  });

  it('reads missing episodes by date, with no return interview', () => {
    const records = [...data.missing!.records].map((r) => ({ line: r.line, child: r.child_id, from: r.missing_from.day, back: r.returned_at?.day }));
    expect(records).toEqual([
      { line: 2, child: 'C00034', from: dayNumber(2024, 7, 5), back: dayNumber(2024, 7, 7) },
      { line: 3, child: 'C00012', from: dayNumber(2025, 2, 1), back: undefined },
    ]);
    expect(data.missing!.columns).not.toContain('rhi_completed_at');
  });

  it('reports the return-interview indicators not computed, saying why', () => {
    const report = reportOf(data, rangePeriod(dayNumber(2024, 4, 1), dayNumber(2025, 3, 31)), { absentReasons: loaded.absentReasons });
    const reason = report.notComputed.find((n) => n.id === 'rhi-within-72h')?.reason;
    expect(reason).toBe('missing.csv has no rhi_completed_at column (the SSDA903 missing table has no return-interview times)');
    expect(report.notComputed.find((n) => n.id === 'missing-over-5-days')).toBeUndefined();
  });

  it('reads OC3 as contacts on the birthday in the collection year, leaving out the young people who died', () => {
    // Latest episode date 15/01/2025: the collection year is 1 April 2024 to 31 March 2025.
    expect(rows([...data.careleavers!.records])).toEqual([
      { line: 2, child_id: 'C00090', date_of_birth: '2006-09-20', contact_date: '2024-09-20', in_touch: true, activity: 'F2', accommodation_suitable: true },
      { line: 3, child_id: 'C00091', date_of_birth: '2004-02-29', contact_date: '2025-02-28', in_touch: false, activity: '0' },
      { line: 5, child_id: 'C00093', date_of_birth: '2006-01-01', contact_date: '2025-01-01', in_touch: true, accommodation_suitable: false },
    ]);
    const [quality] = data.careleavers!.quality;
    expect(quality!.notes).toContain('1 row of oc3 table left out: only rows whose IN_TOUCH is not DIED are care leaver contacts');
    expect(quality!.issues).toEqual([
      expect.objectContaining({ scope: 'cell', code: 'INVALID_CODE', line: 5, column: 'activity', value: 'X9' }),
    ]);
  });

  it('reports health as absent: OC2 has no dated health assessments', () => {
    expect(data.health).toBeUndefined();
    expect(loaded.absentReasons.health).toMatch(/OC2/);
    expect(loaded.unreadFiles).toEqual(['notes.csv']);
  });
});
