import { fetchPagePath } from './load-document.js';

/** State of a page's path requested from the server. */
export type ServerPath = { state: 'loading' } | { state: 'loaded'; titles: string[] } | { state: 'failed'; message: string };

/**
 * Paths of pages requested from the path endpoint of `conftree serve`, by page
 * id. Each id is requested once until `clear` or `abort`, and `onChange` runs
 * whenever a state changes.
 */
export class ServerPaths {
  readonly #paths = new Map<string, ServerPath>();
  readonly #onChange: () => void;
  #requests = new AbortController();

  constructor(onChange: () => void) {
    this.#onChange = onChange;
  }

  get(id: string): ServerPath | undefined {
    return this.#paths.get(id);
  }

  /** Requests the path of page `id` below the space URL `spaceUrl`, unless it was requested already. */
  request(spaceUrl: URL, id: string): void {
    if (this.#paths.has(id)) return;
    void this.#load(spaceUrl, id);
  }

  /** Stops the requests in flight and removes their entries, so that the next `request` sends them again. */
  abort(): void {
    this.#requests.abort();
    this.#requests = new AbortController();
    for (const [id, path] of this.#paths) {
      if (path.state === 'loading') this.#paths.delete(id);
    }
  }

  /** Stops the requests in flight and removes every entry. */
  clear(): void {
    this.abort();
    this.#paths.clear();
  }

  async #load(spaceUrl: URL, id: string): Promise<void> {
    const signal = this.#requests.signal;
    this.#paths.set(id, { state: 'loading' });
    this.#onChange();
    try {
      const path = await fetchPagePath(spaceUrl, id, signal);
      if (signal.aborted) return;
      this.#paths.set(id, { state: 'loaded', titles: path.map((node) => node.title) });
    } catch (error) {
      if (signal.aborted) return;
      this.#paths.set(id, { state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
    this.#onChange();
  }
}
