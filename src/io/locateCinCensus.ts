import { basename } from 'node:path';
import { cinCensusTables } from '../core/cinCensus/elements.js';
import type { ExtractKind } from '../core/extracts/definitions.js';
import { refuseIrregular } from './readers/regularFile.js';
import type { CinCensusSource } from './tableSource.js';

/**
 * The tables a CIN census return gives, by extract kind: one per record
 * element (plans come from <ChildProtectionPlans> and <CINPlanDates>). A
 * path that is not a readable file is a data error at once, whatever kinds
 * are asked for.
 */
export async function locateCinCensus(path: string, kinds: readonly ExtractKind[]): Promise<Map<ExtractKind, CinCensusSource[]>> {
  await refuseIrregular(path, path);
  const tables = new Map<ExtractKind, CinCensusSource[]>();
  for (const kind of kinds) {
    const sources = cinCensusTables(kind).map((table): CinCensusSource => ({ format: 'cin-census', path, name: `${basename(path)}:${table.element}`, element: table.element }));
    if (sources.length > 0) tables.set(kind, sources);
  }
  return tables;
}
