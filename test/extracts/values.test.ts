import { describe, expect, it } from 'vitest';
import { dayNumber, formatIso } from '../../src/core/dates/localDate.js';
import { normaliseHeader, parseFlag, parseLocalDateTime } from '../../src/core/extracts/values.js';

const iso = (text: string) => {
  const parsed = parseLocalDateTime(text);
  return parsed === null ? null : { date: formatIso(parsed.day), minute: parsed.minute };
};

describe('dates (extracts.md "Value formats")', () => {
  it.each([
    ['2026-10-31', { date: '2026-10-31', minute: null }],
    ['31/10/2026', { date: '2026-10-31', minute: null }],
    ['1/2/2026', { date: '2026-02-01', minute: null }],
    ['2026-10-31T14:05', { date: '2026-10-31', minute: 14 * 60 + 5 }],
    ['2026-10-31 14:05:00', { date: '2026-10-31', minute: 14 * 60 + 5 }],
    ['31/10/2026 14:05', { date: '2026-10-31', minute: 14 * 60 + 5 }],
    ['2024-02-29', { date: '2024-02-29', minute: null }],
    ['31/10/2026 9:05', { date: '2026-10-31', minute: 9 * 60 + 5 }],
    ['31/10/2026 09:05:59', { date: '2026-10-31', minute: 9 * 60 + 5 }],
    ['2026-10-31T23:59:59.123', { date: '2026-10-31', minute: 23 * 60 + 59 }],
  ])('reads %s', (text, expected) => {
    expect(iso(text)).toEqual(expected);
  });

  it.each(['31/02/2026', '2026-02-29', '10/31/2026', '2026-13-01', '2026-10-31 24:00', '2026-10-31 12:60', '31-10-2026', '2026/10/31', '44090', 'yesterday', '2026-10-31Z', '2026-10-31 9:05', '031/10/2026', '31/10/20266', '31//2026', '2026-10-31 14:05:', '2026-10-31 14:05:00.', '2026-1-31', '3a/10/2026'])(
    'rejects %s',
    (text) => {
      expect(parseLocalDateTime(text)).toBeNull();
    },
  );

  it('counts days from 1970-01-01', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(2026, 10, 31)).toBe(20757);
  });
});

describe('flags', () => {
  it.each([['Y', true], ['yes', true], ['TRUE', true], ['1', true], ['n', false], ['No', false], ['false', false], ['0', false]] as const)(
    '%s is %s',
    (text, value) => expect(parseFlag(text)).toBe(value),
  );
  it('anything else is not a flag', () => {
    expect(parseFlag('maybe')).toBeUndefined();
    expect(parseFlag('2')).toBeUndefined();
  });
});

describe('header names', () => {
  it('match case-insensitively with spaces, hyphens and underscores as one', () => {
    expect(['Child ID', 'child-id', 'CHILD_ID', '  child  id ', 'Child - ID'].map(normaliseHeader)).toEqual(Array(5).fill('child_id'));
  });
});
