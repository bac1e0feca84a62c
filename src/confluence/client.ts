/**
 * `ConfluenceClient`: GET requests with retries, rate limiting, timeouts and
 * clear errors, plus listing pagination. The only class that sends requests.
 */
import { authorizationHeader, redactSecrets } from './auth.js';
import { resolveSettings, type ClientSettings } from './client-settings.js';
import { UrlOutsideSiteError } from './errors.js';
import {
  HttpStatusError,
  InvalidJsonError,
  NetworkError,
  NotJsonError,
  RateLimitError,
  TimeoutError,
} from './http-errors.js';
import { RequestLimiter } from './limiter.js';
import { paginateListing } from './paginate.js';
import { appendQuery } from './query-string.js';
import { redactUrl } from './redact.js';
import { parseJsonBody, serverErrorMessage } from './response-body.js';
import { parseRateLimitHeaders, serverRequestedDelay } from './retry-after.js';
import { ATTEMPT_TIMEOUT, INVALID_JSON, decideRetry } from './retry-policy.js';
import { parseSiteUrl, type SiteUrl } from './site-url.js';
import { sendAttempt, type AttemptOutcome } from './transport.js';
import type {
  ClientOptions,
  ClientStats,
  Credentials,
  JsonResponse,
  ListingEnd,
  ListingOptions,
  ListingPage,
  Logger,
  Query,
  RetryEvent,
  TextResponse,
} from './types.js';
import { USER_AGENT } from './version.js';

const METHOD = 'GET';
const ACCEPT_JSON = 'application/json';
const ACCEPT_TEXT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.8';
const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Failure of an attempt that produced no usable response. */
type AttemptFailure =
  | { kind: 'status'; status: number; headers: Headers; text: string }
  | { kind: 'network'; errorCode: string | undefined; message: string }
  | { kind: 'timeout' }
  | { kind: 'invalid-json'; status: number; bytes: number }
  | { kind: 'not-json'; status: number; contentType: string; looksLikeHtml: boolean };

/** A usable response, read as `T`. */
interface AttemptSuccess<T> {
  value: T;
  status: number;
  headers: Headers;
}

/** Turns a received 2xx body into a value, or reports why it is unusable. */
type BodyReader<T> = (outcome: Extract<AttemptOutcome, { kind: 'response' }>) => { value: T } | AttemptFailure;

function sleep(delayMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, delayMs));
}

/** Reads a 2xx body as JSON. */
function readJson<T>(outcome: Extract<AttemptOutcome, { kind: 'response' }>): { value: T } | AttemptFailure {
  const contentType = outcome.headers.get('content-type') ?? '';
  const parsed = parseJsonBody(outcome.text, contentType);
  if (parsed.ok) {
    return { value: parsed.data as T };
  }
  if (parsed.kind === 'invalid-json') {
    return { kind: 'invalid-json', status: outcome.status, bytes: outcome.bytes };
  }
  return { kind: 'not-json', status: outcome.status, contentType, looksLikeHtml: parsed.looksLikeHtml };
}

/** Reads a 2xx body as text. */
function readText(outcome: Extract<AttemptOutcome, { kind: 'response' }>): { value: string } {
  return { value: outcome.text };
}

/**
 * A client for one Confluence site. Sends only GET requests, each attempt
 * through one limiter (concurrency and requests per second), retried by the
 * ladder in `retry-policy.ts`. Silent: it reports through `logger` and `onRetry`.
 */
export class ConfluenceClient {
  readonly site: SiteUrl;

  readonly #settings: ClientSettings;
  readonly #fetch: typeof globalThis.fetch;
  readonly #credentials: Credentials | undefined;
  readonly #authorization: string | undefined;
  readonly #logger: Logger | undefined;
  readonly #onRetry: ((event: RetryEvent) => void) | undefined;
  readonly #limiter: RequestLimiter;
  readonly #stats: ClientStats = { requests: 0, bytes: 0, retries: 0, rateLimited: 0 };

  /**
   * @throws {InvalidSiteUrlError} when `options.site` cannot be used.
   * @throws {RangeError} when a numeric option is out of range.
   */
  constructor(options: ClientOptions) {
    this.site = parseSiteUrl(options.site);
    this.#settings = resolveSettings(options);
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#credentials = options.credentials;
    this.#authorization = options.credentials === undefined ? undefined : authorizationHeader(options.credentials);
    this.#logger = options.logger;
    this.#onRetry = options.onRetry;
    this.#limiter = new RequestLimiter({ concurrency: this.#settings.concurrency, maxRps: options.maxRps });
  }

  /** A copy of the counters so far. */
  get stats(): ClientStats {
    return { ...this.#stats };
  }

  /** Sets the requests-per-second ceiling for requests that start from now on; `undefined` removes it. */
  setMaxRps(maxRps: number | undefined): void {
    this.#limiter.setMaxRps(maxRps);
  }

  /** Sets the number of requests in flight at once. */
  setConcurrency(concurrency: number): void {
    this.#limiter.setConcurrency(concurrency);
  }

  /** Returns `url` without user name, password, secret query values or any secret of the credentials. */
  redactUrl(url: string): string {
    return this.#redact(redactUrl(url));
  }

  /**
   * Sends a GET and parses the JSON body. `path` is an API path such as
   * `/api/v2/spaces` or `/rest/api/content`, or an absolute URL on the site.
   *
   * @throws {RequestError} subclasses when the last attempt fails.
   * @throws {UrlOutsideSiteError} when an absolute URL is on another origin.
   */
  async getJson<T>(path: string, query?: Query): Promise<JsonResponse<T>> {
    const url = this.#buildUrl(path, query);
    const result = await this.#request(url, ACCEPT_JSON, readJson<T>);
    return { data: result.value, status: result.status, headers: result.headers, url };
  }

  /**
   * Sends a GET to an absolute URL on the site, such as a resolved `next` link, and parses the JSON body.
   *
   * @throws {TypeError} when `absoluteUrl` is not absolute.
   */
  getJsonUrl<T>(absoluteUrl: string): Promise<JsonResponse<T>> {
    if (!ABSOLUTE_URL.test(absoluteUrl)) {
      return Promise.reject(new TypeError(`Invalid absolute URL "${this.redactUrl(absoluteUrl)}": use getJson for an API path`));
    }
    return this.getJson<T>(absoluteUrl);
  }

  /** Sends a GET and returns the body as text, without checking its content type. */
  async getText(path: string, query?: Query): Promise<TextResponse> {
    const url = this.#buildUrl(path, query);
    const result = await this.#request(url, ACCEPT_TEXT, readText);
    return { text: result.value, status: result.status, headers: result.headers, url };
  }

  /**
   * Yields the pages of a listing, following the server's `next` links, and
   * returns how the listing ended. See `paginateListing` for the rules.
   */
  paginate<T>(path: string, query: Query | undefined, options: ListingOptions<T>): AsyncGenerator<ListingPage<T>, ListingEnd> {
    const firstUrl = this.#buildUrl(path, query);
    return paginateListing(this, firstUrl, options);
  }

  #redact(text: string): string {
    return redactSecrets(text, this.#credentials);
  }

  /** Returns the absolute URL for an API path or an absolute URL on the site. */
  #buildUrl(path: string, query: Query | undefined): string {
    if (!ABSOLUTE_URL.test(path)) {
      return this.site.api(path, query);
    }

    let origin: string;
    try {
      origin = new URL(path).origin;
    } catch {
      origin = 'null';
    }
    if (origin !== this.site.origin) {
      throw new UrlOutsideSiteError(METHOD, this.redactUrl(path), this.site.origin);
    }
    return appendQuery(path, query);
  }

  #headers(accept: string): Record<string, string> {
    const headers: Record<string, string> = { Accept: accept, 'User-Agent': USER_AGENT };
    if (this.#authorization !== undefined) {
      headers.Authorization = this.#authorization;
    }
    return headers;
  }

  /** Sends one attempt through the limiter and classifies its outcome. */
  async #attempt<T>(url: string, accept: string, read: BodyReader<T>): Promise<AttemptSuccess<T> | AttemptFailure> {
    const outcome = await this.#limiter.run(() =>
      sendAttempt({ url, headers: this.#headers(accept), timeoutMs: this.#settings.timeoutMs, fetch: this.#fetch }),
    );
    this.#stats.requests += 1;
    this.#stats.bytes += outcome.bytes;

    if (outcome.kind === 'failure') {
      return outcome.errorCode === ATTEMPT_TIMEOUT
        ? { kind: 'timeout' }
        : { kind: 'network', errorCode: outcome.errorCode, message: outcome.message };
    }
    if (outcome.status < 200 || outcome.status > 299) {
      return { kind: 'status', status: outcome.status, headers: outcome.headers, text: outcome.text };
    }

    const body = read(outcome);
    if ('kind' in body) {
      return body;
    }
    return { value: body.value, status: outcome.status, headers: outcome.headers };
  }

  /** Sends a GET with retries and returns the read body, or throws the error of the last attempt. */
  async #request<T>(url: string, accept: string, read: BodyReader<T>): Promise<AttemptSuccess<T>> {
    for (let attempt = 1; ; attempt += 1) {
      const result = await this.#attempt(url, accept, read);
      if (!('kind' in result)) {
        return result;
      }

      const now = Date.now();
      const retryAfterMs =
        result.kind === 'status' ? serverRequestedDelay(parseRateLimitHeaders(result.headers, now), now) : undefined;
      if (result.kind === 'status' && (result.status === 429 || (result.status === 503 && retryAfterMs !== undefined))) {
        this.#stats.rateLimited += 1;
      }

      const decision = decideRetry({
        attempt,
        maxAttempts: this.#settings.maxAttempts,
        method: METHOD,
        status: result.kind === 'status' ? result.status : undefined,
        errorCode: this.#errorCode(result),
        retryAfterMs,
        maxRetryAfterMs: this.#settings.maxRetryAfterMs,
        backoffBaseMs: this.#settings.backoffBaseMs,
        backoffMaxMs: this.#settings.backoffMaxMs,
        random: this.#settings.random,
      });
      if (!decision.retry) {
        throw this.#toError(url, attempt, result, retryAfterMs);
      }

      this.#stats.retries += 1;
      if (decision.serverDelay) {
        this.#limiter.pauseUntil(now + decision.delayMs);
      }
      const event = { url: this.redactUrl(url), attempt, delayMs: decision.delayMs, reason: decision.reason };
      this.#reportRetry(event, decision.serverDelay ? retryAfterMs : undefined);
      await sleep(decision.delayMs);
    }
  }

  /** Returns the error code that the retry ladder reads for a failure without a status. */
  #errorCode(failure: AttemptFailure): string | undefined {
    switch (failure.kind) {
      case 'network':
        return failure.errorCode;
      case 'timeout':
        return ATTEMPT_TIMEOUT;
      case 'invalid-json':
        return INVALID_JSON;
      case 'not-json':
        return 'NOT_JSON';
      case 'status':
        return undefined;
    }
  }

  /**
   * Logs a retry and calls `onRetry`. `requestedMs` is the server-requested
   * wait when the delay obeys one. A throwing `onRetry` is logged, not raised.
   */
  #reportRetry(event: RetryEvent, requestedMs: number | undefined): void {
    const fields = { method: METHOD, url: event.url, attempt: event.attempt, delayMs: event.delayMs, reason: event.reason };
    if (requestedMs !== undefined && requestedMs > event.delayMs) {
      this.#logger?.warn('Server-requested wait is longer than maxRetryAfterMs; waiting the capped time', {
        ...fields,
        requestedMs,
      });
    } else if (event.attempt >= 2) {
      this.#logger?.warn('Retrying request again', fields);
    } else {
      this.#logger?.debug('Retrying request', fields);
    }

    if (this.#onRetry === undefined) {
      return;
    }
    try {
      this.#onRetry(event);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#logger?.warn('onRetry callback threw; the request continues', { error: this.#redact(message) });
    }
  }

  /** Builds the error for a failure that will not be retried. Every text in it is redacted. */
  #toError(url: string, attempts: number, failure: AttemptFailure, retryAfterMs: number | undefined): Error {
    const request = { method: METHOD, url: this.redactUrl(url), attempts };

    switch (failure.kind) {
      case 'status': {
        const found = serverErrorMessage(failure.text);
        const serverMessage = found === undefined ? undefined : this.#redact(found);
        if (failure.status === 429) {
          return new RateLimitError({ ...request, serverMessage, retryAfterMs });
        }
        return new HttpStatusError({
          ...request,
          status: failure.status,
          authenticated: this.#credentials !== undefined,
          serverMessage,
        });
      }
      case 'timeout':
        return new TimeoutError({ ...request, timeoutMs: this.#settings.timeoutMs });
      case 'network':
        return new NetworkError({ ...request, causeCode: failure.errorCode, causeMessage: this.#redact(failure.message) });
      case 'invalid-json':
        return new InvalidJsonError({ ...request, status: failure.status, bytes: failure.bytes });
      case 'not-json':
        return new NotJsonError({
          ...request,
          status: failure.status,
          contentType: failure.contentType,
          looksLikeHtml: failure.looksLikeHtml,
        });
    }
  }
}

