import type { ConfluenceClient } from '../../confluence/index.js';
import type { Logger, RetryEvent } from '../../confluence/types.js';

/** Retry reasons that mean the server asked the client to slow down. */
const RATE_LIMIT_REASONS = ['HTTP 429', 'HTTP 503'];

/**
 * Additive-increase, multiplicative-decrease control of the client's
 * concurrency: a retry after a 429 or a 503 halves the requests
 * in flight, and each run of as many successful listing pages as are in
 * flight adds one back, up to the configured concurrency. The client's
 * limiter still enforces `maxRps` on every start, so the rise never exceeds it.
 */
export class AdaptiveConcurrency {
  readonly #client: ConfluenceClient;
  readonly #maximum: number;
  readonly #logger: Logger | undefined;
  #current: number;
  #successes = 0;

  constructor(client: ConfluenceClient, maximum: number, logger: Logger | undefined) {
    this.#client = client;
    this.#maximum = maximum;
    this.#current = maximum;
    this.#logger = logger;
  }

  /** Requests allowed in flight now. */
  get current(): number {
    return this.#current;
  }

  /** Lowers the concurrency when a retry was caused by a rate limit. */
  onRetry(event: RetryEvent): void {
    if (!RATE_LIMIT_REASONS.some((reason) => event.reason.startsWith(reason))) {
      return;
    }
    this.#successes = 0;
    const lowered = Math.max(1, Math.floor(this.#current / 2));
    if (lowered !== this.#current) {
      this.#set(lowered, `the server rate-limited or was overloaded at ${event.url} (${event.reason})`);
    }
  }

  /** Counts a successful listing page and raises the concurrency by one after a run of them. */
  onSuccess(): void {
    if (this.#current >= this.#maximum) {
      return;
    }
    this.#successes += 1;
    if (this.#successes >= this.#current) {
      this.#successes = 0;
      this.#set(this.#current + 1, `${this.#current} requests in a row succeeded`);
    }
  }

  #set(concurrency: number, reason: string): void {
    this.#current = concurrency;
    this.#client.setConcurrency(concurrency);
    this.#logger?.info(`Concurrency set to ${concurrency}, because ${reason}.`);
  }
}
