import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { DataError } from '../../core/errors.js';

/**
 * Refuses, before opening it, a path that is not a regular file: reading a
 * FIFO blocks, reading /dev/zero never ends. Every reader calls it first.
 */
export async function refuseIrregular(path: string, name: string): Promise<void> {
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new DataError('UNREADABLE_FILE', `${name}: cannot read the file (${e.code ?? e.message})`, { file: name });
  }
  if (stats.isFile()) return;
  throw new DataError('UNREADABLE_FILE', `${name}: not a regular file (${irregularKind(stats)})`, { file: name });
}

function irregularKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'of an unknown kind';
}
