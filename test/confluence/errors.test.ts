import { describe, expect, test } from 'vitest';

import {
  ConfluenceClient,
  ConftreeError,
  HttpStatusError,
  NetworkError,
  RateLimitError,
  TimeoutError,
  isConftreeError,
  isHttpStatusError,
  isNetworkError,
  isRateLimitError,
  isRequestError,
  isTimeoutError,
  type Credentials,
} from '../../src/confluence/index.js';
import { fakeFetch, fetchFailed, jsonResponse } from './support/fake-fetch.js';

const URL_V2 = 'https://acme.atlassian.net/wiki/api/v2/spaces';

describe('HttpStatusError messages', () => {
  test.each([
    [401, true, 'failed with 401 Unauthorized: the credentials were rejected. Confluence Cloud needs the account e-mail with an API token, not a password, and Data Center accepts a personal access token as CONFLUENCE_PERSONAL_TOKEN'],
    [401, false, 'failed with 401 Unauthorized: the site requires authentication, so set CONFLUENCE_USERNAME with CONFLUENCE_API_TOKEN (Cloud)'],
    [403, true, 'failed with 403 Forbidden: permission denied. This user may not view the space, or an administrator has disabled REST API access'],
    [404, true, 'failed with 404 Not Found: the space or page does not exist or is not visible to this user. Confluence Cloud also returns 404 for a rejected API token'],
    [410, true, 'failed with 410 Gone: this Confluence has removed the deprecated REST v1 endpoint, so use the v2 API'],
    [501, true, 'failed with 501 Not Implemented: this Confluence version does not implement the endpoint, so use another listing method'],
    [400, true, 'failed with 400 Bad Request: Confluence rejected the request. Check the site URL, the space key and the options'],
    [500, true, 'failed with 500 Internal Server Error: Confluence or a proxy in front of it failed. Try again later'],
    [502, true, 'failed with 502 Bad Gateway: Confluence or a proxy in front of it failed'],
  ])('%i (authenticated %s)', (status, authenticated, expected) => {
    const error = new HttpStatusError({ method: 'GET', url: URL_V2, attempts: 1, status, authenticated });

    expect(error.message).toContain(`GET ${URL_V2} ${expected}`);
    expect(error.message.startsWith('GET ')).toBe(true);
    expect(error.message).not.toContain('\n');
    expect(error.status).toBe(status);
    expect(error.code).toBe('http-status');
  });

  test('includes the server message and attempts', () => {
    const error = new HttpStatusError({
      method: 'GET',
      url: URL_V2,
      attempts: 6,
      status: 503,
      authenticated: true,
      serverMessage: 'Service temporarily overloaded',
    });

    expect(error.message).toBe(
      `GET ${URL_V2} failed with 503 Service Unavailable ("Service temporarily overloaded") after 6 attempts: ` +
        'Confluence or a proxy in front of it failed. Try again later, or ask the Confluence administrator to check the server logs',
    );
  });

  test('leaves out a server message equal to the status text', () => {
    const error = new HttpStatusError({ method: 'GET', url: URL_V2, attempts: 1, status: 404, authenticated: true, serverMessage: 'Not Found' });

    expect(error.message).not.toContain('("Not Found")');
  });

  test('RateLimitError is an HttpStatusError with its own code', () => {
    const error = new RateLimitError({ method: 'GET', url: URL_V2, attempts: 6, retryAfterMs: 9_000 });

    expect(isHttpStatusError(error)).toBe(true);
    expect(isRateLimitError(error)).toBe(true);
    expect(error.code).toBe('rate-limited');
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(9_000);
    expect(error.message).toBe(
      `GET ${URL_V2} failed with 429 Too Many Requests after 6 attempts: the server is rate limiting requests, so ` +
        'wait, then lower the requests-per-second limit (--max-rps, or maxRps in the library) or the concurrency',
    );
  });

  test('TimeoutError names the timeout', () => {
    const error = new TimeoutError({ method: 'GET', url: URL_V2, attempts: 3, timeoutMs: 250 });

    expect(error.message).toBe(
      `GET ${URL_V2} timed out after 250 ms on each of 3 attempts: the server is slow or unreachable, so ` +
        'raise the timeout (--timeout, or timeoutMs in the library) or lower the concurrency',
    );
    expect(isTimeoutError(error)).toBe(true);
  });

  test('guards tell the classes apart', () => {
    const network = new NetworkError({ method: 'GET', url: URL_V2, attempts: 2, causeCode: 'ECONNRESET' });

    expect(isConftreeError(network)).toBe(true);
    expect(isRequestError(network)).toBe(true);
    expect(isNetworkError(network)).toBe(true);
    expect(isHttpStatusError(network)).toBe(false);
    expect(isConftreeError(new Error('x'))).toBe(false);
    expect(isConftreeError('x')).toBe(false);
    expect(network).toBeInstanceOf(ConftreeError);
    expect(network.name).toBe('NetworkError');
  });
});

describe('secrets in errors', () => {
  const TOKEN = 'ATATT3x-SECRET-test-token-4711';
  const credentialsCases: Array<[string, Credentials]> = [
    ['basic', { kind: 'basic', username: 'ann@example.com', secret: TOKEN }],
    ['bearer', { kind: 'bearer', token: TOKEN }],
  ];

  /** Forms of the secret that must not appear anywhere. */
  function forms(credentials: Credentials): string[] {
    const list = [TOKEN, encodeURIComponent(TOKEN)];
    if (credentials.kind === 'basic') {
      list.push(Buffer.from(`${credentials.username}:${TOKEN}`).toString('base64'));
    }
    return list;
  }

  function expectClean(error: unknown, credentials: Credentials): void {
    expect(isConftreeError(error)).toBe(true);
    const err = error as Error;
    const views = [err.message, String(err), JSON.stringify(err), err.stack ?? '', JSON.stringify(Object.entries(err))];
    for (const view of views) {
      for (const form of forms(credentials)) {
        expect(view).not.toContain(form);
      }
    }
  }

  async function failureOf(credentials: Credentials, respond: () => Response): Promise<unknown> {
    const fake = fakeFetch(respond);
    const client = new ConfluenceClient({
      site: 'https://acme.atlassian.net/wiki',
      credentials,
      fetch: fake.fetch,
      maxAttempts: 2,
      backoffBaseMs: 1,
      backoffMaxMs: 1,
      maxRetryAfterMs: 1,
    });
    try {
      await client.getJson('/api/v2/spaces', { keys: 'ENG' });
    } catch (error) {
      return error;
    }
    throw new Error('expected a failure');
  }

  test.each(credentialsCases)('401 body echoing the %s secret', async (_name, credentials) => {
    const error = await failureOf(credentials, () =>
      jsonResponse({ message: `Bad credentials ${TOKEN} / Authorization: Basic xyz` }, 401),
    );

    expectClean(error, credentials);
    expect((error as Error).message).toContain('("Bad credentials *** / Authorization: ***")');
    expect(JSON.stringify(error)).not.toContain('Basic xyz');
  });

  test.each(credentialsCases)('429 body echoing the %s secret', async (_name, credentials) => {
    const error = await failureOf(credentials, () => new Response(`slow down ${encodeURIComponent(TOKEN)}`, { status: 429 }));

    expectClean(error, credentials);
    expect(error).toBeInstanceOf(RateLimitError);
  });

  test.each(credentialsCases)('network cause echoing the %s secret', async (_name, credentials) => {
    const fake = fakeFetch(() => {
      throw fetchFailed('ECONNRESET', `socket hang up while sending ${TOKEN}`);
    });
    const client = new ConfluenceClient({ site: 'https://acme.atlassian.net', credentials, fetch: fake.fetch, maxAttempts: 1 });

    let caught: unknown;
    try {
      await client.getJson('/api/v2/spaces');
    } catch (error) {
      caught = error;
    }

    expectClean(caught, credentials);
    expect((caught as Error).message).toContain('ECONNRESET');
  });

  test('an access_token in the URL is masked', async () => {
    const credentials: Credentials = { kind: 'bearer', token: TOKEN };
    const fake = fakeFetch(() => jsonResponse({}, 404));
    const client = new ConfluenceClient({ site: 'https://acme.atlassian.net', credentials, fetch: fake.fetch });

    let caught: unknown;
    try {
      await client.getJson('/api/v2/spaces', { access_token: 'other-secret', keys: 'ENG' });
    } catch (error) {
      caught = error;
    }

    expect((caught as Error).message).toContain('/wiki/api/v2/spaces?access_token=***&keys=ENG failed with 404');
    expect(JSON.stringify(caught)).not.toContain('other-secret');
  });

  test('the client object does not expose the secret', () => {
    const credentials: Credentials = { kind: 'bearer', token: TOKEN };
    const client = new ConfluenceClient({ site: 'https://acme.atlassian.net', credentials });

    expect(JSON.stringify(client)).not.toContain(TOKEN);
    expect(Object.values(client).join(' ')).not.toContain(TOKEN);
  });
});
