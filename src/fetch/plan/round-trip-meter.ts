/**
 * Measures how long requests take until their response headers arrive, for
 * the cost model. Only requests sent while recording count, so the listing's
 * own requests do not change the plan that they follow.
 */
export class RoundTripMeter {
  readonly #samples: number[] = [];
  #recording = true;

  /** Returns `fetch` wrapped so that each call's time to response headers is recorded. */
  wrap(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
    return async (input, init) => {
      const started = performance.now();
      const response = await fetch(input, init);
      if (this.#recording) {
        this.#samples.push(performance.now() - started);
      }
      return response;
    };
  }

  /** Stops recording and returns the shortest round trip in milliseconds, or 0 when none was recorded. */
  finish(): number {
    this.#recording = false;
    return this.#samples.length === 0 ? 0 : Math.min(...this.#samples);
  }
}
