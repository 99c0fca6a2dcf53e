import { describe, expect, it } from 'vitest';
import { recogniseTable } from '../../src/core/ssda903/tables.js';
import { locateSsda903 } from '../../src/io/locateSsda903.js';
import { FIXTURES } from './load.js';

describe('SSDA903 tables are recognised by their columns', () => {
  it('names each table from its header, whatever the case, spacing or a BOM', () => {
    expect(recogniseTable(['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN'])?.name).toBe('episodes');
    expect(recogniseTable(['\uFEFFchild', ' dob ', 'Review', 'REVIEW_CODE'])?.name).toBe('reviews');
    expect(recogniseTable(['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'])?.name).toBe('missing');
    expect(recogniseTable(['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'])?.name).toBe('oc3');
    expect(recogniseTable(['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'])?.name).toBe('header');
  });

  it('needs every column of the table, extra columns allowed', () => {
    expect(recogniseTable(['CHILD', 'DOB', 'REVIEW'])).toBeUndefined();
    expect(recogniseTable(['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE', 'IRO'])?.name).toBe('reviews');
    expect(recogniseTable(['Team', 'Worker'])).toBeUndefined();
  });

  it('finds renamed files in a folder and lists the CSV that is no SSDA903 table as not read', async () => {
    const located = await locateSsda903(`${FIXTURES}return`, ['plans', 'placements', 'reviews', 'missing', 'careleavers', 'health']);
    const names = Object.fromEntries([...located.tables].map(([kind, sources]) => [kind, sources.map((s) => `${s.table}:${s.name}`)]));
    expect(names).toEqual({
      plans: ['episodes:cla_episodes_2025.csv'],
      placements: ['episodes:cla_episodes_2025.csv'],
      reviews: ['reviews:reviews.csv'],
      missing: ['missing:missing.csv'],
      careleavers: ['oc3:leavers.csv'],
    });
    expect(located.unread).toEqual(['notes.csv']);
  });

  it('stops on a folder with no SSDA903 table, naming what it holds', async () => {
    await expect(locateSsda903(`${FIXTURES}../annex-a-csv`, ['plans'])).rejects.toMatchObject({ code: 'NO_EXTRACTS' });
  });
});
