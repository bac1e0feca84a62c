import { describe, expect, test } from 'vitest';

import { backoffDelay, decideRetry, type RetryInput } from '../../src/confluence/index.js';

const settings = {
  maxAttempts: 6,
  maxRetryAfterMs: 60_000,
  backoffBaseMs: 100,
  backoffMaxMs: 1000,
  random: () => 0.5,
};

function decide(input: Partial<RetryInput> & { attempt: number }) {
  return decideRetry({ ...settings, ...input });
}

describe('decideRetry', () => {
  test.each<[string, Partial<RetryInput> & { attempt: number }, ReturnType<typeof decideRetry>]>([
    ['stops without attempts left', { attempt: 6, status: 503 }, { retry: false, reason: 'no attempts left after HTTP 503' }],
    ['stops a POST', { attempt: 1, method: 'POST', status: 503 }, { retry: false, reason: 'POST is not retried' }],
    ['retries HEAD', { attempt: 1, method: 'HEAD', status: 502 }, { retry: true, delayMs: 50, reason: 'HTTP 502', serverDelay: false }],
    ['obeys 429 Retry-After exactly', { attempt: 1, status: 429, retryAfterMs: 7000 }, { retry: true, delayMs: 7000, reason: 'HTTP 429', serverDelay: true }],
    ['caps a huge Retry-After', { attempt: 1, status: 429, retryAfterMs: Number.MAX_SAFE_INTEGER }, { retry: true, delayMs: 60_000, reason: 'HTTP 429', serverDelay: true }],
    ['obeys Retry-After 0', { attempt: 1, status: 429, retryAfterMs: 0 }, { retry: true, delayMs: 0, reason: 'HTTP 429', serverDelay: true }],
    ['obeys 503 Retry-After', { attempt: 2, status: 503, retryAfterMs: 2000 }, { retry: true, delayMs: 2000, reason: 'HTTP 503', serverDelay: true }],
    ['backs off on 429 without Retry-After', { attempt: 1, status: 429 }, { retry: true, delayMs: 50, reason: 'HTTP 429', serverDelay: false }],
    ['backs off on 500', { attempt: 2, status: 500 }, { retry: true, delayMs: 100, reason: 'HTTP 500', serverDelay: false }],
    ['backs off on 502', { attempt: 3, status: 502 }, { retry: true, delayMs: 200, reason: 'HTTP 502', serverDelay: false }],
    ['backs off on 503 without Retry-After', { attempt: 1, status: 503 }, { retry: true, delayMs: 50, reason: 'HTTP 503', serverDelay: false }],
    ['backs off on 504', { attempt: 5, status: 504 }, { retry: true, delayMs: 500, reason: 'HTTP 504', serverDelay: false }],
    ['ignores Retry-After on 500', { attempt: 1, status: 500, retryAfterMs: 9000 }, { retry: true, delayMs: 50, reason: 'HTTP 500', serverDelay: false }],
    ['stops on 400', { attempt: 1, status: 400 }, { retry: false, reason: 'HTTP 400 is not retried' }],
    ['stops on 401', { attempt: 1, status: 401 }, { retry: false, reason: 'HTTP 401 is not retried' }],
    ['stops on 403', { attempt: 1, status: 403 }, { retry: false, reason: 'HTTP 403 is not retried' }],
    ['stops on 404', { attempt: 1, status: 404 }, { retry: false, reason: 'HTTP 404 is not retried' }],
    ['stops on 410', { attempt: 1, status: 410 }, { retry: false, reason: 'HTTP 410 is not retried' }],
    ['stops on 501', { attempt: 1, status: 501 }, { retry: false, reason: 'HTTP 501 is not retried' }],
    ['stops on 505', { attempt: 1, status: 505 }, { retry: false, reason: 'HTTP 505 is not retried' }],
    ['backs off on ECONNRESET', { attempt: 1, errorCode: 'ECONNRESET' }, { retry: true, delayMs: 50, reason: 'ECONNRESET', serverDelay: false }],
    ['backs off on UND_ERR_SOCKET', { attempt: 1, errorCode: 'UND_ERR_SOCKET' }, { retry: true, delayMs: 50, reason: 'UND_ERR_SOCKET', serverDelay: false }],
    ['backs off on ETIMEDOUT', { attempt: 1, errorCode: 'ETIMEDOUT' }, { retry: true, delayMs: 50, reason: 'ETIMEDOUT', serverDelay: false }],
    ['backs off on EPIPE', { attempt: 1, errorCode: 'EPIPE' }, { retry: true, delayMs: 50, reason: 'EPIPE', serverDelay: false }],
    ['backs off on an attempt timeout', { attempt: 1, errorCode: 'ATTEMPT_TIMEOUT' }, { retry: true, delayMs: 50, reason: 'ATTEMPT_TIMEOUT', serverDelay: false }],
    ['retries ECONNREFUSED once', { attempt: 1, errorCode: 'ECONNREFUSED' }, { retry: true, delayMs: 50, reason: 'ECONNREFUSED', serverDelay: false }],
    ['stops ECONNREFUSED the second time', { attempt: 2, errorCode: 'ECONNREFUSED' }, { retry: false, reason: 'ECONNREFUSED is not retried' }],
    ['retries invalid JSON', { attempt: 2, errorCode: 'INVALID_JSON' }, { retry: true, delayMs: 100, reason: 'INVALID_JSON', serverDelay: false }],
    ['stops invalid JSON the third time', { attempt: 3, errorCode: 'INVALID_JSON' }, { retry: false, reason: 'INVALID_JSON is not retried' }],
    ['stops on ENOTFOUND', { attempt: 1, errorCode: 'ENOTFOUND' }, { retry: false, reason: 'ENOTFOUND is not retried' }],
    ['stops on a certificate error', { attempt: 1, errorCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, { retry: false, reason: 'DEPTH_ZERO_SELF_SIGNED_CERT is not retried' }],
    ['stops on an unknown error', { attempt: 1 }, { retry: false, reason: 'unknown error is not retried' }],
  ])('%s', (_name, input, expected) => {
    expect(decide(input)).toEqual(expected);
  });

  test('caps backoff at backoffMaxMs', () => {
    const decision = decide({ attempt: 5, status: 500, maxAttempts: 20, random: () => 0.999 });

    expect(decision.retry).toBe(true);
    const delayMs = decision.retry ? decision.delayMs : Number.NaN;
    expect(delayMs).toBeLessThanOrEqual(1000);
  });

  test('single attempt never retries', () => {
    expect(decide({ attempt: 1, maxAttempts: 1, status: 503, retryAfterMs: 10 }).retry).toBe(false);
  });
});

describe('backoffDelay', () => {
  test('doubles the ceiling per attempt', () => {
    const input = { backoffBaseMs: 100, backoffMaxMs: 10_000, random: () => 0.999_999 };

    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, input))).toEqual([99, 199, 399, 799, 1599]);
  });

  test('applies full jitter from zero', () => {
    expect(backoffDelay(3, { backoffBaseMs: 100, backoffMaxMs: 10_000, random: () => 0 })).toBe(0);
  });

  test('stays under the cap for huge attempts', () => {
    expect(backoffDelay(2000, { backoffBaseMs: 100, backoffMaxMs: 30_000, random: () => 0.5 })).toBe(15_000);
  });
});
