import type { ExtractKind } from '../core/extracts/definitions.js';
import type { SentEventLog } from '../core/extracts/eventLog.js';
import type { FileQuality } from '../core/extracts/issues.js';
import type { RecordStoreData } from '../core/extracts/recordStore.js';
import type { DataLocation } from '../core/errors.js';
import type { TableJob } from './tableSource.js';

export type { TableJob };

/** What a worker sends back: progress, the table's extract, or the error that stopped it. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly kind: ExtractKind; readonly rows: number }
  | {
      readonly type: 'done';
      readonly kind: ExtractKind;
      readonly file: string;
      /** Absent when only the events were kept. */
      readonly records?: RecordStoreData;
      readonly events?: SentEventLog;
      readonly columns: readonly string[];
      readonly quality: readonly FileQuality[];
    }
  | { readonly type: 'failed'; readonly error: { readonly code?: string; readonly message: string; readonly location?: DataLocation } };
