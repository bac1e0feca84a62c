/**
 * Rate limiting: once more than `rps` requests arrive in the current 1 s
 * window (aligned to whole seconds of the clock), requests get 429 with
 * `Retry-After`. Cloud adds `X-RateLimit-Reset` (ISO time) to the 429, and Data
 * Center sends `X-RateLimit-Limit`, `-Remaining`, `-Interval-Seconds` and
 * `-FillRate` on every response.
 */
import type { MiddlewareHandler } from 'hono';
import type { FlavorProfile } from '../profiles/profile.js';
import { errorResponse, type ErrorStyle } from '../http/errors.js';

interface WindowState {
  start: number;
  count: number;
}

export function createRateLimitMiddleware(
  limit: { rps: number; retryAfter: string },
  profile: FlavorProfile,
  errorStyleFor: (path: string) => ErrorStyle,
  now: () => number = Date.now,
): MiddlewareHandler {
  const window: WindowState = { start: 0, count: 0 };

  return async (c, next) => {
    const time = now();
    const windowStart = Math.floor(time / 1000) * 1000;
    if (windowStart !== window.start) {
      window.start = windowStart;
      window.count = 0;
    }
    window.count++;

    const headers: Record<string, string> = {};
    if (profile.rateLimitHeaders === 'datacenter') {
      headers['X-RateLimit-Limit'] = String(limit.rps);
      headers['X-RateLimit-Remaining'] = String(Math.max(0, limit.rps - window.count));
      headers['X-RateLimit-Interval-Seconds'] = '1';
      headers['X-RateLimit-FillRate'] = String(limit.rps);
    }

    if (window.count > limit.rps) {
      headers['Retry-After'] = limit.retryAfter;
      if (profile.rateLimitHeaders === 'cloud') {
        headers['X-RateLimit-Reset'] = new Date(windowStart + 1000).toISOString();
      }
      return errorResponse(errorStyleFor(c.req.path), 429, 'Rate limit exceeded. Retry after the time in Retry-After.', headers);
    }

    await next();
    for (const [name, value] of Object.entries(headers)) {
      c.res.headers.set(name, value);
    }
  };
}

/**
 * Headers of a 429 from a burst, which has no per-second budget: Cloud's
 * `X-RateLimit-Reset`, or Data Center's headers with nothing remaining.
 */
export function burstHeaders(profile: FlavorProfile, retryAfter: string, now: () => number = Date.now): Record<string, string> {
  const headers: Record<string, string> = { 'Retry-After': retryAfter };
  const seconds = Number(retryAfter);
  const waitMs = Number.isFinite(seconds) && seconds < 86_400 ? seconds * 1000 : 86_400_000;
  if (profile.rateLimitHeaders === 'cloud') {
    headers['X-RateLimit-Reset'] = new Date(now() + waitMs).toISOString();
    headers['X-RateLimit-NearLimit'] = 'true';
  } else {
    headers['X-RateLimit-Limit'] = '1';
    headers['X-RateLimit-Remaining'] = '0';
    headers['X-RateLimit-Interval-Seconds'] = '1';
    headers['X-RateLimit-FillRate'] = '1';
  }
  return headers;
}
