import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { INDICATORS } from '../../src/core/indicators/registry.js';
import type { Settings } from '../../src/core/settings.js';

function settingsOf(raw: unknown): Settings {
  const result = resolveConfig(raw, INDICATORS);
  if (!('settings' in result)) throw new Error(`expected settings, got errors: ${result.errors.join('; ')}`);
  return result.settings;
}

const errorsOf = (raw: unknown) => resolveConfig(raw, INDICATORS).errors;

describe('resolveConfig: the extracts section', () => {
  it('is empty when the config has none', () => {
    expect(settingsOf({}).extracts).toEqual({});
    expect(settingsOf({ targets: { 'assessment-timeliness': 85 } }).extracts).toEqual({});
  });

  it("carries cli.md's example shape through, every column as a list of candidate headers", () => {
    const settings = settingsOf({
      extracts: {
        assessments: {
          file: 'Assessments*.xlsx',
          sheet: 'Data',
          headerRow: 3,
          columns: { completed_date: 'Assessment Completed Date', child_id: ['Person ID', 'Child ID'] },
          values: { child_seen: { Unknown: null, 'N/A': null } },
          dateOrder: 'mdy',
        },
        plans: { file: 'open plans.csv', values: { plan_type: { 'Child Protection': 'CP', LAC: 'CLA', 'Child in Need': 'CIN' } } },
        supervision: { values: { kind: { 'Management Oversight': 'oversight', Supervision: 'supervision' } } },
      },
    });
    expect(settings.extracts).toEqual({
      assessments: {
        file: 'Assessments*.xlsx',
        sheet: 'Data',
        headerRow: 3,
        columns: { completed_date: ['Assessment Completed Date'], child_id: ['Person ID', 'Child ID'] },
        values: { child_seen: { Unknown: null, 'N/A': null } },
        dateOrder: 'mdy',
      },
      plans: { file: 'open plans.csv', values: { plan_type: { 'Child Protection': 'CP', LAC: 'CLA', 'Child in Need': 'CIN' } } },
      supervision: { values: { kind: { 'Management Oversight': 'oversight', Supervision: 'supervision' } } },
    });
  });

  it('accepts dateOrder dmy and mdy only', () => {
    expect(settingsOf({ extracts: { visits: { dateOrder: 'dmy' } } }).extracts.visits).toEqual({ dateOrder: 'dmy' });
    expect(errorsOf({ extracts: { visits: { dateOrder: 'ymd' } } })).toEqual([expect.stringMatching(/^extracts\.visits\.dateOrder: /)]);
  });

  it('an unknown column in columns or values is an error naming the key path and the columns there are', () => {
    expect(errorsOf({ extracts: { assessments: { columns: { completion_date: 'Date Done' } } } })).toEqual([
      'extracts.assessments.columns.completion_date: assessments has no column completion_date (its columns: child_id, assessment_id, referral_date, start_date, completed_date, team, worker, child_seen, child_seen_alone, child_voice_recorded)',
    ]);
    expect(errorsOf({ extracts: { plans: { values: { plan_typ: { LAC: 'CLA' } } } } })).toEqual([
      'extracts.plans.values.plan_typ: plans has no column plan_typ (its columns: child_id, plan_id, plan_type, start_date, end_date, category, team, worker)',
    ]);
  });

  it('a column of another kind is unknown here', () => {
    // visit_date is a visits column, not an assessments one.
    expect(errorsOf({ extracts: { assessments: { columns: { visit_date: 'Visit Date' } } } })).toEqual([
      expect.stringMatching(/^extracts\.assessments\.columns\.visit_date: assessments has no column visit_date/),
    ]);
  });

  it('a column named like a member of every JavaScript object is unknown too', () => {
    // `column in EXTRACTS[kind].columns` also finds Object.prototype's toString and constructor.
    expect(errorsOf({ extracts: { assessments: { columns: { toString: 'Date Done' } } } })).toEqual([
      expect.stringMatching(/^extracts\.assessments\.columns\.toString: assessments has no column toString/),
    ]);
    // constructor (like __proto__ and prototype) is refused wherever it stands, before the schema.
    expect(errorsOf({ extracts: { assessments: { values: { constructor: { Yes: 'Y' } } } } })).toEqual([
      'extracts.assessments.values.constructor: "constructor" is not a name the config can use',
    ]);
  });

  it('an unknown kind or mapping key is an error naming it', () => {
    expect(errorsOf({ extracts: { assessment: { file: 'a.csv' } } })).toEqual([expect.stringMatching(/^extracts: .*"assessment"/)]);
    expect(errorsOf({ extracts: { assessments: { dateformat: 'mdy' } } })).toEqual([expect.stringMatching(/^extracts\.assessments: .*"dateformat"/)]);
  });

  it('refuses empty headers, an empty candidate list and a header row below 1', () => {
    expect(errorsOf({ extracts: { assessments: { columns: { child_id: '' } } } })).toEqual([expect.stringMatching(/^extracts\.assessments\.columns\.child_id: /)]);
    expect(errorsOf({ extracts: { assessments: { columns: { child_id: [] } } } })).toEqual([expect.stringMatching(/^extracts\.assessments\.columns\.child_id: /)]);
    expect(errorsOf({ extracts: { assessments: { columns: { child_id: ['Person ID', ''] } } } })).toEqual([expect.stringMatching(/^extracts\.assessments\.columns\.child_id\.1: /)]);
    expect(errorsOf({ extracts: { assessments: { headerRow: 0 } } })).toEqual([expect.stringMatching(/^extracts\.assessments\.headerRow: /)]);
  });

  it('a value map may only give text or null', () => {
    expect(errorsOf({ extracts: { assessments: { values: { child_seen: { Unknown: false } } } } })).toEqual([
      expect.stringMatching(/^extracts\.assessments\.values\.child_seen\.Unknown: /),
    ]);
  });
});

describe('resolveConfig: rate targets between 0 and 1 are refused as fractions', () => {
  it.each([
    [0.95, 'targets.assessment-timeliness: targets are percentages: did you mean 95?'],
    [0.9, 'targets.assessment-timeliness: targets are percentages: did you mean 90?'],
    [0.905, 'targets.assessment-timeliness: targets are percentages: did you mean 90.5?'],
    [0.5, 'targets.assessment-timeliness: targets are percentages: did you mean 50?'],
  ])('%s', (target, message) => {
    expect(errorsOf({ targets: { 'assessment-timeliness': target } })).toEqual([message]);
  });

  it('every fraction is named, not only the first', () => {
    expect(errorsOf({ targets: { 'assessment-timeliness': 0.9, 'rhi-within-72h': 0.75 } })).toEqual([
      'targets.assessment-timeliness: targets are percentages: did you mean 90?',
      'targets.rhi-within-72h: targets are percentages: did you mean 75?',
    ]);
  });

  it('0, whole percentages and null are taken; count targets are not percentages', () => {
    expect(settingsOf({ targets: { 'assessment-timeliness': 0, 'rhi-offered': 95, 'assessment-child-seen': null, 'missing-over-5-days': 2 } }).targets).toEqual({
      'assessment-timeliness': 0,
      'rhi-offered': 0.95,
      'assessment-child-seen': null,
      'missing-over-5-days': 2,
    });
  });
});
