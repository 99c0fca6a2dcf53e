import { describe, expect, it } from 'vitest';
import { FIXTURES, loadReturn } from './load.js';

describe('rows outside the SSDA903 rules are issues with their table, line and column', async () => {
  const { data } = await loadReturn(`${FIXTURES}bad-rows`);
  const slim = (issues: readonly { scope: string; code: string; line: number; column?: string; value?: string }[]) =>
    issues.map(({ scope, code, line, column, value }) => ({ scope, code, line, column, value }));

  it('rejects an episode ending before it starts and one with an impossible date', () => {
    const [quality] = data.plans!.quality;
    expect(quality).toMatchObject({ file: 'episodes.csv', rowsRead: 3, rowsUsed: 1, rowsRejected: 2 });
    expect(slim(quality!.issues)).toEqual([
      { scope: 'row', code: 'END_BEFORE_START', line: 2, column: 'DEC', value: '01/03/2024' },
      { scope: 'row', code: 'INVALID_DATE', line: 4, column: 'DECOM', value: '31/02/2024' },
    ]);
  });

  it('refuses a PLACE code not in the return’s list, keeping the placement', () => {
    const [quality] = data.placements!.quality;
    expect(quality).toMatchObject({ rowsRead: 3, rowsUsed: 1, rowsRejected: 2 });
    expect(slim(quality!.issues)).toContainEqual({ scope: 'cell', code: 'INVALID_CODE', line: 3, column: 'PLACE', value: 'Q7' });
    expect([...data.placements!.records]).toEqual([expect.objectContaining({ line: 3, child_id: 'C00051' })]);
    expect([...data.placements!.records][0]!.placement_type).toBeUndefined();
  });

  it('rejects a review with an impossible date, and keeps the one in care', () => {
    const [quality] = data.reviews!.quality;
    expect(quality).toMatchObject({ rowsRead: 2, rowsUsed: 1, rowsRejected: 1 });
    expect(slim(quality!.issues)).toEqual([{ scope: 'row', code: 'INVALID_DATE', line: 2, column: 'review_date', value: '32/13/2024' }]);
  });
});
