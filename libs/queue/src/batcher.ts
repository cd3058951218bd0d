/**
 * Gathers single calls into batches: a batch is written when items weighing `size` wait (each
 * weighs 1 unless `weigh` says otherwise), or `waitMs` after its first item arrived, whichever
 * comes first, with at most `maxInFlight` batches being written at once; items arriving meanwhile
 * wait for a slot and go out together (group commit, so batches grow with the load). Each caller
 * gets its own item's result, or the batch's error.
 */
export class Batcher<I, R> {
  private pending: Array<{ item: I; weight: number; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  /** The sum of the waiting items' weights. */
  private weight = 0;
  private timer?: NodeJS.Timeout;
  /** The oldest waiting item has waited `waitMs` (or close() wants everything out). */
  private due = false;
  private inFlight = 0;

  constructor(
    private readonly size: number,
    private readonly waitMs: number,
    private readonly run: (items: I[]) => Promise<R[]>,
    private readonly maxInFlight = 1,
    private readonly weigh: (item: I) => number = () => 1,
  ) {}

  push(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const weight = Math.max(1, this.weigh(item));
      this.pending.push({ item, weight, resolve, reject });
      this.weight += weight;
      if (this.weight >= this.size) this.kick();
      else this.arm();
    });
  }

  /** Writes what is waiting as soon as a slot is free (close() calls it so no item waits for its timer). */
  flush(): void {
    this.due = true;
    this.kick();
  }

  private arm(): void {
    if (this.timer || this.due || !this.pending.length) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.due = true;
      this.kick();
    }, this.waitMs);
  }

  private kick(): void {
    while (this.pending.length && this.inFlight < this.maxInFlight && (this.due || this.weight >= this.size)) {
      // the oldest items up to `size` (at least one, however heavy)
      let n = 0;
      let w = 0;
      while (n < this.pending.length && (n === 0 || w + this.pending[n].weight <= this.size)) w += this.pending[n++].weight;
      const batch = this.pending.splice(0, n);
      this.weight -= w;
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      this.due = false;
      this.start(batch);
    }
    this.arm();
  }

  private start(batch: Array<{ item: I; weight: number; resolve: (r: R) => void; reject: (e: unknown) => void }>): void {
    this.inFlight++;
    let out: Promise<R[]>;
    try {
      out = this.run(batch.map((b) => b.item));
    } catch (err) {
      out = Promise.reject(err);
    }
    out
      .then(
        (results) => {
          if (!Array.isArray(results) || results.length !== batch.length) {
            throw new Error(`a batch handler returned ${Array.isArray(results) ? results.length : typeof results} results for ${batch.length} items`);
          }
          batch.forEach((b, i) => b.resolve(results[i]));
        },
      )
      .catch((err: unknown) => {
        for (const b of batch) b.reject(err);
      })
      .finally(() => {
        this.inFlight--;
        // what gathered while this batch was written goes out now if it is due
        this.kick();
      });
  }
}
