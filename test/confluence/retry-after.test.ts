import { describe, expect, test } from 'vitest';

import { parseHttpDate, parseRateLimitHeaders, parseRetryAfter } from '../../src/confluence/index.js';

const NOW = Date.UTC(2025, 0, 1, 10, 0, 0);

describe('parseRetryAfter', () => {
  test.each<[string | null | undefined, number | undefined]>([
    ['0', 0],
    ['1', 1000],
    ['120', 120_000],
    [' 5 ', 5000],
    ['1.5', 1500],
    ['9223372036854775807', Number.MAX_SAFE_INTEGER],
    ['9'.repeat(400), Number.MAX_SAFE_INTEGER],
    ['-1', undefined],
    ['-0.5', undefined],
    ['', undefined],
    ['   ', undefined],
    ['abc', undefined],
    ['10s', undefined],
    ['1e3', undefined],
    ['0x10', undefined],
    [null, undefined],
    [undefined, undefined],
    ['Wed, 01 Jan 2025 10:00:30 GMT', 30_000],
    ['Wednesday, 01-Jan-25 10:01:00 GMT', 60_000],
    ['Wed Jan  1 10:00:05 2025', 5000],
    ['Wed, 01 Jan 2025 09:59:00 GMT', 0],
    ['Wed, 01 Jan 2025 10:00:30 CET', undefined],
    ['Wed, 32 Jan 2025 10:00:30 GMT', undefined],
    ['Wed, 01 Foo 2025 10:00:30 GMT', undefined],
    ['2025-01-01T10:00:30Z', undefined],
  ])('%s', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  test('huge delta is finite', () => {
    const delay = parseRetryAfter('9223372036854775807', NOW);

    expect(delay).toBeDefined();
    expect(Number.isFinite(delay)).toBe(true);
  });
});

describe('parseHttpDate', () => {
  test('reads the three RFC 9110 forms', () => {
    const expected = Date.UTC(1994, 10, 6, 8, 49, 37);

    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(expected);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(expected);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(expected);
  });

  test('reads a two-digit year of this century', () => {
    expect(parseHttpDate('Monday, 06-Jan-30 08:49:37 GMT')).toBe(Date.UTC(2030, 0, 6, 8, 49, 37));
  });
});

describe('parseRateLimitHeaders', () => {
  test('reads Cloud headers', () => {
    const headers = new Headers({
      'Retry-After': '7',
      'X-RateLimit-Reset': '2025-01-01T10:05Z',
      'X-RateLimit-NearLimit': 'true',
    });

    expect(parseRateLimitHeaders(headers, NOW)).toEqual({
      retryAfterMs: 7000,
      resetAt: Date.UTC(2025, 0, 1, 10, 5, 0),
      nearLimit: true,
    });
  });

  test('reads Data Center headers', () => {
    const headers = new Headers({
      'X-RateLimit-Limit': '20',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Interval-Seconds': '1',
      'X-RateLimit-FillRate': '1',
      'Retry-After': '1',
    });

    expect(parseRateLimitHeaders(headers, NOW)).toEqual({
      retryAfterMs: 1000,
      limit: 20,
      remaining: 0,
      intervalSeconds: 1,
      fillRate: 1,
    });
  });

  test('leaves out unreadable values', () => {
    const headers = new Headers({
      'Retry-After': 'soon',
      'X-RateLimit-Reset': 'tomorrow',
      'X-RateLimit-NearLimit': 'maybe',
      'X-RateLimit-Limit': '-3',
      'X-RateLimit-Remaining': 'many',
    });

    expect(parseRateLimitHeaders(headers, NOW)).toEqual({});
  });

  test('returns nothing without headers', () => {
    expect(parseRateLimitHeaders(new Headers(), NOW)).toEqual({});
  });
});
