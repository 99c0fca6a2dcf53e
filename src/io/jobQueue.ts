/**
 * The jobs not yet started, in the order they are to start. A large job
 * does not start while another large one is being read or taken: a thread
 * takes the next job that is not large, or waits for the large one to be
 * done. Two of the largest tables read at once would hold both in memory
 * at once (at 10x the bench, a visits and a supervision log: about 300 MB
 * each while read). Read one after the other while the other threads read
 * the rest, the full report takes about as long; a run of a few files, most
 * of their bytes the large ones, takes longer (README, "Speed"). The main
 * thread takes no large job when there are worker threads (`take(false)`).
 */
export class JobQueue {
  private readonly waiting: number[];
  private largeInFlight = false;
  /** The threads waiting for the large job in flight to be done. */
  private waiters: (() => void)[] = [];

  constructor(
    order: readonly number[],
    private readonly large: ReadonlySet<number>,
  ) {
    this.waiting = [...order];
  }

  /**
   * The next job to start; undefined when none is left. A thread that takes
   * no large jobs (`largeToo` false) is done when only large ones are left.
   */
  async take(largeToo = true): Promise<number | undefined> {
    while (this.waiting.length > 0) {
      const at = this.waiting.findIndex((job) => !this.large.has(job) || (largeToo && !this.largeInFlight));
      if (at !== -1) {
        const job = this.waiting.splice(at, 1)[0]!;
        if (this.large.has(job)) this.largeInFlight = true;
        return job;
      }
      if (!largeToo) return undefined;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    return undefined;
  }

  isLarge(job: number): boolean {
    return this.large.has(job);
  }

  /** Job `job` is read and taken: a large one lets the next large one start. */
  done(job: number): void {
    if (!this.large.has(job)) return;
    this.largeInFlight = false;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
