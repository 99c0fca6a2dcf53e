import type { ExtractKind } from './extracts/definitions.js';
import { extractsRead, type IndicatorDefinition } from './indicators/types.js';
import { readingWaves, type LoadedWave, type ReadingWaves } from './readingWaves.js';
import { AUDIT_SUMMARY_READS, assembleReport, reportPart, type Report, type ReportOptions, type ReportPart } from './report.js';

/** The extracts an indicator reads together: those it reads, those it reads when given, its subject's. */
function readTogether(indicator: IndicatorDefinition): ExtractKind[] {
  return [...new Set([...extractsRead(indicator), ...(indicator.readsWhenGiven ?? []), indicator.subject])];
}

/** The waves a report of these indicators reads `kinds` in (the audit summary reads the audits with their actions). */
export function reportWaves(indicators: readonly IndicatorDefinition[], kinds: readonly ExtractKind[]): ReadingWaves {
  return readingWaves(kinds, [...indicators.map(readTogether), AUDIT_SUMMARY_READS]);
}

/** What only the assembled report shows, given once every table is read; `absentReasons` come with each wave. */
type Shown = 'title' | 'generatedAt' | 'warnings' | 'unreadFiles';

/**
 * A report computed wave by wave while the extracts are read (see
 * ReadingWaves), each indicator in the wave that holds what it reads: the
 * same report as `buildReport` of the whole dataset, without holding it.
 */
export class ReportInWaves {
  private readonly parts: ReportPart[] = [];
  /** What computing a wave threw: kept for `report`, as the wave is computed while tables are still being read. */
  private failure: { readonly error: unknown } | undefined;

  constructor(
    private readonly plan: ReadingWaves,
    private readonly options: Omit<ReportOptions, Shown | 'absentReasons'>,
    private readonly indicators: readonly IndicatorDefinition[],
  ) {}

  /** Computes the indicators that read this wave's kinds (the held kinds' wave: those that read held kinds only). */
  readonly add = (wave: LoadedWave): void => {
    if (this.failure !== undefined) return;
    const { held } = this.plan;
    const ofHeld = wave.kinds.every((kind) => held.includes(kind));
    const mine = this.indicators.filter((indicator) => {
      const own = readTogether(indicator).filter((kind) => !held.includes(kind));
      return ofHeld ? own.every((kind) => !this.read(kind)) : own.some((kind) => wave.kinds.includes(kind));
    });
    try {
      this.parts.push(reportPart(wave.data, { ...this.options, absentReasons: wave.absentReasons }, mine, wave.kinds, this.indicators));
    } catch (error) {
      this.failure = { error };
    }
  };

  /** The report of every wave given; throws what computing one threw. */
  report(shown: Pick<ReportOptions, Shown>): Report {
    if (this.failure !== undefined) throw this.failure.error;
    return assembleReport(this.parts, { ...this.options, ...shown }, this.indicators);
  }

  private read(kind: ExtractKind): boolean {
    return this.plan.held.includes(kind) || this.plan.waves.some((wave) => wave.includes(kind));
  }
}
