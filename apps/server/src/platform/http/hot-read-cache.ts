/**
 * A short-lived cache for the reads every request repeats on hot read-only
 * paths (a player's Range requests: the session's principal, the recording
 * row). Two rules keep it honest:
 * - any state-changing request handled by this app invalidates every
 *   entry (a generation counter, so a read that started before the change is
 *   never stored after it): a sign-out, role change or deletion made here is
 *   seen by the very next request;
 * - entries expire after `ttlMs`, which bounds how long a change made by
 *   another process (a CLI, a second instance) goes unseen. Both clocks count:
 *   the real one, and the application's (so a session expiring by the
 *   application's clock is never served from the cache).
 * The generation belongs to one app (its deps), not to the process: two apps in one process are two
 * instances, as the two-instance test runs them.
 */
export class HotReads {
  generation = 0;
  /** Called for every state-changing request, before its response is sent. */
  invalidate() {
    this.generation++;
  }
}

const ofApp = new WeakMap<object, HotReads>();
/** The hot reads of the app built on these deps (createApp, its resolver and its routes share one). */
export function hotReadsOf(deps: object) {
  let h = ofApp.get(deps);
  if (!h) ofApp.set(deps, (h = new HotReads()));
  return h;
}

export class HotReadCache<K, V> {
  private readonly entries = new Map<K, { value: V; at: number; realAt: number; generation: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => Date,
    private readonly reads: HotReads,
    private readonly maxEntries = 10_000,
  ) {}

  async get(key: K, load: () => Promise<V>): Promise<V> {
    if (this.ttlMs <= 0) return load();
    const t = this.now().getTime();
    const real = performance.now();
    const hit = this.entries.get(key);
    if (hit && hit.generation === this.reads.generation && fresh(t - hit.at, this.ttlMs) && fresh(real - hit.realAt, this.ttlMs))
      return hit.value;
    const startedIn = this.reads.generation;
    const value = await load();
    // Absent rows are not kept: what does not exist yet may be created by a path that does not invalidate.
    if (startedIn === this.reads.generation && value !== undefined && value !== null) {
      if (this.entries.size >= this.maxEntries) this.entries.clear(); // bounded: a miss only costs a read
      this.entries.set(key, { value, at: t, realAt: real, generation: startedIn });
    }
    return value;
  }
}

const fresh = (elapsed: number, ttl: number) => elapsed >= 0 && elapsed < ttl;
