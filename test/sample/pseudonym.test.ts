import { beforeAll, describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { pseudonymise } from '../../src/core/sample/pseudonym.js';
import { draw, idsOf, loadScenario } from './helpers.js';

let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('hand-worked');
});

describe('pseudonymise', () => {
  test('is P and the first 16 hex digits of HMAC-SHA-256(key, child ID)', () => {
    // printf C00012 | openssl dgst -sha256 -hmac key-1  →  9b387e562c274d9c…
    expect(pseudonymise('key-1', 'C00012')).toBe('P9b387e562c274d9c');
  });

  test('is stable for one key, and differs with another key or another child', () => {
    expect(pseudonymise('key-1', 'C00012')).toBe(pseudonymise('key-1', 'C00012'));
    expect(pseudonymise('key-2', 'C00012')).not.toBe(pseudonymise('key-1', 'C00012'));
    expect(pseudonymise('key-1', 'C00013')).not.toBe(pseudonymise('key-1', 'C00012'));
  });
});

describe('a pseudonymised sample', () => {
  test('draws the same records, keeps record ids, and replaces every child ID', () => {
    const plain = draw(data, { kind: 'missing', size: 10 });
    const hidden = draw(data, { kind: 'missing', size: 10, pseudonymKey: 'key-1' });
    expect(hidden.pseudonymised).toBe(true);
    expect(idsOf(hidden)).toEqual(idsOf(plain));
    expect(hidden.rows.map((row) => row.childId)).toEqual(plain.rows.map((row) => pseudonymise('key-1', row.childId)));
  });

  test('one child keeps one pseudonym across its records', () => {
    // M3001 and M3002 are both episodes of C00016.
    const rows = draw(data, { kind: 'missing', size: 10, pseudonymKey: 'key-1' }).rows;
    const ids = new Set(rows.filter((row) => row.recordId === 'M3001' || row.recordId === 'M3002').map((row) => row.childId));
    expect([...ids]).toEqual([pseudonymise('key-1', 'C00016')]);
  });
});
