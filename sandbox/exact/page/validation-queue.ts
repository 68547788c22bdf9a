/**
 * Exact validates one field at a time: a change made while another validation is running waits
 * its turn. The spinner (#WaitMessageImg) shows while anything is queued or running, so
 * "spinner hidden" means every validation has landed.
 */

export class ValidationQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly onBusyChange: (busy: boolean) => void) {}

  get busy(): boolean {
    return this.pending > 0;
  }

  /** Runs the task after every task queued before it; a failing task does not stop the queue. */
  run(task: () => Promise<void>): Promise<void> {
    this.pending += 1;
    if (this.pending === 1) this.onBusyChange(true);
    const done = this.tail
      .then(task)
      .catch((error: unknown) => {
        console.error('validation failed', error);
      })
      .finally(() => {
        this.pending -= 1;
        if (this.pending === 0) {
          this.onBusyChange(false);
          for (const wake of this.waiters.splice(0)) wake();
        }
      });
    this.tail = done;
    return done;
  }

  whenIdle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
