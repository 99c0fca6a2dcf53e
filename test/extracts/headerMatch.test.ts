import { describe, expect, it } from 'vitest';
import { EXTRACTS } from '../../src/core/extracts/definitions.js';
import { matchHeader } from '../../src/core/extracts/headerMatch.js';

const assessments = EXTRACTS.assessments;

/** Column → the header it was read from. */
function readFrom(fields: readonly string[], configured?: Readonly<Record<string, readonly string[]>>) {
  return Object.fromEntries(matchHeader(fields, assessments, configured).mapping.map((m) => [m.column, m.header]));
}

describe('matchHeader: built-in aliases', () => {
  it('reads case-system headers as our columns', () => {
    const match = matchHeader(['Person ID', 'Workflow ID', 'Date of Referral', 'Assessment Start Date', 'Assessment Completed Date', 'Allocated Team', 'Social Worker'], assessments);
    expect(match.mapping).toEqual([
      { column: 'child_id', header: 'Person ID' },
      { column: 'assessment_id', header: 'Workflow ID' },
      { column: 'referral_date', header: 'Date of Referral' },
      { column: 'start_date', header: 'Assessment Start Date' },
      { column: 'completed_date', header: 'Assessment Completed Date' },
      { column: 'team', header: 'Allocated Team' },
      { column: 'worker', header: 'Social Worker' },
    ]);
    expect([...match.positions]).toEqual([['child_id', 0], ['assessment_id', 1], ['referral_date', 2], ['start_date', 3], ['completed_date', 4], ['team', 5], ['worker', 6]]);
    expect(match.unused).toEqual([]);
    expect(match.missingRequired).toEqual([]);
  });

  it('aliases are per kind: "Assessment Completed Date" means nothing in plans', () => {
    const match = matchHeader(['Person ID', 'Plan Type', 'Plan Start Date', 'Assessment Completed Date'], EXTRACTS.plans);
    expect(match.mapping.map((m) => m.column)).toEqual(['child_id', 'plan_type', 'start_date']);
    expect(match.unused.map((u) => u.header)).toEqual(['Assessment Completed Date']);
  });

  it('our own name wins over an alias, and the other header is left unused', () => {
    const match = matchHeader(['child_id', 'start_date', 'Assessment Completed Date', 'completed_date'], assessments);
    expect(match.positions.get('completed_date')).toBe(3);
    expect(match.unused).toEqual([{ header: 'Assessment Completed Date', suggestion: 'completed_date' }]);
  });

  it('names the required columns that are missing', () => {
    expect(matchHeader(['Person ID', 'Completed Date'], assessments).missingRequired).toEqual(['start_date']);
    expect(matchHeader([], assessments).missingRequired).toEqual(['child_id', 'start_date']);
  });

  it('reports a column whose own name heads two fields', () => {
    expect(matchHeader(['child_id', 'start_date', 'Start Date'], assessments).duplicate).toEqual(['start_date', 2, 3]);
  });
});

describe('matchHeader: config candidates come first', () => {
  it('a configured header beats our own name and the aliases', () => {
    const fields = ['Child ID', 'Person ID', 'start_date'];
    expect(readFrom(fields).child_id).toBe('Child ID');
    expect(readFrom(fields, { child_id: ['Person ID'] }).child_id).toBe('Person ID');
  });

  it('candidates are tried in the order given', () => {
    const fields = ['Case Ref', 'LA Ref', 'start_date'];
    expect(readFrom(fields, { child_id: ['LA Ref', 'Case Ref'] }).child_id).toBe('LA Ref');
    expect(readFrom(fields, { child_id: ['Missing Ref', 'Case Ref'] }).child_id).toBe('Case Ref');
  });

  it('a configured header is matched tolerantly too', () => {
    expect(readFrom(['CASE-REF', 'start_date'], { child_id: ['case ref'] }).child_id).toBe('CASE-REF');
  });

  it('a configured header the file lacks is reported, and the column falls back to the built-in names', () => {
    const match = matchHeader(['Child ID', 'start_date'], assessments, { child_id: ['Person Ref'], team: ['Locality'] });
    expect(match.mapping.find((m) => m.column === 'child_id')).toEqual({ column: 'child_id', header: 'Child ID' });
    expect(match.unmatchedConfig).toEqual([
      { column: 'child_id', headers: ['Person Ref'] },
      { column: 'team', headers: ['Locality'] },
    ]);
  });

  it('a header is read into one column only', () => {
    const match = matchHeader(['Person ID', 'Assessment Start Date', 'Seen'], assessments);
    expect(match.positions.get('child_seen')).toBe(2);
    expect(match.positions.has('child_seen_alone')).toBe(false);
  });

  it('a configured header wins over a built-in alias of an earlier column', () => {
    // "Seen" is a built-in alias of child_seen; this authority's "Seen" column is the
    // seen-alone flag and the config says so. child_seen (earlier in the column order)
    // must not take it first: that would compute assessment-child-seen from the
    // seen-alone answers and leave assessment-seen-alone "not computed".
    const match = matchHeader(['Person ID', 'Assessment Start Date', 'Seen'], assessments, { child_seen_alone: ['Seen'] });
    expect(match.positions.get('child_seen_alone')).toBe(2);
    expect(match.positions.has('child_seen')).toBe(false);
  });
});

describe('matchHeader: tolerant matching', () => {
  it.each([
    ['case', 'CHILD_ID', 'child_id'],
    ['hyphens and spaces', 'child-id', 'child_id'],
    ['surrounding space', '  Child ID  ', 'child_id'],
    ['a trailing question mark', 'Was the child seen alone?', 'child_seen_alone'],
    ['a trailing colon', 'Completed Date:', 'completed_date'],
    ['a curly apostrophe', 'Child\u2019s Voice Recorded', 'child_voice_recorded'],
    ['a non-breaking space', 'Child\u00A0Seen\u00A0Alone', 'child_seen_alone'],
    ['runs of separators', 'child  -  seen', 'child_seen'],
  ])('%s: %j → %s', (_what, header, column) => {
    const match = matchHeader(['Person ID', 'start_date', header], assessments);
    expect(match.positions.get(column)).toBe(2);
  });

  it('keeps the header as written (trimmed) in the mapping', () => {
    expect(readFrom(['child_id', 'start_date', '  Child\u2019s Voice Recorded?  ']).child_voice_recorded).toBe('Child\u2019s Voice Recorded?');
  });

  it('ignores blank header cells', () => {
    const match = matchHeader(['child_id', '', 'start_date', '  '], assessments);
    expect(match.unused).toEqual([]);
    expect(match.positions.get('start_date')).toBe(2);
  });
});

describe('matchHeader: suggestions for unused headers', () => {
  it.each([
    ['Childs Voice Recrded', 'child_voice_recorded'],
    ['Assesment Completed Date', 'completed_date'],
    ['Chid ID', 'child_id'],
    ['Child Seen Alne', 'child_seen_alone'],
    ['Refferal Date', 'referral_date'],
  ])('%j looks like %s', (header, suggestion) => {
    expect(matchHeader(['child_id', 'start_date', header], assessments).unused).toEqual([{ header, suggestion }]);
  });

  it('a misspelt required column is missing, with the suggestion to fix it', () => {
    const match = matchHeader(['child_id', 'Start Dte'], assessments);
    expect(match.missingRequired).toEqual(['start_date']);
    expect(match.unused).toEqual([{ header: 'Start Dte', suggestion: 'start_date' }]);
  });

  it.each(['Notes', 'Ethnicity', 'Date of Birth', 'Gender', 'Postcode', 'Age', 'Disability', 'Legal Status', 'Team Manager', 'Start Time', 'Child Name', 'Child Age', 'Worker Email', 'Primary Need', 'Referral Source', 'Assessment Type', 'Status', 'Comments', 'Seen By'])(
    'no suggestion for the unrelated header %j',
    (header) => {
      expect(matchHeader(['child_id', 'start_date', header], assessments).unused).toEqual([{ header }]);
    },
  );

  it('no suggestion for a header spelt like a member of every JavaScript object', () => {
    // "Constructor" normalises to "constructor", which `definition.columns[name]` finds on Object.prototype.
    expect(matchHeader(['child_id', 'start_date', 'Constructor'], assessments).unused).toEqual([{ header: 'Constructor' }]);
  });
});
