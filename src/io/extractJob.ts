import type { ExtractKind, RecordsByKind, ValidationLimits } from '../core/extracts/definitions.js';
import type { EventLogData } from '../core/extracts/eventLog.js';
import type { FileQuality } from '../core/extracts/issues.js';
import type { DataLocation } from '../core/errors.js';

/** One file for a worker thread to read. */
export interface ExtractJob {
  readonly kind: ExtractKind;
  readonly path: string;
  readonly name: string;
  readonly limits: ValidationLimits;
  readonly keepRecords: boolean;
}

/** What a worker sends back: progress, the extract, or the error that stopped it. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly kind: ExtractKind; readonly rows: number }
  | {
      readonly type: 'done';
      readonly kind: ExtractKind;
      readonly file: string;
      readonly records: readonly RecordsByKind[ExtractKind][];
      readonly events?: EventLogData;
      readonly quality: FileQuality;
    }
  | { readonly type: 'failed'; readonly error: { readonly code?: string; readonly message: string; readonly location?: DataLocation } };
