/**
 * A small map whose entries live `ttlMs` at most, with one load in flight per key: a burst of
 * requests for one user costs one query. Bounded in size (oldest entries go first).
 *
 * Refreshed ahead: once an entry is half its life old, the next read still answers from it and
 * starts a load in the background, so under steady traffic no request waits for the database (the
 * wait fell on whichever requests came at expiry, and showed in p99). An entry is never served
 * older than `ttlMs`: past that, reads wait for the load as before.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: V; refreshAt: number; until: number }>();
  private readonly loading = new Map<string, Promise<V>>();
  /** Moves on every delete, so a load that started before it is not cached. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    const now = this.now();
    if (hit && hit.until > now) {
      if (hit.refreshAt <= now && !this.loading.has(key)) {
        // A failed refresh is not this request's failure: the entry still holds, and the read at expiry loads again.
        this.load(key, load).catch(() => undefined);
      }
      return hit.value;
    }
    return this.loading.get(key) ?? this.load(key, load);
  }

  set(key: string, value: V): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) this.entries.delete(this.entries.keys().next().value as string);
    const now = this.now();
    this.entries.set(key, { value, refreshAt: now + this.ttlMs / 2, until: now + this.ttlMs });
  }

  delete(key: string): void {
    this.generation += 1;
    this.entries.delete(key);
    this.loading.delete(key);
  }

  private load(key: string, load: () => Promise<V>): Promise<V> {
    const generation = this.generation;
    const promise = load()
      .then((value) => {
        // A change announced while this load ran may not be in its result: keep it out of the cache.
        if (this.ttlMs > 0 && generation === this.generation) this.set(key, value);
        return value;
      })
      .finally(() => {
        if (this.loading.get(key) === promise) this.loading.delete(key);
      });
    this.loading.set(key, promise);
    return promise;
  }
}
