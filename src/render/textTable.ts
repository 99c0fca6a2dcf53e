import { createRequire } from 'node:module';
import type Table from 'cli-table3';

const require = createRequire(import.meta.url);
let loaded: typeof Table | undefined;

/**
 * cli-table3's table, loaded when a table is first drawn rather than with
 * the renderers: a run writing JSON or CSV never loads it.
 */
export function newTable(options: ConstructorParameters<typeof Table>[0]): InstanceType<typeof Table> {
  loaded ??= require('cli-table3') as typeof Table;
  return new loaded(options);
}
