import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError, UsageError } from '../../src/core/errors.js';
import { assertNotInput, writeAll, writeFileAtomic, writeResult, type ChunkWriter, type SyncWriter } from '../../src/io/output.js';
import { ROOT } from '../e2e/runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'csc-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** A fresh folder for one test. */
function folder(): string {
  const path = join(dir, `case-${++n}`);
  mkdirSync(path);
  return path;
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated, write`), { code });
}

describe('writeAll', () => {
  it('loops over short writes until every byte is taken', () => {
    const taken: number[] = [];
    const threeAtATime: SyncWriter = (_fd, data, offset, length) => {
      const n = Math.min(3, length);
      taken.push(...data.subarray(offset, offset + n));
      return n;
    };
    writeAll(1, Buffer.from('complete or absent'), threeAtATime);
    expect(Buffer.from(taken).toString()).toBe('complete or absent');
  });

  it('waits and retries when a non-blocking pipe is full (EAGAIN)', () => {
    let calls = 0;
    const fullOnce: SyncWriter = (_fd, _data, _offset, length) => {
      if (++calls === 1) throw errno('EAGAIN');
      return length;
    };
    writeAll(1, Buffer.from('abc'), fullOnce);
    expect(calls).toBe(2);
  });

  it('throws any other error (ENOSPC), and a write that takes nothing', () => {
    expect(() => writeAll(1, Buffer.from('abc'), () => { throw errno('ENOSPC'); })).toThrow(/ENOSPC/);
    expect(() => writeAll(1, Buffer.from('abc'), () => 0)).toThrow(/EIO/);
  });
});

describe('writeFileAtomic and writeResult --out', () => {
  it('writes a new file and leaves no temporary file', async () => {
    const at = folder();
    await writeFileAtomic(join(at, 'report.json'), '{"ok":true}\n');
    expect(readFileSync(join(at, 'report.json'), 'utf8')).toBe('{"ok":true}\n');
    expect(readdirSync(at)).toEqual(['report.json']);
  });

  it('replaces an existing file whole, keeping its permissions, across short writes', async () => {
    const at = folder();
    const out = join(at, 'pack.csv');
    writeFileSync(out, 'old\n');
    chmodSync(out, 0o600);
    const fiveAtATime: ChunkWriter = async (handle, data, offset) => (await handle.write(data, offset, Math.min(5, data.length - offset))).bytesWritten;
    await writeFileAtomic(out, 'a,b,c\n1,2,3\n', fiveAtATime);
    expect(readFileSync(out, 'utf8')).toBe('a,b,c\n1,2,3\n');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readdirSync(at)).toEqual(['pack.csv']);
  });

  it('leaves the earlier file untouched and no partial file when a write fails part-way (ENOSPC)', async () => {
    const at = folder();
    const out = join(at, 'board-pack.json');
    writeFileSync(out, 'the earlier report\n');
    let calls = 0;
    const diskFills: ChunkWriter = async (handle, data, offset) => {
      if (++calls > 1) throw errno('ENOSPC');
      return (await handle.write(data, offset, 4)).bytesWritten;
    };
    await expect(writeFileAtomic(out, 'x'.repeat(100), diskFills)).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(out, 'utf8')).toBe('the earlier report\n');
    expect(readdirSync(at)).toEqual(['board-pack.json']);
  });

  it('reports an --out that cannot be written as a data error naming the file and the cause', async () => {
    const at = folder();
    writeFileSync(join(at, 'a-file'), '');
    const out = join(at, 'a-file', 'report.json');
    const error = await writeResult('{}', out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).code).toBe('UNWRITABLE_FILE');
    expect((error as DataError).message).toBe(`--out ${out}: cannot write the file (ENOTDIR: not a directory)`);
  });

  it('removes the temporary file when SIGINT or SIGTERM arrives during the write, and ends by that signal', () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const at = folder();
      const out = join(at, 'report.json');
      writeFileSync(out, 'the earlier report\n');
      // The built module (npm run build), in a process of its own: the signal ends it.
      const script = `
        import { writeFileAtomic } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/io/output.js')).href)};
        let first = true;
        await writeFileAtomic(${JSON.stringify(out)}, 'x'.repeat(100), async (handle, data, offset) => {
          const { bytesWritten } = await handle.write(data, offset, 10);
          if (first) { first = false; process.kill(process.pid, '${signal}'); await new Promise((r) => setTimeout(r, 5000)); }
          return bytesWritten;
        });
        console.log('not interrupted');`;
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(child.signal, child.stderr).toBe(signal);
      expect(child.stdout).toBe('');
      expect(readFileSync(out, 'utf8')).toBe('the earlier report\n');
      expect(readdirSync(at)).toEqual(['report.json']);
    }
  });
});

describe('assertNotInput', () => {
  const at = folder();
  const data = join(at, 'extracts');
  mkdirSync(data);
  writeFileSync(join(data, 'assessments.csv'), 'child_id\n');
  writeFileSync(join(data, 'notes.pdf'), '');
  writeFileSync(join(at, 'holidays.txt'), '2026-12-25\n');
  symlinkSync(join(data, 'assessments.csv'), join(at, 'link.csv'));

  it('refuses a table file of the --data folder, naming the file and the flag', () => {
    const out = join(data, 'assessments.csv');
    expect(() => assertNotInput(out, [{ flag: `--data ${data}`, path: data }])).toThrow(UsageError);
    expect(() => assertNotInput(out, [{ flag: `--data ${data}`, path: data }])).toThrow(`--out ${out} is an input of this run (${out}, read through --data ${data})`);
  });

  it('refuses a file given by a flag, also through a link or another spelling of the path', () => {
    const inputs = [{ flag: `--holidays ${join(at, 'holidays.txt')}`, path: join(at, 'holidays.txt') }, { flag: '--assessments x', path: join(data, 'assessments.csv') }];
    expect(() => assertNotInput(join(at, 'extracts', '..', 'holidays.txt'), inputs)).toThrow(/the file given as --holidays/);
    expect(() => assertNotInput(join(at, 'link.csv'), inputs)).toThrow(/the file given as --assessments x/);
  });

  it('allows a new file, or a file in the data folder that is no table', () => {
    const inputs = [{ flag: `--data ${data}`, path: data }];
    expect(() => assertNotInput(join(data, 'report.json'), inputs)).not.toThrow();
    expect(() => assertNotInput(join(data, 'notes.pdf'), inputs)).not.toThrow();
  });
});
