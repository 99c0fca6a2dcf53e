import type { z } from 'zod';
import { EXTRACTS, type ExtractKind } from './extracts/definitions.js';
import { resolveShape, type IndicatorConfig } from './indicators/shapeConfig.js';
import { shapeIndicator, type ShapeSpec } from './indicators/shapes.js';
import type { IndicatorDefinition } from './indicators/types.js';
import type { DayNumber } from './dates/localDate.js';
import { configSchema, DEFAULT_SETTINGS, type DatedTarget, type Settings, type Target } from './settings.js';

/** The settings a config file gives, or the reasons it cannot be used (one line each, naming the key). */
export type ConfigResult = { readonly settings: Settings; readonly errors: readonly [] } | { readonly errors: readonly string[] };

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

/**
 * Validates a parsed config file against the schema and the indicator
 * registry, and merges it over the defaults. Rate targets are written in
 * percent (90) and held as fractions (0.9).
 */
export function resolveConfig(raw: unknown, indicators: readonly IndicatorDefinition[]): ConfigResult {
  const forbidden = forbiddenKeys(raw, []);
  if (forbidden.length > 0) return { errors: forbidden };
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) return { errors: parsed.error.issues.map(describeZodIssue) };
  const config = parsed.data;
  const errors: string[] = [];
  const custom = customIndicators(config.indicators ?? [], indicators, errors);
  const known = [...indicators, ...custom.map(({ spec }) => shapeIndicator(spec))];
  const targets: Record<string, Target> = {};
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
      if (!Object.hasOwn(EXTRACTS[kind as ExtractKind].columns, column)) {
        errors.push(`extracts.${kind}.${mapping.columns && column in mapping.columns ? 'columns' : 'values'}.${column}: ${kind} has no column ${column} (its columns: ${Object.keys(EXTRACTS[kind as ExtractKind].columns).join(', ')})`);
      }
    }
  }
  if (errors.length > 0) return { errors };
  return {
    settings: {
      ...DEFAULT_SETTINGS,
      ...config,
      extracts: config.extracts ?? {},
      maxRejectedShare: config.maxRejectedShare === undefined ? DEFAULT_SETTINGS.maxRejectedShare : config.maxRejectedShare / 100,
      visitIntervals: { ...DEFAULT_SETTINGS.visitIntervals, ...config.visitIntervals },
      targets,
      indicators: custom.map(({ spec }) => spec),
    },
    errors: [],
  };
}
