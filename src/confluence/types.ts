/**
 * Public contract of the HTTP layer. Strategies in `fetch/` use only these
 * types and `ConfluenceClient`; they never build URLs by string concatenation.
 */

/** Credentials as the user gave them. Never logged, never part of an error. */
export type Credentials =
  | { kind: 'basic'; username: string; secret: string }
  | { kind: 'bearer'; token: string };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** Query parameters; `undefined` values are left out, arrays repeat the key. */
export type Query = Record<string, string | number | boolean | undefined | readonly string[]>;

export interface JsonResponse<T> {
  data: T;
  status: number;
  headers: Headers;
  /** The absolute URL that was requested. */
  url: string;
}

export interface ClientStats {
  requests: number;
  /** Response body bytes received, summed over every attempt. */
  bytes: number;
  retries: number;
  /** Responses with status 429, or 503 with `Retry-After`. */
  rateLimited: number;
}

export interface ClientOptions {
  /** Site URL as the user gave it, e.g. `https://example.atlassian.net/wiki`. */
  site: string;
  credentials?: Credentials;
  /** Injectable fetch; defaults to the global one. */
  fetch?: typeof globalThis.fetch;
  logger?: Logger;
  /** Timeout of one attempt, in milliseconds. Default 30000. */
  timeoutMs?: number;
  /** Attempts per request, first one included. Default 6. */
  maxAttempts?: number;
  /** Cap on a server-given `Retry-After` wait, in milliseconds. Default 60000. */
  maxRetryAfterMs?: number;
  /** First backoff delay for 5xx and connection errors, in milliseconds. Default 500. */
  backoffBaseMs?: number;
  /** Cap on one backoff delay, in milliseconds. Default 30000. */
  backoffMaxMs?: number;
  /** Requests in flight at once. Default 8. */
  concurrency?: number;
  /** Requests started per second, at most; unlimited when undefined. */
  maxRps?: number;
  /** Called before each retry wait, for progress output. */
  onRetry?: (event: RetryEvent) => void;
  /** Seeded random source in [0, 1) for jitter; defaults to Math.random. */
  random?: () => number;
}

export interface RetryEvent {
  url: string;
  attempt: number;
  delayMs: number;
  reason: string;
}

/** One page of a paginated listing. */
export interface ListingPage<T> {
  /** Items that were not seen earlier in this listing. */
  items: T[];
  /** Items on this page whose id was already seen, dropped from `items`. */
  duplicateIds: string[];
  url: string;
  /** The page's raw JSON body, for size and total checks. */
  body: Record<string, unknown>;
  /** True when the page has items and a `next` link, so the listing may go on. */
  hasNext: boolean;
}

/** How a listing ended. */
export type ListingEnd =
  | { complete: true }
  | {
      complete: false;
      reason: 'repeated-url' | 'repeated-page' | 'page-limit';
      /** The URL at which the listing stopped. */
      url: string;
    };

/** A response read as text, such as the HTML of the page tree plugin. */
export interface TextResponse {
  text: string;
  status: number;
  headers: Headers;
  /** The absolute URL that was requested. */
  url: string;
}

/** Options of `ConfluenceClient.paginate`. */
export interface ListingOptions<T> {
  /** Returns an item's content id, used to drop duplicates and detect a repeated page. */
  getId(item: T): string;
  /** Body field that contains the page's items. Default `results`. */
  itemsKey?: string;
  /** Pages to fetch at most; the listing ends with `page-limit` beyond. Default 100000. */
  maxPages?: number;
}

/** Every page of a listing, gathered by `collectAll`. */
export interface CollectedListing<T> {
  /** Items in listing order, each id once. */
  items: T[];
  /** Ids that appeared again on a later page, once per repeat. */
  duplicateIds: string[];
  /** Pages received. */
  pages: number;
  end: ListingEnd;
}
