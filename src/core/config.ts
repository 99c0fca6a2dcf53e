import type { z } from 'zod';
import { EXTRACTS, type ExtractKind } from './extracts/definitions.js';
import { resolveShape, type IndicatorConfig } from './indicators/shapeConfig.js';
import { shapeIndicator, type ShapeSpec } from './indicators/shapes.js';
import { auditThemeIndicator } from './indicators/audits.js';
import type { IndicatorDefinition } from './indicators/types.js';
import type { DayNumber } from './dates/localDate.js';
import type { ExtractMappings } from './extracts/mapping.js';
import { DEFAULT_CALENDAR, DEFAULT_PROFILE, findProfile, PROFILE_NAMES, profileBase, type Profile } from './profiles.js';
import type { Span } from './indicators/spans.js';
import { configSchema, withReviewIntervals, type AuditTheme, type Config, type DatedTarget, type Settings, type SettingSource, type Target } from './settings.js';

/** What chose the profile in force: nothing (the default), the config's `profile` key, or the command line. */
export type ProfileOrigin = 'default' | 'config' | 'command line';

/** The settings of a run, with the profile they extend and where each came from. */
export interface ResolvedSettings {
  readonly settings: Settings;
  /** The profile in force and what chose it. */
  readonly profile: { readonly name: string; readonly from: ProfileOrigin };
  /** The profile's working-day calendar (a built-in name). */
  readonly calendar: string;
  /** Where each setting the profile or the config gives came from, by path ("oversightDays", "visitIntervals.CP", "reviewIntervals.CLA.first", "targets.visits-cp", "calendar"); a path not here is a default. */
  readonly sources: Readonly<Record<string, SettingSource>>;
}

/** The settings a config file gives, or the reasons it cannot be used (one line each, naming the key). */
export type ConfigResult = (ResolvedSettings & { readonly errors: readonly [] }) | { readonly errors: readonly string[] };

/** What the caller decides beyond the config file. */
export interface ResolveOptions {
  /** A profile chosen outside the config (on the command line): it wins over the config's `profile` key. */
  readonly profile?: string;
}

function describeZodIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  return `${path}: ${issue.message}`;
}

// Keys that name the object machinery of JavaScript, not a setting: a record
// schema would drop or misread them silently.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Every key path in the config that uses a forbidden key, as an error line. */
function forbiddenKeys(value: unknown, path: readonly string[]): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).flatMap((key) => {
    const at = [...path, key];
    if (FORBIDDEN_KEYS.has(key)) return [`${at.join('.')}: "${key}" is not a name the config can use`];
    return forbiddenKeys((value as Record<string, unknown>)[key], at);
  });
}

type ConfigTarget = number | null | readonly { readonly from: DayNumber; readonly target: number | null }[];

/** One target as held (rates as fractions), or the error naming its path. Dated steps must be in date order. */
function resolveTarget(target: ConfigTarget, indicator: IndicatorDefinition, path: string): Target | string {
  if (target === null || typeof target === 'number') return resolveValue(target, indicator, path);
  const steps: DatedTarget[] = [];
  for (const [n, step] of target.entries()) {
    if (n > 0 && step.from <= target[n - 1]!.from) return `${path}.${n}.from: dated targets must be in date order, each after the one before`;
    const value = resolveValue(step.target, indicator, `${path}.${n}.target`);
    if (typeof value === 'string') return value;
    steps.push({ from: step.from, target: value });
  }
  return steps;
}

function resolveValue(target: number | null, indicator: IndicatorDefinition, path: string): number | null | string {
  if (target === null) return null;
  if (indicator.kind === 'count') return Number.isInteger(target) ? target : `${path}: a count target is a whole number, got ${target}`;
  if (target > 100) return `${path}: a rate target is a percentage from 0 to 100, got ${target}`;
  // 0.95 or 1 written as a fraction would silently become 0.95 % or 1 %: everything green.
  if (target > 0 && (target < 1 || (target === 1 && indicator.direction === 'higher'))) return `${path}: targets are percentages: did you mean ${Math.round(target * 1000) / 10}?`;
  return target / 100;
}

interface CustomIndicator {
  readonly spec: ShapeSpec;
  readonly target: ConfigTarget | undefined;
  readonly path: string;
}

/** The config's own indicators checked against the extracts and the ids already taken; problems go to `errors`. */
function customIndicators(entries: readonly IndicatorConfig[], builtIns: readonly IndicatorDefinition[], errors: string[]): CustomIndicator[] {
  const resolved: CustomIndicator[] = [];
  for (const [n, entry] of entries.entries()) {
    const path = `indicators.${n}`;
    if (builtIns.some((i) => i.id === entry.id) || resolved.some((r) => r.spec.id === entry.id)) {
      errors.push(`${path}.id: "${entry.id}" is already an indicator's id; choose another`);
      continue;
    }
    const result = resolveShape(entry, path);
    if ('errors' in result) errors.push(...result.errors);
    else resolved.push({ spec: result.spec, target: entry.target, path });
  }
  return resolved;
}

type ThemesConfig = NonNullable<NonNullable<Config['audit']>['themes']>;

/** The config's audit themes, each checked against the audits extract's own columns and the others; problems go to `errors`. */
function auditThemes(themes: ThemesConfig, errors: string[]): { theme: AuditTheme; target: ConfigTarget | undefined }[] {
  const own = EXTRACTS.audits.columns;
  const resolved: { theme: AuditTheme; target: ConfigTarget | undefined }[] = [];
  for (const [name, { column, title, target }] of Object.entries(themes)) {
    const path = `audit.themes.${name}.column`;
    const taken = resolved.find((r) => r.theme.column === column);
    if (Object.hasOwn(own, column)) errors.push(`${path}: ${column} is a column of audits already (${Object.keys(own).join(', ')}); a theme needs a flag column of its own`);
    else if (taken) errors.push(`${path}: ${column} is the column of theme ${taken.theme.name} already`);
    else resolved.push({ theme: { name, column: column!, title: title! }, target });
  }
  return resolved;
}

/** The extract mappings with the theme columns as flags of the audits extract, so every reader of audits reads them. */
function withThemeFlags(extracts: ExtractMappings, columns: readonly string[]): ExtractMappings {
  if (columns.length === 0) return extracts;
  return { ...extracts, audits: { ...extracts.audits, flags: columns } };
}

// Settings whose value is a map, with how many levels of keys: each entry is a setting of its own
// ("targets.visits-cp", "visitIntervals.CP", "reviewIntervals.CLA.first"). A Map: no key of Object's own reads as one.
const KEYED: ReadonlyMap<string, number> = new Map([
  ['visitIntervals', 1],
  ['targets', 1],
  ['extracts', 1],
  ['reviewIntervals', 2],
]);

/** A setting's value as its entries down `levels` levels of keys, each with its path; a value that is no map is one entry. */
function entriesOf(path: string, value: unknown, levels: number): [string, unknown][] {
  if (levels === 0 || typeof value !== 'object' || value === null) return [[path, value]];
  return Object.entries(value).flatMap(([key, inner]) => entriesOf(`${path}.${key}`, inner, levels - 1));
}

/** A top-level setting's entries: itself, or a map's entries ("visitIntervals.CP"). */
function settingEntries(key: string, value: unknown): [string, unknown][] {
  return entriesOf(key, value, KEYED.get(key) ?? 0);
}

/** The setting paths a partial settings object gives a value to: top-level keys, and a map's entries as `key.entry` (`key.type.review` for review intervals). */
export function settingPaths(partial: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(partial).flatMap(([key, value]) => (value === undefined ? [] : settingEntries(key, value).map(([path]) => path)));
}

/** The profile named, or the reason it cannot be used, listing the profiles. */
function chooseProfile(name: string, what: string): Profile | string {
  return findProfile(name) ?? `${what}: "${name}" is not a profile; choose one of ${PROFILE_NAMES.join(', ')}`;
}

/**
 * Validates a parsed config file against the schema and the indicator
 * registry, and merges it over the settings of its profile: the caller's
 * profile, else the config's `profile` key, else England's (the defaults).
 * Rate targets are written in percent (90) and held as fractions (0.9).
 * Each setting the profile or the config gives is recorded in `sources`.
 */
export function resolveConfig(raw: unknown, indicators: readonly IndicatorDefinition[], options: ResolveOptions = {}): ConfigResult {
  const forbidden = forbiddenKeys(raw, []);
  if (forbidden.length > 0) return { errors: forbidden };
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) return { errors: parsed.error.issues.map(describeZodIssue) };
  const { profile: configProfile, audit, ...config } = parsed.data;
  const errors: string[] = [];
  // A config's key naming no profile is an error even when the caller's choice overrides it.
  const fromConfig = configProfile === undefined ? undefined : chooseProfile(configProfile, 'profile');
  if (typeof fromConfig === 'string') errors.push(fromConfig);
  const fromCaller = options.profile === undefined ? undefined : chooseProfile(options.profile, 'the profile chosen');
  if (typeof fromCaller === 'string') errors.push(fromCaller);
  const themes = auditThemes(audit?.themes ?? {}, errors);
  const themed = [...indicators, ...themes.map(({ theme }) => auditThemeIndicator(theme))];
  const custom = customIndicators(config.indicators ?? [], themed, errors);
  const known = [...themed, ...custom.map(({ spec }) => shapeIndicator(spec))];
  const targets: Record<string, Target> = {};
  for (const { theme, target } of themes) {
    if (target === undefined) continue;
    const resolved = resolveTarget(target, auditThemeIndicator(theme), `audit.themes.${theme.name}.target`);
    if (typeof resolved === 'string') errors.push(resolved);
    else targets[auditThemeIndicator(theme).id] = resolved;
  }
  for (const { spec, target, path } of custom) {
    if (target === undefined) continue;
    const resolved = resolveTarget(target, shapeIndicator(spec), `${path}.target`);
    if (typeof resolved === 'string') errors.push(resolved);
    else targets[spec.id] = resolved;
  }
  for (const [id, target] of Object.entries(config.targets ?? {})) {
    const indicator = known.find((i) => i.id === id);
    if (!indicator) {
      errors.push(`targets.${id}: no such indicator (see \`csc-metrics indicators\`)`);
      continue;
    }
    const resolved = resolveTarget(target, indicator, `targets.${id}`);
    if (typeof resolved === 'string') errors.push(resolved);
    else targets[id] = resolved;
  }
  for (const [kind, mapping] of Object.entries(config.extracts ?? {})) {
    if (mapping === undefined) continue;
    for (const column of Object.keys({ ...mapping.columns, ...mapping.values })) {
      const themeColumn = kind === 'audits' && themes.some(({ theme }) => theme.column === column);
      if (!Object.hasOwn(EXTRACTS[kind as ExtractKind].columns, column) && !themeColumn) {
        errors.push(`extracts.${kind}.${mapping.columns && column in mapping.columns ? 'columns' : 'values'}.${column}: ${kind} has no column ${column} (its columns: ${Object.keys(EXTRACTS[kind as ExtractKind].columns).join(', ')})`);
      }
    }
  }
  // The profile checks are in `errors` already; testing them again tells the compiler they are profiles below.
  if (errors.length > 0 || typeof fromConfig === 'string' || typeof fromCaller === 'string') return { errors };
  const profile = fromCaller ?? fromConfig ?? findProfile(DEFAULT_PROFILE)!;
  const base = profileBase(profile);
  const sources: Record<string, SettingSource> = {};
  for (const path of settingPaths(profile.settings)) sources[path] = 'profile';
  if (profile.calendar !== undefined) sources.calendar = 'profile';
  for (const path of settingPaths({ ...config, targets })) sources[path] = 'config';
  return {
    settings: {
      ...base,
      ...config,
      extracts: withThemeFlags(config.extracts ?? {}, themes.map(({ theme }) => theme.column)),
      maxRejectedShare: config.maxRejectedShare === undefined ? base.maxRejectedShare : config.maxRejectedShare / 100,
      visitIntervals: { ...base.visitIntervals, ...config.visitIntervals },
      reviewIntervals: withReviewIntervals(base.reviewIntervals, config.reviewIntervals),
      targets: { ...base.targets, ...targets },
      indicators: custom.map(({ spec }) => spec),
      auditThemes: themes.map(({ theme }) => theme),
    },
    profile: { name: profile.name, from: fromCaller ? 'command line' : fromConfig ? 'config' : 'default' },
    calendar: profile.calendar ?? DEFAULT_CALENDAR,
    sources,
    errors: [],
  };
}

const RANK: Readonly<Record<SettingSource, number>> = { default: 0, profile: 1, config: 2 };

/** The source of a value made from several settings: the latest layer any of them comes from (config over profile over default). */
export function sourceOf(sources: Readonly<Record<string, SettingSource>>, paths: Iterable<string>): SettingSource {
  let source: SettingSource = 'default';
  for (const path of paths) {
    const own = sources[path] ?? 'default';
    if (RANK[own] > RANK[source]) source = own;
  }
  return source;
}

/**
 * The setting paths a function of the settings reads ("oversightDays",
 * "visitIntervals.CP"), found by running it on a watching copy: what an
 * indicator's timescale is made of, without a list to keep in step.
 */
export function settingsRead(read: (settings: Settings) => unknown, settings: Settings): string[] {
  const paths = new Set<string>();
  // Copies: a proxy of a frozen object may not hand out anything but the property itself.
  // `levels`: the levels of keys a map's entries have below this object (0 at the top: each key says its own).
  const watch = <T extends object>(target: T, prefix: string, levels: number): T =>
    new Proxy({ ...target }, {
      get(object, key, receiver) {
        const value: unknown = Reflect.get(object, key, receiver);
        if (typeof key !== 'string') return value;
        const below = prefix === '' ? (KEYED.get(key) ?? 0) : levels - 1;
        if (below > 0 && typeof value === 'object' && value !== null) return watch(value, `${prefix}${key}.`, below);
        paths.add(`${prefix}${key}`);
        return value;
      },
    });
  read(watch(settings, '', 0));
  return [...paths];
}

/** Whether an indicator is one of the config's own (everything about it comes from the config). */
function isOwn(resolved: ResolvedSettings, id: string): boolean {
  return resolved.settings.indicators.some((spec) => spec.id === id);
}

/** Where the target of an indicator comes from. */
export function targetSource(resolved: ResolvedSettings, indicator: IndicatorDefinition): SettingSource {
  return resolved.sources[`targets.${indicator.id}`] ?? (isOwn(resolved, indicator.id) ? 'config' : 'default');
}

/** Where the timescale of an indicator comes from: the settings it is made of. */
export function timescaleSource(resolved: ResolvedSettings, indicator: IndicatorDefinition): SettingSource {
  if (isOwn(resolved, indicator.id)) return 'config';
  return sourceOf(resolved.sources, settingsRead((settings) => indicator.timescale(settings), resolved.settings));
}

/** One setting in force: its path, value as held (rates as fractions; a review interval as people say it, "3 months") and source. */
export interface SettingInForce {
  readonly setting: string;
  readonly value: string | number | Span;
  readonly source: SettingSource;
}

// Shown elsewhere or not one value: targets go with their indicator; extract mappings and the config's own indicators are the config's by nature.
const NOT_LISTED = new Set(['targets', 'extracts', 'indicators', 'auditThemes']);

/** The calendar, then every timescale and limit in force (a map's entries one by one), with its source. */
export function settingsInForce(resolved: ResolvedSettings): SettingInForce[] {
  const source = (path: string): SettingSource => resolved.sources[path] ?? 'default';
  const list: SettingInForce[] = [{ setting: 'calendar', value: resolved.calendar, source: source('calendar') }];
  for (const [key, value] of Object.entries(resolved.settings)) {
    if (NOT_LISTED.has(key)) continue;
    for (const [path, inner] of settingEntries(key, value)) {
      list.push({ setting: path, value: inner as string | number | Span, source: source(path) });
    }
  }
  return list;
}
