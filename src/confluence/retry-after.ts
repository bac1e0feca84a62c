/**
 * Pure parsers for `Retry-After` and rate-limit response headers.
 *
 * Cloud sends `Retry-After` (seconds) on 429 and on some 503 responses, plus
 * `X-RateLimit-Reset` (ISO 8601 time, such as `2025-01-01T10:05Z`) and
 * `X-RateLimit-NearLimit` (Atlassian developer docs, "Rate limiting" for
 * Confluence Cloud). Data Center with rate limiting turned on sends
 * `X-RateLimit-Limit`, `-Remaining`, `-Interval-Seconds`, `-FillRate` and
 * `Retry-After`, which is 0 while tokens are left (Confluence Data Center 8.7
 * documentation, "Rate limiting HTTP headers").
 */

/** Largest delay that the parsers return, in milliseconds; callers cap it further. */
const MAX_DELAY_MS = Number.MAX_SAFE_INTEGER;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `Sun, 06 Nov 1994 08:49:37 GMT` (IMF-fixdate, the preferred form). */
const IMF_FIXDATE = /^[a-z]{3}, (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/i;

/** `Sunday, 06-Nov-94 08:49:37 GMT` (obsolete RFC 850 form). */
const RFC850_DATE = /^[a-z]+, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/i;

/** `Sun Nov  6 08:49:37 1994` (obsolete asctime form, always UTC). */
const ASCTIME_DATE = /^[a-z]{3} ([a-z]{3}) ( \d|\d{2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

/** Returns epoch milliseconds for UTC date parts, or `undefined` when a part is out of range. */
function utcTime(year: number, monthName: string, day: number, hour: number, minute: number, second: number): number | undefined {
  const month = MONTHS.indexOf(monthName.toLowerCase());
  if (month === -1 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return undefined;
  }
  return Date.UTC(year, month, day, hour, minute, second);
}

/**
 * Parses an HTTP-date in any of the three forms that RFC 9110 section 5.6.7
 * requires recipients to accept. Returns epoch milliseconds or `undefined`.
 */
export function parseHttpDate(value: string): number | undefined {
  const text = value.trim();

  const fixdate = IMF_FIXDATE.exec(text);
  if (fixdate !== null) {
    const [, day, month, year, hour, minute, second] = fixdate.map(String);
    return utcTime(Number(year), month ?? '', Number(day), Number(hour), Number(minute), Number(second));
  }

  const rfc850 = RFC850_DATE.exec(text);
  if (rfc850 !== null) {
    const [, day, month, shortYear, hour, minute, second] = rfc850.map(String);
    // RFC 9110 reads a two-digit year that looks more than 50 years ahead as the past century.
    const currentYear = new Date().getUTCFullYear();
    let year = 2000 + Number(shortYear);
    if (year > currentYear + 50) {
      year -= 100;
    }
    return utcTime(year, month ?? '', Number(day), Number(hour), Number(minute), Number(second));
  }

  const asctime = ASCTIME_DATE.exec(text);
  if (asctime !== null) {
    const [, month, day, hour, minute, second, year] = asctime.map(String);
    return utcTime(Number(year), month ?? '', Number(day?.trim()), Number(hour), Number(minute), Number(second));
  }

  return undefined;
}

/**
 * Parses a `Retry-After` value into a delay in milliseconds from `now`.
 *
 * - Delta seconds (`120`, or `1.5` from lenient servers) give that delay.
 *   Huge values such as `9223372036854775807` give a finite number, at most
 *   `Number.MAX_SAFE_INTEGER`, which the retry policy caps.
 * - An HTTP-date gives the time until that date, or 0 when it has passed.
 * - A missing, empty, negative or unreadable value gives `undefined`.
 *
 * @param now epoch milliseconds, such as `Date.now()`.
 */
export function parseRetryAfter(headerValue: string | null | undefined, now: number): number | undefined {
  if (headerValue === null || headerValue === undefined) {
    return undefined;
  }
  const text = headerValue.trim();
  if (text === '') {
    return undefined;
  }

  if (/^\d+(?:\.\d+)?$/.test(text)) {
    const milliseconds = Number(text) * 1000;
    return Number.isFinite(milliseconds) ? Math.min(Math.ceil(milliseconds), MAX_DELAY_MS) : MAX_DELAY_MS;
  }

  const date = parseHttpDate(text);
  if (date === undefined) {
    return undefined;
  }
  return Math.max(0, date - now);
}

/** Rate-limit state reported by response headers. Fields are absent when their header is. */
export interface RateLimitInfo {
  /** Delay from `Retry-After`, in milliseconds. */
  retryAfterMs?: number;
  /** Epoch milliseconds from Cloud's `X-RateLimit-Reset`, when the limit resets. */
  resetAt?: number;
  /** Cloud's `X-RateLimit-NearLimit`: the client is close to its rate limit. */
  nearLimit?: boolean;
  /** Data Center's `X-RateLimit-Limit`: the maximum number of tokens (requests) the bucket holds. */
  limit?: number;
  /** Data Center's `X-RateLimit-Remaining`: tokens left, approximate. */
  remaining?: number;
  /** Data Center's `X-RateLimit-Interval-Seconds`: seconds between two refills of the bucket. */
  intervalSeconds?: number;
  /** Data Center's `X-RateLimit-FillRate`: tokens added at each refill. */
  fillRate?: number;
}

/** Header access shared by `Headers` and plain test doubles. */
export interface HeaderSource {
  get(name: string): string | null;
}

/** Returns a non-negative finite number from a header, or `undefined`. */
function readCount(headers: HeaderSource, name: string): number | undefined {
  const value = headers.get(name)?.trim();
  if (value === undefined || !/^\d+(?:\.\d+)?$/.test(value)) {
    return undefined;
  }
  const count = Number(value);
  return Number.isFinite(count) ? count : undefined;
}

/** Returns epoch milliseconds of an ISO 8601 time with a date and a time, or `undefined`. */
function readIsoTime(headers: HeaderSource, name: string): number | undefined {
  const value = headers.get(name)?.trim();
  if (value === undefined || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    return undefined;
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * Reads the Cloud and Data Center rate-limit headers of a response. Unreadable
 * values are left out rather than guessed.
 *
 * @param now epoch milliseconds, for an HTTP-date in `Retry-After`.
 */
export function parseRateLimitHeaders(headers: HeaderSource, now: number): RateLimitInfo {
  const info: RateLimitInfo = {};

  const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now);
  if (retryAfterMs !== undefined) {
    info.retryAfterMs = retryAfterMs;
  }

  const resetAt = readIsoTime(headers, 'x-ratelimit-reset');
  if (resetAt !== undefined) {
    info.resetAt = resetAt;
  }

  const nearLimit = headers.get('x-ratelimit-nearlimit')?.trim().toLowerCase();
  if (nearLimit === 'true' || nearLimit === 'false') {
    info.nearLimit = nearLimit === 'true';
  }

  const counts = {
    limit: readCount(headers, 'x-ratelimit-limit'),
    remaining: readCount(headers, 'x-ratelimit-remaining'),
    intervalSeconds: readCount(headers, 'x-ratelimit-interval-seconds'),
    fillRate: readCount(headers, 'x-ratelimit-fillrate'),
  };
  for (const [name, value] of Object.entries(counts)) {
    if (value !== undefined) {
      info[name as keyof typeof counts] = value;
    }
  }

  return info;
}

/**
 * Returns the wait that the server asked for, in milliseconds: `Retry-After`
 * when present, else the time until `X-RateLimit-Reset`, else `undefined`.
 */
export function serverRequestedDelay(info: RateLimitInfo, now: number): number | undefined {
  if (info.retryAfterMs !== undefined) {
    return info.retryAfterMs;
  }
  if (info.resetAt !== undefined) {
    return Math.max(0, info.resetAt - now);
  }
  return undefined;
}
