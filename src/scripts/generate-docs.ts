/**
 * `npm run docs` (`node dist/scripts/generate-docs.js [--check] [--readme FILE]`):
 * writes the README's generated sections (the tables of indicators, extracts,
 * columns, issue codes and error codes, between `<!-- generated:NAME -->` and
 * `<!-- /generated:NAME -->`) from the code's definitions. With `--check` it
 * writes nothing and exits 1 naming the sections that differ. A section whose
 * markers are missing or repeated is an error either way (exit 1).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openMarker, referenceSections, writeSections } from '../docs/referenceTables.js';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const USAGE = 'usage: generate-docs [--check] [--readme FILE]';

async function main(args: readonly string[]): Promise<number> {
  let values: { check?: boolean; readme?: string };
  try {
    ({ values } = parseArgs({ args: [...args], options: { check: { type: 'boolean' }, readme: { type: 'string' } } }));
  } catch (error) {
    process.stderr.write(`generate-docs: ${(error as Error).message}\n${USAGE}\n`);
    return 1;
  }
  const path = values.readme ?? README;
  const readme = await readFile(path, 'utf8');
  const { text, changed, missing } = writeSections(readme, referenceSections());
  if (missing.length > 0) {
    process.stderr.write(`generate-docs: ${path} lacks the markers (each once) of: ${missing.map(openMarker).join(', ')}\n`);
    return 1;
  }
  if (values.check) {
    if (changed.length === 0) {
      process.stderr.write(`generate-docs: ${path} is up to date\n`);
      return 0;
    }
    process.stderr.write(`generate-docs: ${path} differs from the definitions in: ${changed.join(', ')}; run npm run docs\n`);
    return 1;
  }
  if (changed.length > 0) await writeFile(path, text);
  process.stderr.write(changed.length > 0 ? `generate-docs: ${path}: rewrote ${changed.join(', ')}\n` : `generate-docs: ${path} is up to date\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
