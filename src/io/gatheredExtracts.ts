import type { Dataset } from '../core/dataset.js';
import { EXTRACT_KINDS, type ExtractKind } from '../core/extracts/definitions.js';
import type { ExtractData } from '../core/extracts/extractParser.js';
import type { FileQuality } from '../core/extracts/issues.js';
import { mergeExtracts } from '../core/extracts/mergeExtracts.js';
import { RecordStore } from '../core/extracts/recordStore.js';
import { TextPool } from '../core/extracts/textPool.js';
import type { LoadedWave, ReadingWaves } from '../core/readingWaves.js';
import type { TableJob } from './tableSource.js';

/** Reading in waves: the plan, and what computes each wave while it is held. */
export interface WaveReading {
  readonly plan: ReadingWaves;
  readonly onWave: (wave: LoadedWave) => void;
}

/**
 * The tables of a run, gathered as they are read (in any order) into one
 * extract per kind once all its tables are in. When read in waves, each
 * wave is given to `onWave` as soon as it and the held kinds are complete,
 * then let go of; the held kinds are given last, alone.
 */
export class GatheredExtracts {
  /** Per kind, its tables' extracts by the job's place among the kind's jobs. */
  private readonly parts = new Map<ExtractKind, ExtractData[]>();
  private readonly waiting = new Map<ExtractKind, number>();
  private readonly complete = new Map<ExtractKind, ExtractData>();
  private readonly files = new Map<ExtractKind, readonly FileQuality[]>();
  /**
   * Child IDs, teams and workers as one string each across the extracts that
   * share them (see completeKind); let go of once the last of those is in: at
   * 10x the bench, 23 MB of index and array for the plans' 800,000 texts.
   */
  private pool: TextPool | undefined = new TextPool();
  private readonly placeInKind: number[] = [];
  private pending: readonly (readonly ExtractKind[])[];

  constructor(
    private readonly jobs: readonly TableJob[],
    /** Shapes a table's extract (an Annex A list's snapshot day) before it is merged. */
    private readonly shape: (extract: ExtractData, job: TableJob) => ExtractData,
    private readonly waves?: WaveReading,
    private readonly absentReasons: LoadedWave['absentReasons'] = {},
  ) {
    for (const job of jobs) {
      const count = this.waiting.get(job.kind) ?? 0;
      this.placeInKind.push(count);
      this.waiting.set(job.kind, count + 1);
    }
    this.pending = waves?.plan.waves ?? [];
  }

  /** Takes job `job`'s extract. */
  readonly take = (job: number, extract: ExtractData): void => {
    const { kind } = this.jobs[job]!;
    const parts = this.parts.get(kind) ?? [];
    this.parts.set(kind, parts);
    parts[this.placeInKind[job]!] = this.shape(extract, this.jobs[job]!);
    const waiting = this.waiting.get(kind)! - 1;
    this.waiting.set(kind, waiting);
    if (waiting === 0) this.completeKind(kind);
    this.giveReadyWaves();
  };

  /** Every table is in: gives the waves left (those of kinds without tables) and then the held kinds. */
  finish(): void {
    this.giveReadyWaves();
    if (this.waves !== undefined) this.waves.onWave({ data: this.datasetOf(this.waves.plan.held), kinds: this.waves.plan.held, absentReasons: this.absentReasons });
  }

  /** The extracts still held: every kind when not read in waves, else the held kinds. */
  dataset(): Dataset {
    return this.datasetOf(EXTRACT_KINDS);
  }

  /** Every table's account, in the extracts' order, whether its kind is still held or not. */
  quality(): FileQuality[] {
    return EXTRACT_KINDS.flatMap((kind) => this.files.get(kind) ?? []);
  }

  private completeKind(kind: ExtractKind): void {
    const merged = mergeExtracts(this.parts.get(kind)!);
    this.parts.delete(kind);
    // A wave is let go of soon: shared, its texts would stay in the pool to the end (a
    // million contacts' child IDs), where on its own they go with it.
    if (this.pool !== undefined && this.shares(kind)) {
      if (merged.records instanceof RecordStore) merged.records.shareTexts(this.pool);
      merged.events?.shareTexts(this.pool);
      if (this.jobs.every((job) => !this.shares(job.kind) || this.ready(job.kind))) this.pool = undefined;
    }
    this.complete.set(kind, merged);
    this.files.set(kind, merged.quality);
  }

  /** Whether a kind's texts go in the pool: every kind's, or when read in waves the held kinds' alone. */
  private shares(kind: ExtractKind): boolean {
    return this.waves === undefined || this.waves.plan.held.includes(kind);
  }

  /** A kind is ready when all its tables are in (a kind with none at once). */
  private ready(kind: ExtractKind): boolean {
    return (this.waiting.get(kind) ?? 0) === 0;
  }

  private giveReadyWaves(): void {
    if (this.waves === undefined || !this.waves.plan.held.every((kind) => this.ready(kind))) return;
    const { held } = this.waves.plan;
    for (const wave of this.pending.filter((kinds) => kinds.every((kind) => this.ready(kind)))) {
      this.pending = this.pending.filter((kinds) => kinds !== wave);
      this.waves.onWave({ data: this.datasetOf([...held, ...wave]), kinds: wave, absentReasons: this.absentReasons });
      for (const kind of wave) this.complete.delete(kind);
    }
  }

  private datasetOf(kinds: readonly ExtractKind[]): Dataset {
    const data: Partial<Record<ExtractKind, ExtractData>> = {};
    for (const kind of EXTRACT_KINDS) {
      const extract = this.complete.get(kind);
      if (extract !== undefined && kinds.includes(kind)) data[kind] = extract;
    }
    return data as Dataset;
  }
}
