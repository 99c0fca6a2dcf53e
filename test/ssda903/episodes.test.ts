// Hand-worked: fixtures/ssda903/return/cla_episodes_2025.csv
//   line 2 C00012 01/05/2024-10/08/2024 S U1 (CARPL)  ┐ period 1        placement A
//   line 3 C00012 10/08/2024-02/11/2024 P U4          ┘ (DECOM = DEC)   placement B (RNE P, PLACE changed)
//   line 4 C00012 15/01/2025-open       S U4            period 2 (gap)  placement C (new period)
//   line 5 C00034 03/06/2024-20/07/2024 S R1          ┐ period 3        placement D
//   line 6 C00034 20/07/2024-open       L R1          ┘                 (legal status only: still D)
import { describe, expect, it } from 'vitest';
import { deriveEpisodes, EPISODE_FIELDS, type EpisodeRow } from '../../src/core/ssda903/episodes.js';
import { FIXTURES, loadReturn, rows } from './load.js';

describe('episodes → CLA plans and placements', async () => {
  const { data } = await loadReturn(`${FIXTURES}return`);

  it('makes one CLA plan per period of care, at the line of its first episode', () => {
    expect(rows([...data.plans!.records])).toEqual([
      { line: 2, child_id: 'C00012', plan_type: 'CLA', start_date: '2024-05-01', end_date: '2024-11-02', category: 'N1' },
      { line: 4, child_id: 'C00012', plan_type: 'CLA', start_date: '2025-01-15', category: 'N1' },
      { line: 5, child_id: 'C00034', plan_type: 'CLA', start_date: '2024-06-03', category: 'N2' },
    ]);
  });

  it('starts a placement when the placement changes or a period of care starts, not on a legal-status change', () => {
    expect(rows([...data.placements!.records])).toEqual([
      { line: 2, child_id: 'C00012', placement_start: '2024-05-01', placement_end: '2024-08-10', placement_type: 'U1', reason_changed: 'CARPL' },
      { line: 3, child_id: 'C00012', placement_start: '2024-08-10', placement_end: '2024-11-02', placement_type: 'U4' },
      { line: 4, child_id: 'C00012', placement_start: '2025-01-15', placement_type: 'U4' },
      { line: 5, child_id: 'C00034', placement_start: '2024-06-03', placement_type: 'R1' },
    ]);
  });

  it('says in the notes what became of the episode rows', () => {
    expect(data.plans!.quality[0]!.notes).toContain(
      'read as CLA plans (one per period of care) from the SSDA903 episodes table: 5 episode rows: 3 periods of care, 4 placements; 2 episodes continuing a period, 0 rejected',
    );
  });

  it('does not depend on the order of the rows', () => {
    const episode = (line: number, child: string, decom: string, dec: string, place: string): EpisodeRow => ({
      line,
      values: { ...Object.fromEntries(EPISODE_FIELDS.map((f) => [f, ''])), CHILD: child, DECOM: decom, DEC: dec, PLACE: place, RNE: 'P' } as EpisodeRow['values'],
    });
    const a = [episode(2, 'C1', '01/01/2024', '01/02/2024', 'U1'), episode(3, 'C1', '01/02/2024', '', 'U2')];
    const forward = deriveEpisodes(a);
    const backward = deriveEpisodes([...a].reverse());
    expect(backward.plans).toEqual(forward.plans);
    expect(backward.placements).toEqual(forward.placements);
    expect(forward.plans).toEqual([{ line: 2, fields: ['C1', 'CLA', '01/01/2024', '', ''] }]);
  });
});
