import { describe, expect, it } from 'vitest';
import { ExceptionList } from '../../src/core/exceptionList.js';
import type { Report } from '../../src/core/report.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { sampleReport } from './sampleReport.js';

// `--by worker` over a large authority's history. Rendering must be linear in the groups:
// it took 20 s when each cell searched the group list. 2 s is plenty; 5 s leaves room for a slow CI machine.
const GROUPS = 40_000;
const BOUND_MS = 5_000;

/** The sample report broken down by GROUPS workers, each with a figure and an exception on every indicator. */
function manyWorkers(): Report {
  const report = sampleReport();
  const workers = Array.from({ length: GROUPS }, (_, i) => `Worker ${String(i).padStart(5, '0')}`);
  return {
    ...report,
    groupBy: 'worker',
    indicators: report.indicators.map((r) => ({
      ...r,
      groups: workers.map((key) => ({ key, numerator: 1, denominator: 2, value: 0.5, rag: 'red' as const })),
      exceptions: ExceptionList.of(workers.map((worker, i) => ({ childId: `C${i}`, recordId: `R${i}`, team: `Team ${i % 40}`, worker, detail: 'overdue' }))),
    })),
  };
}

function timed(render: () => string): { ms: number; text: string } {
  const start = performance.now();
  const text = render();
  return { ms: performance.now() - start, text };
}

describe(`renderers with ${GROUPS.toLocaleString('en-GB')} groups`, () => {
  const report = manyWorkers();

  it.each([
    ['html', () => renderHtml(report)],
    ['markdown', () => renderMarkdown(report)],
  ])(`%s renders within ${BOUND_MS} ms`, (_format, render) => {
    const { ms, text } = timed(render);
    expect(text).toContain(`Worker ${GROUPS - 1}`);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});
