import { describe, expect, it } from 'vitest';
import { recordsLoaded, recordsNotLoaded } from '../../src/core/extracts/notLoaded.js';

describe('records of an event extract that were not loaded', () => {
  it('fail loudly on any use, naming the kind, instead of reading as none', () => {
    const records = recordsNotLoaded<{ child_id: string }>('visits');
    expect(recordsLoaded(records)).toBe(false);
    expect(recordsLoaded([])).toBe(true);
    const message = "the visits records were not loaded, only their events: an indicator that reads them must declare records: ['visits']";
    expect(() => records.length).toThrow(message);
    expect(() => records.at(0)).toThrow(message);
    expect(() => [...records]).toThrow(message);
    expect(() => Object.keys(records)).toThrow(message);
  });
});
