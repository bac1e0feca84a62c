/**
 * The client against a real `node:http` server on 127.0.0.1: retries, rate
 * limits, timeouts, broken connections, bad bodies and the limiter.
 */
import { afterEach, describe, expect, test } from 'vitest';

import {
  ConfluenceClient,
  HttpStatusError,
  InvalidJsonError,
  NetworkError,
  NotJsonError,
  RateLimitError,
  TimeoutError,
  type ClientOptions,
  type RetryEvent,
} from '../../src/confluence/index.js';
import { closedPort, delay, sendJson, startServer, type Handler, type TestServer } from './support/http-server.js';

const FAST = { backoffBaseMs: 5, backoffMaxMs: 20, maxRetryAfterMs: 50, timeoutMs: 2000 } as const;

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler): Promise<TestServer> {
  server = await startServer(handler);
  return server;
}

function clientFor(target: TestServer, options: Partial<ClientOptions> = {}): ConfluenceClient {
  return new ConfluenceClient({ site: `${target.origin}/wiki`, ...FAST, ...options });
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('ConfluenceClient over HTTP', () => {
  test('sends the path below the context path with headers', async () => {
    const target = await serve((_request, response) => sendJson(response, 200, { results: [] }));
    const client = clientFor(target, { credentials: { kind: 'bearer', token: 'pat-1' } });

    await client.getJson('/api/v2/spaces', { keys: 'ENG' });

    const request = target.requests[0];
    expect(request?.url).toBe('/wiki/api/v2/spaces?keys=ENG');
    expect(request?.method).toBe('GET');
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers['user-agent']).toMatch(/^conftree\/\d+\.\d+\.\d+/);
    expect(request?.headers.authorization).toBe('Bearer pat-1');
  });

  test('429 with a huge Retry-After waits the capped time', async () => {
    const target = await serve((_request, response, index) => {
      if (index === 0) {
        sendJson(response, 429, { message: 'Rate limit exceeded' }, { 'Retry-After': '9223372036854775807' });
        return;
      }
      sendJson(response, 200, { ok: true });
    });
    const events: RetryEvent[] = [];
    const client = clientFor(target, { maxRetryAfterMs: 40, onRetry: (event) => events.push(event) });

    const response = await client.getJson('/api/v2/pages');

    expect(response.data).toEqual({ ok: true });
    expect(events).toEqual([{ url: `${target.origin}/wiki/api/v2/pages`, attempt: 1, delayMs: 40, reason: 'HTTP 429' }]);
    expect(client.stats).toMatchObject({ requests: 2, retries: 1, rateLimited: 1 });
    const [first, second] = target.requests;
    expect((second?.startedAt ?? 0) - (first?.startedAt ?? 0)).toBeGreaterThanOrEqual(30);
  });

  test('Retry-After pauses other requests too', async () => {
    const target = await serve((request, response) => {
      const firstTry = request.url === '/wiki/api/v2/a' && target.requests.filter((item) => item.url === request.url).length === 1;
      sendJson(response, firstTry ? 429 : 200, {}, firstTry ? { 'Retry-After': '1' } : {});
    });
    let other: Promise<unknown> | undefined;
    const client = clientFor(target, {
      maxRetryAfterMs: 150,
      onRetry: () => {
        other = client.getJson('/api/v2/b');
      },
    });

    await client.getJson('/api/v2/a');
    await other;

    const firstTry = target.requests[0]?.startedAt ?? 0;
    const otherStart = target.requests.find((request) => request.url === '/wiki/api/v2/b')?.startedAt ?? 0;
    expect(otherStart - firstTry).toBeGreaterThanOrEqual(100);
  });

  test('429 on every attempt is RateLimitError', async () => {
    const target = await serve((_request, response) => sendJson(response, 429, {}, { 'Retry-After': '1' }));
    const client = clientFor(target, { maxAttempts: 3, maxRetryAfterMs: 5 });

    const error = await rejectionOf(client.getJson('/api/v2/pages'));

    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).attempts).toBe(3);
    expect((error as RateLimitError).retryAfterMs).toBe(1000);
    expect(target.requests).toHaveLength(3);
    expect(client.stats.rateLimited).toBe(3);
  });

  test('503 then 200 succeeds', async () => {
    const target = await serve((_request, response, index) => sendJson(response, index === 0 ? 503 : 200, { index }));
    const client = clientFor(target);

    const response = await client.getJson<{ index: number }>('/api/v2/pages');

    expect(response.data.index).toBe(1);
    expect(client.stats).toMatchObject({ requests: 2, retries: 1, rateLimited: 0 });
  });

  test('503 with Retry-After counts as rate limited', async () => {
    const target = await serve((_request, response, index) =>
      sendJson(response, index === 0 ? 503 : 200, {}, index === 0 ? { 'Retry-After': '0' } : {}),
    );
    const client = clientFor(target);

    await client.getJson('/api/v2/pages');

    expect(client.stats).toMatchObject({ retries: 1, rateLimited: 1 });
  });

  test('500 twice then 200 succeeds', async () => {
    const target = await serve((_request, response, index) => sendJson(response, index < 2 ? 500 : 200, { index }));
    const client = clientFor(target);

    const response = await client.getJson<{ index: number }>('/api/v2/pages');

    expect(response.data.index).toBe(2);
    expect(target.requests).toHaveLength(3);
    expect(client.stats.retries).toBe(2);
  });

  test('500 on every attempt is HttpStatusError', async () => {
    const target = await serve((_request, response) => sendJson(response, 500, { message: 'NullPointerException' }));
    const client = clientFor(target, { maxAttempts: 4 });

    const error = await rejectionOf(client.getJson('/rest/api/content'));

    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as HttpStatusError).status).toBe(500);
    expect((error as HttpStatusError).attempts).toBe(4);
    expect((error as Error).message).toContain(`GET ${target.origin}/wiki/rest/api/content failed with 500 Internal Server Error ("NullPointerException") after 4 attempts`);
  });

  test('a Server 501 body is quoted', async () => {
    const target = await serve((_request, response) =>
      sendJson(response, 501, {
        statusCode: 501,
        data: { authorized: false, valid: true, allowedInReadOnlyMode: true, errors: [], successful: false },
        message: 'Page children is currently only supported for direct children',
        reason: 'Not Implemented',
      }),
    );

    const error = await rejectionOf(clientFor(target).getJson('/rest/api/content/1/descendant/page'));

    expect((error as HttpStatusError).status).toBe(501);
    expect((error as Error).message).toContain('("Page children is currently only supported for direct children")');
    expect(server?.requests).toHaveLength(1);
  });

  test('connection reset then 200 succeeds', async () => {
    const target = await serve((request, response, index) => {
      if (index === 0) {
        request.socket.destroy();
        return;
      }
      sendJson(response, 200, { ok: true });
    });
    const client = clientFor(target);

    const response = await client.getJson('/api/v2/pages');

    expect(response.data).toEqual({ ok: true });
    expect(client.stats.retries).toBe(1);
  });

  test('reset on every attempt is NetworkError', async () => {
    const target = await serve((request) => {
      request.socket.destroy();
    });
    const client = clientFor(target, { maxAttempts: 3 });

    const error = await rejectionOf(client.getJson('/api/v2/pages'));

    expect(error).toBeInstanceOf(NetworkError);
    expect(['UND_ERR_SOCKET', 'ECONNRESET']).toContain((error as NetworkError).causeCode);
    expect((error as NetworkError).attempts).toBe(3);
    expect((error as Error).message).toContain('the connection closed before the response was complete');
  });

  test('body cut off mid-transfer is retried', async () => {
    const target = await serve((_request, response, index) => {
      if (index === 0) {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
        response.write('{"results":[');
        setTimeout(() => response.socket?.destroy(), 10);
        return;
      }
      sendJson(response, 200, { results: [] });
    });
    const client = clientFor(target);

    const response = await client.getJson('/api/v2/pages');

    expect(response.data).toEqual({ results: [] });
    expect(target.requests).toHaveLength(2);
  });

  test('hung response hits the attempt timeout', async () => {
    const target = await serve(() => {
      // Never answers.
    });
    const client = clientFor(target, { timeoutMs: 100, maxAttempts: 2 });

    const error = await rejectionOf(client.getJson('/api/v2/pages'));

    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).attempts).toBe(2);
    expect((error as TimeoutError).timeoutMs).toBe(100);
    expect(target.requests).toHaveLength(2);
  });

  test('hung body hits the attempt timeout', async () => {
    const target = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"results":[');
    });
    const client = clientFor(target, { timeoutMs: 100, maxAttempts: 1 });

    const error = await rejectionOf(client.getJson('/api/v2/pages'));

    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain('timed out after 100 ms: the server is slow or unreachable');
  });

  test('connection refused is retried once', async () => {
    const port = await closedPort();
    const client = new ConfluenceClient({ site: `http://127.0.0.1:${port}/wiki`, ...FAST });

    const error = await rejectionOf(client.getJson('/api/v2/spaces'));

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).causeCode).toBe('ECONNREFUSED');
    expect((error as NetworkError).attempts).toBe(2);
    expect((error as Error).message).toBe(
      `GET http://127.0.0.1:${port}/wiki/api/v2/spaces failed with ECONNREFUSED after 2 attempts: ` +
        'the connection was refused, so check the host and port in the site URL and that Confluence is running',
    );
    expect(client.stats).toMatchObject({ requests: 2, retries: 1, bytes: 0 });
  });

  test('HTML login page is NotJsonError', async () => {
    const target = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end('<!DOCTYPE html><html><head><title>Log in</title></head><body><form action="/login"></form></body></html>');
    });

    const error = await rejectionOf(clientFor(target).getJson('/api/v2/spaces'));

    expect(error).toBeInstanceOf(NotJsonError);
    expect((error as Error).message).toContain('this looks like a login page, so a single sign-on proxy responded instead of the REST API');
    expect(target.requests).toHaveLength(1);
  });

  test('truncated JSON is InvalidJsonError after retries', async () => {
    const body = '{"results":[{"id":"1","title":"Ho';
    const target = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      response.end(body);
    });
    const client = clientFor(target);

    const error = await rejectionOf(client.getJson('/api/v2/pages'));

    expect(error).toBeInstanceOf(InvalidJsonError);
    expect((error as InvalidJsonError).bytes).toBe(Buffer.byteLength(body));
    expect(target.requests).toHaveLength(3);
    expect(client.stats.bytes).toBe(3 * Buffer.byteLength(body));
  });

  test('concurrency is never exceeded', async () => {
    const target = await serve(async (_request, response) => {
      await delay(25);
      sendJson(response, 200, {});
    });
    const client = clientFor(target, { concurrency: 3 });

    await Promise.all(Array.from({ length: 12 }, (_, index) => client.getJson(`/api/v2/pages/${index}`)));

    expect(target.requests).toHaveLength(12);
    expect(target.maxInFlight).toBeLessThanOrEqual(3);
    expect(target.maxInFlight).toBe(3);
  });

  test('concurrency holds across retries', async () => {
    const target = await serve(async (_request, response, index) => {
      await delay(10);
      sendJson(response, index % 3 === 0 ? 503 : 200, {});
    });
    const client = clientFor(target, { concurrency: 2 });

    await Promise.all(Array.from({ length: 8 }, (_, index) => client.getJson(`/api/v2/pages/${index}`)));

    expect(target.maxInFlight).toBeLessThanOrEqual(2);
  });

  test('maxRps spaces request starts', async () => {
    const target = await serve((_request, response) => sendJson(response, 200, {}));
    const client = clientFor(target, { maxRps: 20, concurrency: 6 });

    await Promise.all(Array.from({ length: 6 }, (_, index) => client.getJson(`/api/v2/pages/${index}`)));

    const starts = target.requests.map((request) => request.startedAt);
    const span = Math.max(...starts) - Math.min(...starts);
    // Six starts at least 50 ms apart span at least 250 ms. The margin absorbs timer and loopback jitter.
    expect(span).toBeGreaterThanOrEqual(200);
  });
});
