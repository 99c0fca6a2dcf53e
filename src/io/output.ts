import { writeFile } from 'node:fs/promises';
import { DataError } from '../core/errors.js';

/** Writes the result to --out FILE, or to stdout. */
export async function writeResult(text: string, out: string | undefined): Promise<void> {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  await writeFile(out, text, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new DataError('UNWRITABLE_FILE', `--out ${out}: cannot write the file (${error.code ?? error.message})`, { file: out });
  });
}
