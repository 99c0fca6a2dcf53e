import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

// The Jersey profile (src/core/profiles.ts): the jersey calendar, supervision 42 days, management
// oversight monthly read as 31 days; every other setting England's default. No --data: the demo.
const dir = mkdtempSync(join(tmpdir(), 'csc-metrics-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A config extending the Jersey profile with one override of its own.
const config = join(dir, 'jersey.json');
writeFileSync(config, JSON.stringify({ profile: 'jersey', oversightDays: 28 }));

interface Listed {
  id: string;
  title: string;
  target: number | null;
  targetSource: string;
  timescale: string;
  timescaleSource: string;
}
interface Catalogue {
  profile: { name: string; from: string };
  settings: { setting: string; value: unknown; source: string }[];
  indicators: Listed[];
}
interface ReportJson {
  calendar: string;
  indicators: { id: string; title: string; timescale: string; target: number | null; numerator: number; denominator: number }[];
}

function catalogue(args: readonly string[]): Catalogue {
  const run = runCli(['indicators', '--format', 'json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Catalogue;
}

function report(args: readonly string[]): ReportJson {
  const run = runCli(['report', '--period', '2026-10', '--format', 'json', '--quiet', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ReportJson;
}

/** Runs once, on first use inside a test: several tests read one run. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const byId = <T extends { id: string }>(list: readonly T[], id: string): T => list.find((i) => i.id === id)!;
const setting = (list: Catalogue['settings'], name: string) => list.find((s) => s.setting === name);

describe('indicators --profile jersey', () => {
  const jerseyList = once(() => catalogue(['--profile', 'jersey']));

  it('says which profile is in force and what chose it', () => {
    expect(jerseyList().profile).toEqual({ name: 'jersey', from: 'command line' });
  });

  it('shows the Jersey timescales as the profile\'s, the rest as defaults', () => {
    expect(byId(jerseyList().indicators, 'oversight-6-weeks')).toMatchObject({ timescale: '31 days', timescaleSource: 'profile', target: 0.9, targetSource: 'default' });
    expect(byId(jerseyList().indicators, 'oversight-6-weeks').title).toBe('Open cases with management oversight in the last 31 days');
    expect(byId(jerseyList().indicators, 'supervision-6-weeks')).toMatchObject({ timescale: '42 days', timescaleSource: 'profile', target: 0.95, targetSource: 'default' });
    expect(byId(jerseyList().indicators, 'visits-cp')).toMatchObject({ timescale: '10 working days', timescaleSource: 'default' });
  });

  it('lists the global settings with their sources, the calendar first', () => {
    expect(jerseyList().settings[0]).toEqual({ setting: 'calendar', value: 'jersey', source: 'profile' });
    expect(setting(jerseyList().settings, 'oversightDays')).toEqual({ setting: 'oversightDays', value: 31, source: 'profile' });
    expect(setting(jerseyList().settings, 'assessmentWorkingDays')).toEqual({ setting: 'assessmentWorkingDays', value: 45, source: 'default' });
  });

  it('the table shows the same, with the source under each target and timescale', () => {
    const run = runCli(['indicators', '--format', 'table', '--profile', 'jersey']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Profile: jersey (chosen by --profile)');
    expect(run.stdout).toMatch(/│ oversightDays\s+│ 31\s+│ profile │/);
    expect(run.stdout).toMatch(/│ calendar\s+│ jersey\s+│ profile │/);
    expect(run.stdout).toContain('(profile)');
  });
});

describe('report --profile jersey on the demo', () => {
  const jerseyRun = once(() => report(['--profile', 'jersey']));
  const englandRun = once(() => report([]));

  it('counts in the Jersey calendar with the Jersey timescales', () => {
    const jersey = jerseyRun();
    const england = englandRun();
    expect(jersey.calendar).toBe('jersey');
    expect(england.calendar).toBe('england-and-wales');
    const oversight = byId(jersey.indicators, 'oversight-6-weeks');
    expect(oversight).toMatchObject({ title: 'Open cases with management oversight in the last 31 days', timescale: '31 days', target: 0.9 });
    expect(byId(jersey.indicators, 'supervision-6-weeks').timescale).toBe('42 days');
    // Monthly is stricter than six-weekly: the same children, no more of them in time.
    const sixWeekly = byId(england.indicators, 'oversight-6-weeks');
    expect(oversight.denominator).toBe(sixWeekly.denominator);
    expect(oversight.numerator).toBeLessThanOrEqual(sixWeekly.numerator);
  });

  it('--calendar still wins over the profile\'s calendar', () => {
    expect(report(['--profile', 'jersey', '--calendar', 'england-and-wales']).calendar).toBe('england-and-wales');
  });
});

describe('a config with "profile": "jersey" and one override', () => {
  it('indicators: the override is the config\'s, the rest of Jersey the profile\'s', () => {
    const listed = catalogue(['--config', config]);
    expect(listed.profile).toEqual({ name: 'jersey', from: 'config' });
    expect(byId(listed.indicators, 'oversight-6-weeks')).toMatchObject({ timescale: '28 days', timescaleSource: 'config' });
    expect(byId(listed.indicators, 'supervision-6-weeks')).toMatchObject({ timescale: '42 days', timescaleSource: 'profile' });
    expect(setting(listed.settings, 'oversightDays')).toEqual({ setting: 'oversightDays', value: 28, source: 'config' });
    expect(setting(listed.settings, 'calendar')).toEqual({ setting: 'calendar', value: 'jersey', source: 'profile' });
  });

  it('report: the profile\'s calendar and the config\'s timescale', () => {
    const run = report(['--config', config]);
    expect(run.calendar).toBe('jersey');
    expect(byId(run.indicators, 'oversight-6-weeks').timescale).toBe('28 days');
  });

  it('--profile wins over the config\'s key; the config\'s own values still apply', () => {
    const listed = catalogue(['--config', config, '--profile', 'england']);
    expect(listed.profile).toEqual({ name: 'england', from: 'command line' });
    expect(setting(listed.settings, 'calendar')).toEqual({ setting: 'calendar', value: 'england-and-wales', source: 'default' });
    expect(setting(listed.settings, 'supervisionDays')).toEqual({ setting: 'supervisionDays', value: 42, source: 'default' });
    expect(setting(listed.settings, 'oversightDays')).toEqual({ setting: 'oversightDays', value: 28, source: 'config' });
  });
});

describe('an unknown profile is a usage error listing the profiles', () => {
  it.each([
    ['indicators', ['indicators', '--profile', 'scotland']],
    ['report', ['report', '--profile', 'scotland', '--quiet']],
  ])('%s --profile scotland exits 1', (_name, args) => {
    const run = runCli(args);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('scotland');
    expect(run.stderr).toContain('england, jersey');
  });

  it('in a config: exit 1, naming the file and the key', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ profile: 'scotland' }));
    const run = runCli(['indicators', '--config', bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`--config ${bad}: 1 problem`);
    expect(run.stderr).toContain('profile: "scotland" is not a profile; choose one of england, jersey');
  });
});
