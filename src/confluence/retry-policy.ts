/**
 * The retry decision for one failed attempt, as one ordered ladder. The first
 * rule that matches decides, and errors that no rule names are not retried.
 */

/** Error code of an attempt that ran past the client's per-attempt timeout. */
export const ATTEMPT_TIMEOUT = 'ATTEMPT_TIMEOUT';

/** Error code of a response whose body declared or looked like JSON but did not parse. */
export const INVALID_JSON = 'INVALID_JSON';

/**
 * Connection errors worth another attempt: the connection broke or timed out,
 * which load balancers, proxies and restarting nodes cause now and then.
 * `EAI_AGAIN` is a temporary DNS failure.
 */
const TRANSIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  ATTEMPT_TIMEOUT,
]);

const RETRIED_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504]);

/**
 * Retries after `ECONNREFUSED`. A refused connection means nothing listens on
 * the port: usually a wrong URL or a stopped server, which a retry rarely
 * fixes, so one retry covers a server that is just starting and then fails fast.
 */
export const CONNECTION_REFUSED_RETRIES = 1;

/** Retries after a body that did not parse; truncation by a proxy is often transient. */
export const INVALID_JSON_RETRIES = 2;

/** Methods that are safe to repeat. The client sends only GET. */
const RETRIED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

export interface RetryInput {
  /** The attempt that just failed, counting from 1. */
  attempt: number;
  /** Attempts allowed in total, the first one included. */
  maxAttempts: number;
  /** HTTP method; GET when left out. */
  method?: string;
  /** Response status, when a response arrived. */
  status?: number;
  /** Error code when no usable response arrived, such as `ECONNRESET`, `ATTEMPT_TIMEOUT` or `INVALID_JSON`. */
  errorCode?: string;
  /** Wait that the server requested through `Retry-After` or `X-RateLimit-Reset`, in milliseconds. */
  retryAfterMs?: number;
  /** Cap on a server-requested wait, in milliseconds. */
  maxRetryAfterMs: number;
  /** Backoff before the first retry, before jitter, in milliseconds. */
  backoffBaseMs: number;
  /** Cap on one backoff, before jitter, in milliseconds. */
  backoffMaxMs: number;
  /** Random source in [0, 1) for jitter. */
  random: () => number;
}

export type RetryDecision =
  | { retry: false; reason: string }
  | {
      retry: true;
      /** Wait before the next attempt, in milliseconds. */
      delayMs: number;
      /** Failure description for logs: `HTTP 429` or an error code. */
      reason: string;
      /** Whether the delay came from the server rather than from backoff. */
      serverDelay: boolean;
    };

/**
 * Returns an exponential backoff with full jitter: a uniform random wait
 * between 0 and `min(backoffMaxMs, backoffBaseMs * 2^(attempt - 1))`.
 */
export function backoffDelay(attempt: number, input: Pick<RetryInput, 'backoffBaseMs' | 'backoffMaxMs' | 'random'>): number {
  const ceiling = Math.min(input.backoffMaxMs, input.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(input.random() * ceiling);
}

/** Returns what failed, for logs: `HTTP 503`, an error code, or `unknown error`. */
function describeFailure(input: RetryInput): string {
  if (input.status !== undefined) {
    return `HTTP ${input.status}`;
  }
  return input.errorCode ?? 'unknown error';
}

/**
 * Decides whether to retry a failed attempt, and after how long:
 *
 * 1. No attempts left: stop.
 * 2. A method other than GET or HEAD: stop.
 * 3. 429, or 503 with a server-requested wait: wait exactly that long, capped
 *    at `maxRetryAfterMs`, without jitter.
 * 4. 429 without a server-requested wait: backoff.
 * 5. 500, 502, 503, 504: backoff.
 * 6. A broken or timed-out connection (`ECONNRESET`, `UND_ERR_SOCKET`,
 *    `ETIMEDOUT`, `EPIPE`, the client's own attempt timeout, ...): backoff.
 * 7. `ECONNREFUSED`: backoff, for at most `CONNECTION_REFUSED_RETRIES` retries.
 * 8. A body that did not parse as JSON: backoff, for at most `INVALID_JSON_RETRIES` retries.
 * 9. Anything else, such as another 4xx or an unknown error: stop.
 *
 * Backoff is exponential with full jitter, as `backoffDelay` computes it.
 */
export function decideRetry(input: RetryInput): RetryDecision {
  const reason = describeFailure(input);
  const backoff = (): RetryDecision => ({
    retry: true,
    delayMs: backoffDelay(input.attempt, input),
    reason,
    serverDelay: false,
  });

  if (input.attempt >= input.maxAttempts) {
    return { retry: false, reason: `no attempts left after ${reason}` };
  }
  if (!RETRIED_METHODS.has((input.method ?? 'GET').toUpperCase())) {
    return { retry: false, reason: `${input.method ?? ''} is not retried` };
  }

  const { status, errorCode } = input;
  if ((status === 429 || status === 503) && input.retryAfterMs !== undefined) {
    const delayMs = Math.min(Math.max(0, input.retryAfterMs), input.maxRetryAfterMs);
    return { retry: true, delayMs, reason, serverDelay: true };
  }
  if (status === 429 || (status !== undefined && RETRIED_STATUSES.has(status))) {
    return backoff();
  }
  if (status !== undefined) {
    return { retry: false, reason: `${reason} is not retried` };
  }

  if (errorCode !== undefined && TRANSIENT_ERROR_CODES.has(errorCode)) {
    return backoff();
  }
  if (errorCode === 'ECONNREFUSED' && input.attempt <= CONNECTION_REFUSED_RETRIES) {
    return backoff();
  }
  if (errorCode === INVALID_JSON && input.attempt <= INVALID_JSON_RETRIES) {
    return backoff();
  }
  return { retry: false, reason: `${reason} is not retried` };
}
