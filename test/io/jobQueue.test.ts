import { describe, expect, it } from 'vitest';
import { JobQueue } from '../../src/io/jobQueue.js';

/** Whether a promise has settled by the time the microtasks queued so far have run. */
async function settledYet(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('the job queue', () => {
  it('gives the jobs in order when none is large', async () => {
    const queue = new JobQueue([2, 0, 1], new Set());
    expect([await queue.take(), await queue.take(), await queue.take(), await queue.take()]).toEqual([2, 0, 1, undefined]);
  });

  it('starts no large job while another is in flight: the next small one comes instead, then the wait', async () => {
    // Jobs 0 and 1 are large. 0 starts; 1 is passed over for 2 and 3; a fourth take waits until 0 is done.
    const queue = new JobQueue([0, 1, 2, 3], new Set([0, 1]));
    expect(await queue.take()).toBe(0);
    expect(await queue.take()).toBe(2);
    expect(await queue.take()).toBe(3);
    const waiting = queue.take();
    expect(await settledYet(waiting)).toBe(false);
    // A small job done lets nothing start.
    queue.done(2);
    expect(await settledYet(waiting)).toBe(false);
    queue.done(0);
    expect(await waiting).toBe(1);
    expect(await queue.take()).toBe(undefined);
  });

  it('gives a thread that takes no large jobs the small ones only, and nothing once only large ones are left', async () => {
    // Jobs 0 and 2 are large: the main thread (largeToo false) takes 1 and 3, then is done at once, while 0 and 2 wait for a worker.
    const queue = new JobQueue([0, 1, 2, 3], new Set([0, 2]));
    expect(await queue.take(false)).toBe(1);
    expect(await queue.take(false)).toBe(3);
    const done = queue.take(false);
    expect(await settledYet(done)).toBe(true);
    expect(await done).toBe(undefined);
    expect(await queue.take()).toBe(0);
    queue.done(0);
    expect(await queue.take()).toBe(2);
  });

  it('wakes every waiting thread when the large job is done: one takes the next, the others find none left', async () => {
    const queue = new JobQueue([0, 1], new Set([0, 1]));
    expect(await queue.take()).toBe(0);
    const first = queue.take();
    const second = queue.take();
    queue.done(0);
    expect(await Promise.all([first, second])).toEqual([1, undefined]);
  });
});
