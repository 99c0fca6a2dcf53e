import { describe, expect, it } from 'vitest';
import type { PlanRecord } from '../../src/core/extracts/definitions.js';
import { openPlansByChild } from '../../src/core/indicators/openPlans.js';
import { day } from './helpers.js';

function plan(line: number, values: Partial<PlanRecord>): PlanRecord {
  return { line, child_id: 'C00001', plan_type: 'CP', start_date: day('2026-09-01'), ...values } as PlanRecord;
}

describe('open plans starting the same day are ordered by their values, never by row order', () => {
  // Two CP plans of one child start on 01/09/2026: the one taken as the newest (which gives the
  // child's team in every breakdown) must be the same whichever row the extract lists first.
  const a = plan(2, { plan_id: 'P0002', team: 'Team B' });
  const b = plan(3, { plan_id: 'P0001', team: 'Team A' });
  const newest = (plans: PlanRecord[]) => openPlansByChild(plans, day('2026-10-31')).newest(0);

  it('by plan id first', () => {
    expect(newest([a, b]).plan_id).toBe('P0001');
    expect(newest([b, a]).plan_id).toBe('P0001');
  });

  it('then by end date, team, worker and category when the ids are blank', () => {
    const x = plan(2, { team: 'Team B' });
    const y = plan(3, { team: 'Team A' });
    expect(newest([x, y]).team).toBe('Team A');
    expect(newest([y, x]).team).toBe('Team A');
  });

  it('still puts the newest start first', () => {
    const newer = plan(4, { plan_id: 'P0009', start_date: day('2026-09-02') });
    expect(newest([a, b, newer]).plan_id).toBe('P0009');
    expect(newest([b, newer, a]).plan_id).toBe('P0009');
  });
});
