import type { FetchResult } from '../fetch/types.js';

/** A fetched tree and when it was fetched. */
export interface CachedTree {
  result: FetchResult;
  /** Milliseconds since the epoch at which the fetch finished. */
  loadedAt: number;
  /** Differs for every fetch of the server's lifetime; part of each ETag. */
  generation: string;
}

interface Entry {
  /** The fetch in flight, which every concurrent request awaits. */
  pending: Promise<CachedTree> | null;
  value: CachedTree | null;
}

/**
 * Fetched trees by space key, each served until it is older than `maxAgeMs`.
 * Concurrent requests for one space share one fetch. A failed fetch is not
 * cached, so the next request tries again, and the last good tree is kept
 * meanwhile but not served once it is too old.
 */
export class TreeCache {
  readonly #entries = new Map<string, Entry>();
  readonly #load: (spaceKey: string) => Promise<FetchResult>;
  readonly #maxAgeMs: number;
  readonly #now: () => number;
  /** Start time in base 36, so generations differ across restarts of the server. */
  readonly #epoch = Date.now().toString(36);
  #fetches = 0;

  constructor(load: (spaceKey: string) => Promise<FetchResult>, maxAgeMs: number, now: () => number = Date.now) {
    this.#load = load;
    this.#maxAgeMs = maxAgeMs;
    this.#now = now;
  }

  /** Returns the cached tree when it is fresh, or the result of a fetch (shared with concurrent callers). */
  get(spaceKey: string): Promise<CachedTree> {
    const entry = this.#entry(spaceKey);
    if (entry.value !== null && this.#now() - entry.value.loadedAt < this.#maxAgeMs) {
      return Promise.resolve(entry.value);
    }
    return this.#fetch(spaceKey, entry);
  }

  /** Fetches the tree again, or joins a fetch already in flight. */
  refresh(spaceKey: string): Promise<CachedTree> {
    return this.#fetch(spaceKey, this.#entry(spaceKey));
  }

  /** Returns the cached tree without fetching, fresh or not, or null. */
  peek(spaceKey: string): CachedTree | null {
    return this.#entries.get(spaceKey)?.value ?? null;
  }

  #entry(spaceKey: string): Entry {
    let entry = this.#entries.get(spaceKey);
    if (entry === undefined) {
      entry = { pending: null, value: null };
      this.#entries.set(spaceKey, entry);
    }
    return entry;
  }

  #fetch(spaceKey: string, entry: Entry): Promise<CachedTree> {
    if (entry.pending !== null) {
      return entry.pending;
    }
    const pending = this.#load(spaceKey).then(
      (result) => {
        this.#fetches += 1;
        entry.value = { result, loadedAt: this.#now(), generation: `${this.#epoch}.${this.#fetches}` };
        entry.pending = null;
        return entry.value;
      },
      (error: unknown) => {
        entry.pending = null;
        throw error;
      },
    );
    entry.pending = pending;
    return pending;
  }
}
