// The assessments-heavy benchmark profile (issue 13, point 1): extra assessments come
// from a random stream of their own, so every other extract stays byte-identical.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { generateAuthority, type AuthorityOptions } from '../../src/scripts/syntheticAuthority.js';
import { tempFolder } from '../tempFolder.js';

const folder = tempFolder('csc-extra-assessments-');
const STANDARD: AuthorityOptions = { seed: 7, size: { children: 60 }, badRows: false };

test('extraAssessments adds assessment rows and leaves every other file as it was', async () => {
  const standard = await generateAuthority(join(folder.dir, 'standard'), STANDARD);
  const heavy = await generateAuthority(join(folder.dir, 'heavy'), { ...STANDARD, extraAssessments: 11 });
  const rows = (files: typeof standard, name: string): number => files.find((f) => f.file === name)!.rows;
  expect(rows(heavy, 'assessments.csv')).toBeGreaterThan(rows(standard, 'assessments.csv') + 300);
  for (const { file } of standard.filter((f) => f.file !== 'assessments.csv')) {
    expect(readFileSync(join(folder.dir, 'heavy', file), 'utf8'), file).toBe(readFileSync(join(folder.dir, 'standard', file), 'utf8'));
  }
});
