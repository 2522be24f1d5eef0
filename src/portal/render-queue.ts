/**
 * One render at a time for the whole page: drafts and approvals both start Chromium, and the machine has
 * room for one. Work waits its turn; a failure does not stop the queue.
 */
export class RenderQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #waiting = 0;

  /** How many jobs are queued or running. */
  get length(): number {
    return this.#waiting;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    this.#waiting += 1;
    const result = this.#tail.then(work).finally(() => {
      this.#waiting -= 1;
    });
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
