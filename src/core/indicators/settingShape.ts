import { DEFAULT_SETTINGS, type Settings } from '../settings.js';
import { shapeIndicator, type ShapeSpec } from './shapes.js';
import type { IndicatorDefinition } from './types.js';

/**
 * A built-in shape indicator whose spec follows the settings in force (a
 * timescale a config may change): title, timescale and cases come from the
 * spec the settings give; id, kind, reads and definition from the spec under
 * the defaults (so a definition says the default timescale).
 */
export function settingShape(specOf: (settings: Settings) => ShapeSpec): IndicatorDefinition {
  const inForce = (settings: Settings) => shapeIndicator(specOf(settings));
  return {
    ...inForce(DEFAULT_SETTINGS),
    title: (settings) => inForce(settings).title(settings),
    timescale: (settings) => inForce(settings).timescale(settings),
    cases: (input) => inForce(input.settings).cases(input),
  };
}
