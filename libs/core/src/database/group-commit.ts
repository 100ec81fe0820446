export interface GroupCommitOptions<T> {
  /** writes in flight at once, so that one write's wait overlaps the next one's statements */
  maxInFlight: number;
  /** how much one write may carry (records, bytes), by `weight`; an item heavier than that goes alone */
  maxWeight: number;
  weight(item: T): number;
  /** told when a shared write failed and its items are being written one by one */
  onSharedFailure?(error: unknown, items: number): void;
}

interface Pending<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit: items submitted while a write is in flight go together in the next one, and each
 * caller gets its own result once that write has committed (so an answer still means committed).
 * A failed shared write is retried item by item, so one bad item fails alone.
 */
export class GroupCommit<T, R> {
  private readonly queue: Array<Pending<T, R>> = [];
  private inFlight = 0;

  /** `writeMany` commits the items in one go and returns their results in the same order. */
  constructor(
    private readonly writeMany: (items: T[]) => Promise<R[]>,
    private readonly options: GroupCommitOptions<T>,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.takeBatch();
      this.inFlight++;
      void this.write(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private takeBatch(): Array<Pending<T, R>> {
    const batch = [this.queue.shift() as Pending<T, R>];
    let weight = this.options.weight(batch[0].item);
    while (this.queue.length > 0 && weight + this.options.weight(this.queue[0].item) <= this.options.maxWeight) {
      const next = this.queue.shift() as Pending<T, R>;
      weight += this.options.weight(next.item);
      batch.push(next);
    }
    return batch;
  }

  private async write(batch: Array<Pending<T, R>>): Promise<void> {
    try {
      const results = await this.writeMany(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      this.options.onSharedFailure?.(error, batch.length);
      await Promise.all(batch.map((p) => this.write([p])));
    }
  }
}
