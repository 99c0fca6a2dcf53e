import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtInCalendar } from '../../src/core/calendar/workingCalendar.js';
import { parseIsoDay } from '../../src/core/dates/localDate.js';
import { IssueGroups } from '../../src/core/extracts/issueGroups.js';
import type { FileQuality, Issue, IssueTable } from '../../src/core/extracts/issues.js';
import { validationLimits } from '../../src/cli/options.js';
import { IssueSpool } from '../../src/io/issueSpool.js';
import { loadDataset, type LoadOptions } from '../../src/io/loadDataset.js';
import { issueJsonEntry, qualityJsonPieces } from '../../src/render/json.js';
import { issueCsvLine, qualityCsvPieces } from '../../src/render/qualityCsv.js';
import { Rng } from '../../src/scripts/syntheticAuthority.js';

const dir = mkdtempSync(join(tmpdir(), 'streamed-issues-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A visits file of `rows` rows, most of them broken in one of several ways (seeded), with non-ASCII text that may straddle a read chunk. */
function visitsFile(rows: number, seed: number): string {
  const rng = new Rng(seed);
  const lines = ['visit_id,child_id,visit_date,plan_type,seen_alone,worker,team'];
  for (let i = 0; i < rows; i++) {
    const id = `V${String(i).padStart(6, '0')}`;
    const child = `C${String(rng.int(0, 500)).padStart(5, '0')}`;
    const shapes = [
      `${id},${child},2026-10-0${rng.int(1, 9)},CP,true,Worker é${rng.int(1, 9)},Team A`,
      `${id},${child},31/02/2026,CP,true,Worker 1,Team A`,
      `${id},${child},2026-10-01,XX,true,Worker 1,Team Ω`,
      `${id},${child},2026-10-01,CIN,perhaps,Worker 1,Team A`,
      `${id},,2026-10-01,CLA,false,Worker 1,Team B`,
      `${id},${child},2026-10-01`,
    ];
    lines.push(shapes[rng.int(0, shapes.length - 1)]!);
  }
  return `${lines.join('\n')}\n`;
}

writeFileSync(join(dir, 'visits.csv'), visitsFile(30_000, 7));
writeFileSync(join(dir, 'supervision.csv'), 'child_id,recorded_date,kind,worker,team\nC00001,2026-10-01,supervision,W,Team A\nC00002,not a date,supervision,W,Team A\n');

const options = { limits: validationLimits(parseIsoDay('2026-11-20')!, builtInCalendar('england-and-wales')) };
const load = (extra: Partial<LoadOptions> = {}) => loadDataset({ dir, files: {} }, { ...options, ...extra });
const qualityOf = async (extra: Partial<LoadOptions> = {}) => {
  const loaded = await load(extra);
  return { files: Object.values(loaded.data).flatMap((e) => e.quality), unread: loaded.unreadFiles };
};

/** Reads the folder with every issue sent to `spool`, then renders through `render`. */
async function spooled(render: (issue: Issue, table: IssueTable, first: boolean) => string, output: (files: readonly FileQuality[], unread: readonly string[], texts: (file: FileQuality) => Iterable<string>) => Iterable<string>) {
  const spool = new IssueSpool(render);
  try {
    const { files, unread } = await qualityOf({ onIssue: spool.add });
    expect(files.every((f) => f.issues.length === 0 && Object.keys(f.issuesNotListed).length === 0)).toBe(true);
    return [...output(files, unread, (f) => spool.texts(f))].join('');
  } finally {
    spool.close();
  }
}

describe('issues streamed while reading (validate) give what the files list when every issue is kept', () => {
  it('JSON through the spool file: the same bytes', async () => {
    const { files, unread } = await qualityOf();
    // Several thousand issues each way, so the spool is written and read back in many chunks.
    expect(files.find((f) => f.kind === 'visits')!.issues.length).toBeGreaterThan(20_000);
    const listed = [...qualityJsonPieces(files, unread)].join('');
    expect(await spooled((issue, _table, first) => issueJsonEntry(issue, first), qualityJsonPieces)).toBe(listed);
    expect(listed).toContain('"file": "supervision.csv"');
  });

  it('CSV through the spool file: the same bytes', async () => {
    const { files } = await qualityOf();
    const listed = [...qualityCsvPieces(files)].join('');
    expect(listed.split('\n').length).toBeGreaterThan(20_000);
    expect(await spooled(issueCsvLine, (f, _unread, texts) => qualityCsvPieces(f, texts))).toBe(listed);
  });

  it('the table groups counted as issues come equal the groups of the listed issues', async () => {
    const { files } = await qualityOf();
    const streamed = new IssueGroups();
    await load({ onIssue: streamed.add });
    expect(streamed.list()).toEqual(IssueGroups.of(files).list());
    // Five problems in visits (bad date, plan type, flag, missing child, short row), one in supervision:
    // each is one group however many rows have it, and the counts add up to every issue.
    expect(streamed.list().map((g) => `${g.file} ${g.first.code} ${g.first.column ?? ''}`).sort()).toEqual([
      'supervision.csv INVALID_DATE recorded_date',
      'visits.csv INVALID_CODE plan_type',
      'visits.csv INVALID_DATE visit_date',
      'visits.csv INVALID_FLAG seen_alone',
      'visits.csv MISSING_VALUE child_id',
      'visits.csv WRONG_FIELD_COUNT ',
    ]);
    expect(streamed.list().reduce((n, g) => n + g.count, 0)).toBe(files.reduce((n, f) => n + f.issues.length, 0));
  });
});
