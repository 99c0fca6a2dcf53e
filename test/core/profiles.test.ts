import { describe, expect, it } from 'vitest';
import { resolveConfig, settingsInForce, settingsRead, sourceOf, targetSource, timescaleSource, type ResolvedSettings } from '../../src/core/config.js';
import { BUILT_IN_CALENDARS } from '../../src/core/calendar/workingCalendar.js';
import { findIndicator, INDICATORS } from '../../src/core/indicators/registry.js';
import { DEFAULT_PROFILE, findProfile, PROFILE_NAMES, PROFILES, profileBase } from '../../src/core/profiles.js';
import { configSchema, DEFAULT_SETTINGS } from '../../src/core/settings.js';

function resolved(raw: unknown, profile?: string): ResolvedSettings {
  const result = resolveConfig(raw, INDICATORS, profile === undefined ? {} : { profile });
  if (!('settings' in result)) throw new Error(result.errors.join('\n'));
  return result;
}

const oversight = findIndicator('oversight-6-weeks')!;
const supervision = findIndicator('supervision-6-weeks')!;
const visitsCp = findIndicator('visits-cp')!;

describe('the built-in profiles', () => {
  it('england is the defaults: nothing set, the default calendar', () => {
    expect(PROFILE_NAMES).toEqual(['england', 'jersey']);
    expect(DEFAULT_PROFILE).toBe('england');
    expect(profileBase(PROFILES.england)).toEqual(DEFAULT_SETTINGS);
    const england = resolved({});
    expect(england.settings).toEqual(DEFAULT_SETTINGS);
    expect(england.calendar).toBe('england-and-wales');
    expect(england.profile).toEqual({ name: 'england', from: 'default' });
    expect(england.sources).toEqual({});
  });

  it('jersey: the Jersey calendar, supervision six-weekly, management oversight monthly (31 days)', () => {
    const jersey = resolved({}, 'jersey');
    expect(jersey.calendar).toBe('jersey');
    expect(jersey.settings).toEqual({ ...DEFAULT_SETTINGS, supervisionDays: 42, oversightDays: 31 });
    expect(jersey.sources).toEqual({ calendar: 'profile', supervisionDays: 'profile', oversightDays: 'profile' });
    expect(oversight.title(jersey.settings)).toBe('Open cases with management oversight in the last 31 days');
    expect(supervision.title(jersey.settings)).toBe('Open cases with supervision in the last 6 weeks');
  });

  it('every value a profile sets passes the config schema, names a built-in calendar and known indicators', () => {
    for (const name of PROFILE_NAMES) {
      const { settings, calendar } = findProfile(name)!;
      if (calendar !== undefined) expect(BUILT_IN_CALENDARS).toContain(calendar);
      const { targets = {}, ...rest } = settings as { targets?: Record<string, unknown> };
      expect(configSchema.safeParse(rest).success, name).toBe(true);
      for (const id of Object.keys(targets)) expect(findIndicator(id), `${name}: ${id}`).toBeDefined();
    }
  });

  it('findProfile knows only the built-ins, not object machinery', () => {
    expect(findProfile('jersey')?.name).toBe('jersey');
    expect(findProfile('scotland')).toBeUndefined();
    expect(findProfile('constructor')).toBeUndefined();
  });
});

describe('a config extends a profile', () => {
  it('the config\'s "profile" key chooses it; the config\'s own values win over the profile\'s', () => {
    const r = resolved({ profile: 'jersey', oversightDays: 28, targets: { 'oversight-6-weeks': 80 } });
    expect(r.profile).toEqual({ name: 'jersey', from: 'config' });
    expect(r.calendar).toBe('jersey');
    expect(r.settings.oversightDays).toBe(28);
    expect(r.settings.supervisionDays).toBe(42);
    expect(r.settings.targets).toEqual({ 'oversight-6-weeks': 0.8 });
    expect(r.sources).toMatchObject({ calendar: 'profile', supervisionDays: 'profile', oversightDays: 'config', 'targets.oversight-6-weeks': 'config' });
  });

  it('the caller\'s profile wins over the config\'s key', () => {
    const r = resolved({ profile: 'jersey', missingDays: 3 }, 'england');
    expect(r.profile).toEqual({ name: 'england', from: 'command line' });
    expect(r.calendar).toBe('england-and-wales');
    expect(r.settings.oversightDays).toBe(42);
    expect(r.sources).toEqual({ missingDays: 'config' });
  });

  it('an unknown profile is an error listing the profiles, from the config or the caller', () => {
    expect(resolveConfig({ profile: 'scotland' }, INDICATORS).errors).toEqual(['profile: "scotland" is not a profile; choose one of england, jersey']);
    expect(resolveConfig({}, INDICATORS, { profile: 'wales' }).errors).toEqual(['the profile chosen: "wales" is not a profile; choose one of england, jersey']);
    // The config's key is checked even when the caller's choice overrides it.
    expect(resolveConfig({ profile: 'scotland' }, INDICATORS, { profile: 'jersey' }).errors).toHaveLength(1);
    expect(resolveConfig({ profile: 7 }, INDICATORS).errors.join('\n')).toMatch(/^profile: /);
  });

  it('visit intervals merge entry by entry over the profile', () => {
    const r = resolved({ profile: 'jersey', visitIntervals: { CP: { workingDays: 15 } } });
    expect(r.settings.visitIntervals).toEqual({ ...DEFAULT_SETTINGS.visitIntervals, CP: { workingDays: 15 } });
    expect(r.sources['visitIntervals.CP']).toBe('config');
    expect(r.sources['visitIntervals.CIN']).toBeUndefined();
  });
});

describe('where each setting in force came from', () => {
  it('an indicator\'s timescale comes from the settings it reads; its target from the targets', () => {
    const r = resolved({ profile: 'jersey', visitIntervals: { CP: { calendarDays: 14 } }, targets: { 'visits-cp': 90 } });
    expect(settingsRead((s) => oversight.timescale(s), r.settings)).toEqual(['oversightDays']);
    expect(settingsRead((s) => visitsCp.timescale(s), r.settings)).toEqual(['visitIntervals.CP']);
    expect(timescaleSource(r, oversight)).toBe('profile');
    expect(timescaleSource(r, visitsCp)).toBe('config');
    expect(timescaleSource(r, findIndicator('assessment-timeliness')!)).toBe('default');
    expect(targetSource(r, visitsCp)).toBe('config');
    expect(targetSource(r, oversight)).toBe('default');
  });

  it('a value made of several settings takes the latest layer', () => {
    const sources = { a: 'profile', b: 'config' } as const;
    expect(sourceOf(sources, [])).toBe('default');
    expect(sourceOf(sources, ['a', 'z'])).toBe('profile');
    expect(sourceOf(sources, ['a', 'b'])).toBe('config');
  });

  it('the config\'s own indicators are the config\'s through and through', () => {
    const r = resolved({
      profile: 'jersey',
      indicators: [{ id: 'own-count', title: 'Own', shape: 'count', extract: 'referrals', date: 'referral_date' }],
    });
    const own = r.settings.indicators.map((spec) => spec.id);
    expect(own).toEqual(['own-count']);
    const indicator = { ...oversight, id: 'own-count' };
    expect(targetSource(r, indicator)).toBe('config');
    expect(timescaleSource(r, indicator)).toBe('config');
  });

  it('the list in force starts with the calendar and names each visit interval; no targets, mappings or own indicators', () => {
    const list = settingsInForce(resolved({ profile: 'jersey', tolerance: 10 }));
    expect(list[0]).toEqual({ setting: 'calendar', value: 'jersey', source: 'profile' });
    expect(list).toContainEqual({ setting: 'oversightDays', value: 31, source: 'profile' });
    expect(list).toContainEqual({ setting: 'tolerance', value: 10, source: 'config' });
    expect(list).toContainEqual({ setting: 'visitIntervals.CLA', value: { calendarDays: 42 }, source: 'default' });
    expect(list.map((s) => s.setting)).not.toContain('targets');
    expect(list.map((s) => s.setting)).not.toContain('extracts');
    expect(list.map((s) => s.setting)).not.toContain('visitIntervals');
  });
});
