import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempFolder } from '../tempFolder.js';
import { runCli } from './runCli.js';

// The bad-input rules of the returns and of collecting samples, through the built CLI: exit 2, one line or
// one issue naming the file, the line and what is wrong, nothing written.
describe('bad returns and bad returned samples', () => {
  const temp = tempFolder('bad-returns-');

  test('a CIN census that is not well-formed XML stops the run with its line', () => {
    const run = runCli(['validate', '--cin-census', 'fixtures/cin-census/malformed.xml', '--extracted-on', '2026-11-30']);
    expect(run.stderr).toBe('csc-metrics: MALFORMED_XML: malformed.xml: line 6: not well-formed XML (unexpected close tag.)\n');
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });

  test('an element the census does not have is an issue with its line and column, never read', () => {
    // fixtures/cin-census/bad-values.xml: <OutcomeOfS47> inside <Section47> at line 17.
    const run = runCli(['validate', '--cin-census', 'fixtures/cin-census/bad-values.xml', '--extracted-on', '2026-11-30', '--format', 'csv']);
    expect(run.stdout).toContain('<OutcomeOfS47> is not an element of the CIN census inside <Section47>; not read (line 17, column 11)');
    expect(run.code).toBe(2);
  });

  test('a returned sample row with a blank record_id cannot be matched: nothing is collected', () => {
    const run = runCli(['audits', 'collect', 'fixtures/audits-collect/blank-record-id.csv', '--out', join(temp.dir, 'a.csv'), '--extracted-on', '2026-11-20']);
    expect(run.stderr).toBe(
      'csc-metrics: UNMATCHED_SAMPLE_ROW: fixtures/audits-collect/blank-record-id.csv line 3: record_id is blank, so the row cannot be matched to a sampled record; correct the file and collect it again\n',
    );
    expect(run.code).toBe(2);
  });

  test('a sample whose every child ID is a pseudonym is refused', () => {
    const run = runCli(['audits', 'collect', 'fixtures/audits-collect/pseudonymised.csv', '--out', join(temp.dir, 'b.csv'), '--extracted-on', '2026-11-20']);
    expect(run.stderr).toMatch(/^csc-metrics: PSEUDONYMISED_SAMPLE: fixtures\/audits-collect\/pseudonymised\.csv: every child ID in it is a pseudonym, /);
    expect(run.code).toBe(2);
  });

  test('an --out file with another header is not appended to', () => {
    const out = join(temp.dir, 'other.csv');
    writeFileSync(out, 'child_id,audit_date,grade\n');
    const run = runCli(['audits', 'collect', 'fixtures/audits-collect/team-b.csv', '--out', out, '--extracted-on', '2026-11-20']);
    expect(run.stderr).toMatch(/^csc-metrics: UNAPPENDABLE_FILE: --out .*other\.csv: its header is not that of collected audits \(audit_id, child_id, audit_date, grade, auditor, audit_type, team, worker, record_kind, record_id\), so new audits cannot be appended to it; nothing was written/);
    expect(run.code).toBe(2);
  });
});
