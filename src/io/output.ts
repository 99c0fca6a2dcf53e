import { readdirSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { DataError, UsageError } from '../core/errors.js';

/** The result could not be written to standard output (disk full, a broken device…). Exit code 2. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

/** "ENOSPC: no space left on device": a system error without the call and path Node appends. */
function systemMessage(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const text = (message ?? String(error)).replace(/, \w+(?: '.*)?$/, '');
  return code !== undefined && !text.startsWith(code) ? `${code}: ${text}` : text;
}

function isCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}

/** fs.writeSync's shape: writes `length` bytes of `data` from `offset`, returns how many were taken. */
export type SyncWriter = (fd: number, data: Uint8Array, offset: number, length: number) => number;

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `data` to the file descriptor, looping over short writes and
 * waiting a moment when a non-blocking pipe is full (EAGAIN). Any other error
 * is thrown. `write` is fs.writeSync, replaced in tests.
 */
export function writeAll(fd: number, data: Uint8Array, write: SyncWriter = writeSync): void {
  let offset = 0;
  while (offset < data.length) {
    try {
      const written = write(fd, data, offset, data.length - offset);
      if (written <= 0) throw Object.assign(new Error('EIO: nothing was written'), { code: 'EIO' });
      offset += written;
    } catch (error) {
      if (!isCode(error, 'EAGAIN')) throw error;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

/** Set once the reader of stdout has gone (`| head`, a pager quit): what is left is dropped. */
let stdoutClosed = false;

/** What is written: text (UTF-8) or bytes (a workbook), whole or as pieces (a large result is never one string). */
export type Output = string | Uint8Array | Iterable<string | Uint8Array>;

/**
 * Writes text or bytes to standard output, checking every byte is taken. A
 * reader that closed early (EPIPE) is not an error: the rest is dropped
 * silently. Any other failure (ENOSPC…) throws an OutputError.
 */
export function writeStdout(text: Output): void {
  if (stdoutClosed) return;
  try {
    for (const piece of pieces(text)) {
      writeAll(1, bytesOf(piece));
    }
  } catch (error) {
    if (isCode(error, 'EPIPE')) {
      stdoutClosed = true;
      return;
    }
    throw new OutputError(`cannot write the result to standard output (${systemMessage(error)})`);
  }
}

/** Writes part of `data` from `offset` and says how many bytes were taken; replaced in tests. */
export type ChunkWriter = (handle: FileHandle, data: Uint8Array, offset: number) => Promise<number>;

const writeChunk: ChunkWriter = async (handle, data, offset) => (await handle.write(data, offset)).bytesWritten;

/**
 * Replaces `path` with `text` (text or bytes) all at once: writes a temporary file beside it
 * (`.NAME.<pid>.tmp`), fsyncs it and renames it into place, keeping an
 * existing file's permissions. A failure, or SIGINT/SIGTERM meanwhile,
 * removes the temporary file and leaves any earlier file untouched; after a
 * signal the process ends by that signal.
 */
export async function writeFileAtomic(path: string, text: Output, write: ChunkWriter = writeChunk): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const mode = statSync(path, { throwIfNoEntry: false })?.mode;
  const onSignal = (signal: NodeJS.Signals): void => {
    stopListening();
    rmSync(temp, { force: true });
    process.kill(process.pid, signal);
  };
  const stopListening = (): void => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx', 0o666);
    if (mode !== undefined) await handle.chmod(mode & 0o777);
    for (const piece of pieces(text)) {
      const data = bytesOf(piece);
      for (let offset = 0; offset < data.length; ) {
        const written = await write(handle, data, offset);
        if (written <= 0) throw Object.assign(new Error('EIO: nothing was written'), { code: 'EIO' });
        offset += written;
      }
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    renameSync(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    rmSync(temp, { force: true });
    throw error;
  } finally {
    stopListening();
  }
}

/** A result as the pieces it is written in. Bytes are one piece: a Uint8Array is iterable too, but by number. */
function pieces(text: Output): Iterable<string | Uint8Array> {
  return typeof text === 'string' || text instanceof Uint8Array ? [text] : text;
}

function bytesOf(piece: string | Uint8Array): Uint8Array {
  return typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
}

/** Writes the result (text or bytes) to --out FILE (complete or not at all), or to stdout; a large result comes as pieces. */
export async function writeResult(text: Output, out: string | undefined): Promise<void> {
  if (out === undefined) {
    writeStdout(text);
    return;
  }
  await writeFileAtomic(out, text).catch((error: unknown) => {
    throw new DataError('UNWRITABLE_FILE', `--out ${out}: cannot write the file (${systemMessage(error)})`, { file: out });
  });
}

/** An input of a run: the flag that named it (`--data extracts`) and its path, a file or a folder. */
export interface RunInput {
  readonly flag: string;
  readonly path: string;
}

/** Files in a data folder that are read as tables. */
const TABLE = new Set(['.csv', '.tsv', '.txt', '.xls', '.xlsx', '.xlsm']);

function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/** The input's files: itself, or a folder's table files. */
function inputFiles(path: string): string[] {
  if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) return [path];
  return readdirSync(path).filter((name) => TABLE.has(extname(name).toLowerCase())).map((name) => join(path, name));
}

/**
 * Throws a UsageError when --out names one of the run's inputs (after
 * following links), or a table file in an input folder, so a result never
 * overwrites what it was computed from. An --out that does not exist yet is
 * no input.
 */
export function assertNotInput(out: string, inputs: readonly RunInput[], flag = '--out'): void {
  const target = realPath(out);
  if (target === undefined) return;
  for (const input of inputs) {
    for (const file of inputFiles(input.path)) {
      if (realPath(file) !== target) continue;
      const what = file === input.path ? `the file given as ${input.flag}` : `${file}, read through ${input.flag}`;
      throw new UsageError(`${flag} ${out} is an input of this run (${what}): choose another ${flag} so the input is not overwritten`);
    }
  }
}
