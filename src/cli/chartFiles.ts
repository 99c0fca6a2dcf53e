import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import { writeFileAtomic } from '../io/output.js';
import { chartSvgFile } from '../render/htmlChart.js';

/** "EACCES" or "ENOTDIR": the system's code, else the message. */
function reasonOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/**
 * Writes one standalone SVG chart per indicator to `dir` (made if missing),
 * named `<indicator-id>.svg`, each complete or absent. An indicator without
 * a trend gets a one-point chart of this period. Returns the files written,
 * in the report's order.
 */
export async function writeChartFiles(report: Report, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true }).catch((error: unknown) => {
    throw new DataError('UNWRITABLE_FILE', `--charts ${dir}: cannot make the folder (${reasonOf(error)})`, { file: dir });
  });
  const files: string[] = [];
  // Indicator ids are checked slugs (config validation), so safe as file names.
  for (const result of report.indicators) {
    const file = join(dir, `${result.id}.svg`);
    await writeFileAtomic(file, chartSvgFile(result, report)).catch((error: unknown) => {
      throw new DataError('UNWRITABLE_FILE', `--charts ${dir}: cannot write ${file} (${reasonOf(error)})`, { file });
    });
    files.push(file);
  }
  return files;
}
