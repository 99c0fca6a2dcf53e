import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import type { ExtractData } from '../../src/core/extracts/extractParser.js';
import { tempFolder } from '../tempFolder.js';
import { FIXTURES, loadCensus, rows } from './load.js';

const quality = (extract: ExtractData | undefined, file: string) => extract!.quality.find((q) => q.file === file)!;

// fixtures/cin-census/bad-values.xml: one child whose every record breaks a census rule.
describe('what the census’s rules refuse', async () => {
  const { data } = await loadCensus(`${FIXTURES}bad-values.xml`);

  it('rejects a CP plan ending before it starts and one with an impossible start, at their lines', () => {
    const plans = quality(data.plans, 'bad-values.xml:ChildProtectionPlans');
    expect(plans).toMatchObject({ rowsRead: 2, rowsUsed: 0, rowsRejected: 2 });
    expect(plans.issues.filter((i) => i.scope === 'row')).toEqual([
      expect.objectContaining({ code: 'END_BEFORE_START', line: 20, column: 'end_date', value: '2026-04-01' }),
      expect.objectContaining({ code: 'INVALID_DATE', line: 26, column: 'start_date', value: '2026-13-01' }),
    ]);
  });

  it('reports a repeated element with its line and column and reads the first', () => {
    const plans = quality(data.plans, 'bad-values.xml:ChildProtectionPlans');
    expect(plans.issues[0]).toEqual({
      scope: 'cell',
      code: 'UNEXPECTED_ELEMENT',
      line: 23,
      column: 'Message/Children/Child/CINdetails/ChildProtectionPlans',
      value: 'CPPendDate',
      message: '<CPPendDate> repeats an element the census has once inside <ChildProtectionPlans>; the first is read (line 23, column 11)',
    });
  });

  it('reports an unknown element and stray text, never dropping them silently', () => {
    expect(quality(data.enquiries, 'bad-values.xml:Section47').issues).toContainEqual(
      expect.objectContaining({ code: 'UNEXPECTED_ELEMENT', line: 17, value: 'OutcomeOfS47', message: expect.stringContaining('(line 17, column 11)') }),
    );
    expect(quality(data.referrals, 'bad-values.xml:CINdetails').issues).toContainEqual(
      expect.objectContaining({ code: 'UNEXPECTED_ELEMENT', line: 9, column: 'Message/Children/Child/ChildCharacteristics', value: 'WBRI', message: expect.stringContaining('(line 9, column 36)') }),
    );
  });

  it('refuses a flag that is neither 0/1 nor true/false, keeping the row', () => {
    const enquiries = quality(data.enquiries, 'bad-values.xml:Section47');
    expect(enquiries).toMatchObject({ rowsRead: 1, rowsUsed: 1, cellIssues: { icpc_not_required: 1 } });
    expect(rows([...data.enquiries!.records])).toEqual([{ line: 14, child_id: 'C00021', s47_start: '2026-03-02', refused: { icpc_not_required: 'maybe' } }]);
    expect(quality(data.referrals, 'bad-values.xml:CINdetails').issues).toContainEqual(
      expect.objectContaining({ scope: 'cell', code: 'INVALID_FLAG', line: 11, column: 'outcome', value: 'perhaps' }),
    );
  });

  it('rejects a referral whose date is impossible', () => {
    expect(quality(data.referrals, 'bad-values.xml:CINdetails')).toMatchObject({ rowsRead: 1, rowsRejected: 1 });
    expect(quality(data.referrals, 'bad-values.xml:CINdetails').issues).toContainEqual(
      expect.objectContaining({ scope: 'row', code: 'INVALID_DATE', line: 11, column: 'referral_date', value: '2026-02-30' }),
    );
  });
});

describe('files that are not a readable return', () => {
  const folder = tempFolder('cin-census-');

  it('stops on XML that is not well-formed, naming the line', async () => {
    const error = await loadCensus(`${FIXTURES}malformed.xml`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ code: 'MALFORMED_XML', location: { file: 'malformed.xml', line: 6 } });
    expect((error as Error).message).toMatch(/^malformed\.xml: line 6: not well-formed XML \(.+\)$/);
  });

  it('stops on an empty file', async () => {
    const path = join(folder.dir, 'empty.xml');
    writeFileSync(path, '');
    await expect(loadCensus(path)).rejects.toMatchObject({ code: 'MALFORMED_XML' });
  });

  it('stops on a path that is not a file before reading anything', async () => {
    await expect(loadCensus(join(folder.dir, 'absent.xml'))).rejects.toMatchObject({ code: 'UNREADABLE_FILE' });
  });

  it('gives a child its ID and its episode its referral date even when they come after the records', async () => {
    const path = join(folder.dir, 'late.xml');
    writeFileSync(
      path,
      '<Message><Children><Child>\n<CINdetails>\n<Assessments><AssessmentActualStartDate>2026-05-02</AssessmentActualStartDate></Assessments>\n' +
        '<CINreferralDate>2026-05-01</CINreferralDate><ReferralNFA>0</ReferralNFA></CINdetails>\n<ChildIdentifiers><LAchildID>C00051</LAchildID></ChildIdentifiers>\n</Child></Children></Message>\n',
    );
    const { data } = await loadCensus(path);
    expect(rows([...data.assessments!.records])).toEqual([{ line: 3, child_id: 'C00051', referral_date: '2026-05-01', start_date: '2026-05-02' }]);
  });

  it('reports a root that is not <Message> and reads nothing under it', async () => {
    const path = join(folder.dir, 'other.xml');
    writeFileSync(path, '<Return>\n  <Child><ChildIdentifiers><LAchildID>C00041</LAchildID></ChildIdentifiers></Child>\n</Return>\n');
    const { data } = await loadCensus(path);
    const referrals = data.referrals!.quality[0]!;
    expect(referrals.rowsRead).toBe(0);
    expect(referrals.issues).toEqual([expect.objectContaining({ code: 'UNEXPECTED_ELEMENT', line: 1, value: 'Return' })]);
  });
});
