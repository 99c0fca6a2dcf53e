import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempFolder } from '../tempFolder.js';
import { runCli } from './runCli.js';

const DIR = 'fixtures/audits-collect';
const CONFIG = ['--config', `${DIR}/csc-metrics.config.json`, '--extracted-on', '2026-11-20'];

describe('csc-metrics audits', () => {
  const temp = tempFolder('audits-e2e-');

  test('collect appends the new audits of a returned sample to those collected before, and says what it skipped', () => {
    const out = join(temp.dir, 'audits.csv');
    copyFileSync(`${DIR}/collected.csv`, out);
    const run = runCli(['audits', 'collect', `${DIR}/team-b.csv`, '--out', out, ...CONFIG]);
    expect(run.stderr).toBe('collected 2 audits from 1 file; 0 ungraded, 0 invalid, 0 already collected\n');
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
    // collected.csv's row kept as it was, then team-b.csv's two audits in audit_id order.
    expect(readFileSync(out, 'utf8')).toBe(
      readFileSync(`${DIR}/collected.csv`, 'utf8') +
        'assessments:A1003@2026-11-05,C00014,2026-11-05,inadequate,L Brown,dip sample,Team A,R Jones,assessments,A1003,N\r\n' +
        'plans:P2001@2026-11-09,C00020,2026-11-09,outstanding,L Brown,dip sample,,S Khan,plans,P2001,Y\r\n',
    );
  });

  test('collect refuses a file without record_id (exit 2) and writes nothing', () => {
    const out = join(temp.dir, 'refused.csv');
    const run = runCli(['audits', 'collect', `${DIR}/team-b.csv`, `${DIR}/no-record-id.csv`, '--out', out, ...CONFIG]);
    expect(run.stderr).toBe(
      `csc-metrics: MISSING_COLUMN: ${DIR}/no-record-id.csv: the header has no record_id column, so its rows cannot be matched to sampled records; the file is not a sample as csc-metrics sample writes it\n`,
    );
    expect(run.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  test("completion shows each team's sampled records audited by the due date", () => {
    const run = runCli(['audits', 'completion', `${DIR}/sample-october.csv`, '--audits', `${DIR}/audits.csv`, '--due', '2026-11-15', '--format', 'csv', '--no-bom', ...CONFIG]);
    expect(run.stdout).toBe(
      'team,sampled,audited_by_due,share_percent,not_audited,due\r\nTeam A,3,2,66.7,1,2026-11-15\r\nTeam B,1,0,0,1,2026-11-15\r\n(no team),1,1,100,0,2026-11-15\r\n(total),5,3,60,2,2026-11-15\r\n',
    );
    expect(run.stderr).toBe('Data quality: 1 file, 5 rows read, 5 used, 0 rejected\n  fixtures/audits-collect/audits.csv: 5 read, 5 used, 0 rejected\n');
    expect(run.code).toBe(0);
  });
});
