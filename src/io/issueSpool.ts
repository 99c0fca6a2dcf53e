import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Issue, IssueTable } from '../core/extracts/issues.js';
import { writeAll } from './output.js';

/** Text gathered before a write to the spool file. */
const WRITE_AT = 1 << 16;
const READ_CHUNK = 1 << 20;

/** Where one table's issue texts lie in the spool file. */
interface Segment {
  start: number;
  end: number;
}

/**
 * Holds the text of every issue of a run on disk rather than in memory, so
 * `validate` can list millions of them: each issue is rendered as it is found
 * (`render` is told whether it is its table's first) and appended to a
 * temporary file; a table's texts are read back once its account is known.
 */
export class IssueSpool {
  private readonly folder = mkdtempSync(join(tmpdir(), 'csc-metrics-'));
  private readonly fd = openSync(join(this.folder, 'issues'), 'w+', 0o600);
  /** Removed at once where an open file can be (so an interrupted run leaves nothing), else by `close`. */
  private readonly removed = tryRemove(this.folder);
  private readonly segments = new Map<string, Segment>();
  private pending: string[] = [];
  private pendingLength = 0;
  private written = 0;

  constructor(private readonly render: (issue: Issue, table: IssueTable, first: boolean) => string) {}

  readonly add = (issue: Issue, table: IssueTable): void => {
    const key = segmentKey(table);
    let segment = this.segments.get(key);
    const text = this.render(issue, table, segment === undefined);
    if (segment === undefined) {
      // A table's issues come together: reading finishes one table before the next.
      segment = { start: this.written + this.pendingLength, end: 0 };
      this.segments.set(key, segment);
    }
    this.pending.push(text);
    this.pendingLength += Buffer.byteLength(text);
    segment.end = this.written + this.pendingLength;
    if (this.pendingLength >= WRITE_AT) this.flush();
  };

  /** The issue texts of one table, in the order found, read back a chunk at a time. */
  *texts(table: IssueTable): Generator<string> {
    this.flush();
    const segment = this.segments.get(segmentKey(table));
    if (segment === undefined) return;
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    const decoder = new StringDecoder('utf8');
    for (let at = segment.start; at < segment.end; ) {
      const read = readSync(this.fd, buffer, 0, Math.min(READ_CHUNK, segment.end - at), at);
      if (read <= 0) throw new Error('the issue spool file ended early');
      at += read;
      yield decoder.write(buffer.subarray(0, read));
    }
    yield decoder.end();
  }

  close(): void {
    closeSync(this.fd);
    if (!this.removed) rmSync(this.folder, { recursive: true, force: true });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const data = Buffer.from(this.pending.join(''), 'utf8');
    writeAll(this.fd, data);
    this.written += data.length;
    this.pending = [];
    this.pendingLength = 0;
  }
}

function tryRemove(folder: string): boolean {
  try {
    rmSync(folder, { recursive: true });
    return true;
  } catch {
    return false;
  }
}

function segmentKey(table: IssueTable): string {
  return `${table.kind}\u0000${table.file}`;
}
