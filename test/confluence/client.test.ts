import { readFileSync } from 'node:fs';

import { describe, expect, test } from 'vitest';

import {
  ConfluenceClient,
  USER_AGENT,
  InvalidJsonError,
  NetworkError,
  NotJsonError,
  UnexpectedResponseError,
  UrlOutsideSiteError,
  collectAll,
  isHttpStatusError,
  type ClientOptions,
} from '../../src/confluence/index.js';
import { fakeFetch, fetchFailed, jsonResponse, recordingLogger, type FakeFetch } from './support/fake-fetch.js';

const GATEWAY = 'https://api.atlassian.com/ex/confluence/c1d2';
const FAST = { backoffBaseMs: 1, backoffMaxMs: 2, maxRetryAfterMs: 5 } as const;

function clientWith(fake: FakeFetch, options: Partial<ClientOptions> = {}): ConfluenceClient {
  return new ConfluenceClient({ site: 'https://acme.atlassian.net', fetch: fake.fetch, ...FAST, ...options });
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('ConfluenceClient requests', () => {
  test('sends Accept, User-Agent and Basic credentials', async () => {
    const fake = fakeFetch(() => jsonResponse({ results: [] }));
    const client = clientWith(fake, { credentials: { kind: 'basic', username: 'ann@example.com', secret: 'tok' } });

    await client.getJson('/api/v2/spaces', { keys: 'ENG' });

    expect(fake.calls[0]?.url).toBe('https://acme.atlassian.net/wiki/api/v2/spaces?keys=ENG');
    expect(fake.calls[0]?.headers).toEqual({
      Accept: 'application/json',
      'User-Agent': USER_AGENT,
      Authorization: `Basic ${Buffer.from('ann@example.com:tok').toString('base64')}`,
    });
  });

  test('sends a Bearer token', async () => {
    const fake = fakeFetch(() => jsonResponse({}));
    const client = clientWith(fake, { credentials: { kind: 'bearer', token: 'pat-123' } });

    await client.getJson('/rest/api/space');

    expect(fake.calls[0]?.headers.Authorization).toBe('Bearer pat-123');
  });

  test('sends no Authorization without credentials', async () => {
    const fake = fakeFetch(() => jsonResponse({}));

    await clientWith(fake).getJson('/rest/api/space');

    expect(fake.calls[0]?.headers).not.toHaveProperty('Authorization');
  });

  test('User-Agent carries the package version', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

    expect(USER_AGENT).toBe(`conftree/${manifest.version}`);
  });

  test.each([
    ['https://acme.atlassian.net/wiki', '/api/v2/spaces', 'https://acme.atlassian.net/wiki/api/v2/spaces'],
    [GATEWAY, '/api/v2/spaces', `${GATEWAY}/wiki/api/v2/spaces`],
    ['https://example.com/confluence', '/rest/api/space', 'https://example.com/confluence/rest/api/space'],
    ['https://wiki.example.com', '/rest/api/space', 'https://wiki.example.com/rest/api/space'],
  ])('builds URLs for %s', async (site, path, expected) => {
    const fake = fakeFetch(() => jsonResponse({}));

    const response = await clientWith(fake, { site }).getJson(path);

    expect(fake.calls[0]?.url).toBe(expected);
    expect(response.url).toBe(expected);
  });

  test('returns data, status and headers', async () => {
    const fake = fakeFetch(() => jsonResponse({ id: '1' }, 200, { 'X-Test': 'yes' }));

    const response = await clientWith(fake).getJson<{ id: string }>('/api/v2/pages/1');

    expect(response.data).toEqual({ id: '1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-test')).toBe('yes');
  });

  test('accepts an absolute URL on the site', async () => {
    const fake = fakeFetch(() => jsonResponse({}));
    const url = 'https://acme.atlassian.net/wiki/api/v2/pages?cursor=a%2Bb%3D+c&limit=5';

    await clientWith(fake).getJsonUrl(url);

    expect(fake.calls[0]?.url).toBe(url);
  });

  test('getJsonUrl rejects a relative path', async () => {
    const fake = fakeFetch(() => jsonResponse({}));

    await expect(clientWith(fake).getJsonUrl('/api/v2/pages')).rejects.toThrow('Invalid absolute URL "/api/v2/pages": use getJson for an API path');
    expect(fake.calls).toHaveLength(0);
  });

  test('rejects an absolute URL on another origin', async () => {
    const fake = fakeFetch(() => jsonResponse({}));

    const error = await rejectionOf(clientWith(fake).getJsonUrl('https://evil.example.com/wiki/api/v2/pages?access_token=xyz'));

    expect(error).toBeInstanceOf(UrlOutsideSiteError);
    expect((error as Error).message).toBe(
      'Did not send GET https://evil.example.com/wiki/api/v2/pages?access_token=***: the URL is outside the site ' +
        'https://acme.atlassian.net, and credentials are sent only to the site. Use a path or a URL on https://acme.atlassian.net',
    );
    expect(fake.calls).toHaveLength(0);
  });

  test('counts requests and bytes', async () => {
    const fake = fakeFetch((_url, index) => (index === 0 ? new Response('oops', { status: 503 }) : jsonResponse({ a: 'é' })));
    const client = clientWith(fake);

    await client.getJson('/api/v2/pages');

    expect(client.stats).toEqual({ requests: 2, bytes: 4 + Buffer.byteLength('{"a":"é"}'), retries: 1, rateLimited: 0 });
  });

  test('accepts JSON sent as text/plain', async () => {
    const fake = fakeFetch(() => new Response('{"ok":true}', { headers: { 'Content-Type': 'text/plain' } }));

    const response = await clientWith(fake).getJson('/rest/api/space');

    expect(response.data).toEqual({ ok: true });
  });

  test('getText returns the body as is', async () => {
    const html = '<ul class="plugin_pagetree_children_list"><li>x</li></ul>';
    const fake = fakeFetch(() => new Response(html, { headers: { 'Content-Type': 'text/html' } }));

    const response = await clientWith(fake).getText('/plugins/pagetree/naturalchildren.action', { pageId: '1', hasRoot: true });

    expect(response.text).toBe(html);
    expect(fake.calls[0]?.url).toBe('https://acme.atlassian.net/wiki/plugins/pagetree/naturalchildren.action?pageId=1&hasRoot=true');
    expect(fake.calls[0]?.headers.Accept).toContain('text/html');
  });

  test.each([
    ['timeoutMs', 0],
    ['maxAttempts', 0],
    ['maxAttempts', 2.5],
    ['backoffBaseMs', -1],
    ['maxRetryAfterMs', Number.NaN],
    ['concurrency', 0],
  ])('rejects %s %s', (name, value) => {
    const fake = fakeFetch(() => jsonResponse({}));

    expect(() => clientWith(fake, { [name]: value })).toThrow(RangeError);
  });
});

describe('ConfluenceClient failures', () => {
  test('HTML login page is NotJsonError without retry', async () => {
    const fake = fakeFetch(() => new Response('<!DOCTYPE html><html><form id="login">', { headers: { 'Content-Type': 'text/html;charset=UTF-8' } }));

    const error = await rejectionOf(clientWith(fake).getJson('/api/v2/spaces'));

    expect(error).toBeInstanceOf(NotJsonError);
    expect((error as Error).message).toBe(
      'GET https://acme.atlassian.net/wiki/api/v2/spaces returned 200 with text/html;charset=UTF-8 instead of JSON: ' +
        'this looks like a login page, so a single sign-on proxy responded instead of the REST API. ' +
        'Use an API token or personal access token, or the direct URL of Confluence',
    );
    expect(fake.calls).toHaveLength(1);
  });

  test('HTML labelled as JSON is NotJsonError', async () => {
    const fake = fakeFetch(() => new Response('<html><body>Sign in</body></html>', { headers: { 'Content-Type': 'application/json' } }));

    await expect(clientWith(fake).getJson('/api/v2/spaces')).rejects.toBeInstanceOf(NotJsonError);
  });

  test('plain text is NotJsonError', async () => {
    const fake = fakeFetch(() => new Response('Service is up', { headers: { 'Content-Type': 'text/plain' } }));

    const error = await rejectionOf(clientWith(fake).getJson('/api/v2/spaces'));

    expect((error as Error).message).toContain('returned 200 with text/plain instead of JSON: check that the site URL points at Confluence');
  });

  test('truncated JSON is retried twice', async () => {
    const fake = fakeFetch(() => new Response('{"results":[{"id":"1"', { headers: { 'Content-Type': 'application/json' } }));
    const client = clientWith(fake);

    const error = await rejectionOf(client.getJson('/api/v2/pages'));

    expect(error).toBeInstanceOf(InvalidJsonError);
    expect((error as InvalidJsonError).attempts).toBe(3);
    expect((error as Error).message).toBe(
      'GET https://acme.atlassian.net/wiki/api/v2/pages returned invalid JSON (21 bytes) after 3 attempts: ' +
        'the response was probably cut off by the server or a proxy, so try again later',
    );
    expect(fake.calls).toHaveLength(3);
  });

  test('truncated JSON then a full body succeeds', async () => {
    const fake = fakeFetch((_url, index) =>
      index === 0 ? new Response('{"res', { headers: { 'Content-Type': 'application/json' } }) : jsonResponse({ results: [] }),
    );

    const response = await clientWith(fake).getJson('/api/v2/pages');

    expect(response.data).toEqual({ results: [] });
  });

  test('maps the undici cause code', async () => {
    const fake = fakeFetch(() => {
      throw fetchFailed('ENOTFOUND', 'getaddrinfo ENOTFOUND acme.invalid');
    });

    const error = await rejectionOf(clientWith(fake).getJson('/api/v2/spaces'));

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).causeCode).toBe('ENOTFOUND');
    expect((error as Error).message).toBe(
      'GET https://acme.atlassian.net/wiki/api/v2/spaces failed with ENOTFOUND: the host name could not be resolved, so check the site URL and the DNS settings',
    );
    expect(fake.calls).toHaveLength(1);
  });

  test('maps an AggregateError cause', async () => {
    const fake = fakeFetch(() => {
      const refused = Object.assign(new Error('connect ECONNREFUSED ::1:9'), { code: 'ECONNREFUSED' });
      throw new TypeError('fetch failed', { cause: new AggregateError([refused], '') });
    });

    const error = await rejectionOf(clientWith(fake).getJson('/api/v2/spaces'));

    expect((error as NetworkError).causeCode).toBe('ECONNREFUSED');
    expect((error as NetworkError).attempts).toBe(2);
  });

  test('unknown errors are not retried', async () => {
    const fake = fakeFetch(() => {
      throw new Error('something odd');
    });

    const error = await rejectionOf(clientWith(fake).getJson('/api/v2/spaces'));

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toBe(
      'GET https://acme.atlassian.net/wiki/api/v2/spaces failed with something odd: check the site URL and the network connection',
    );
    expect(fake.calls).toHaveLength(1);
  });

  test('certificate errors name NODE_EXTRA_CA_CERTS', async () => {
    const fake = fakeFetch(() => {
      throw fetchFailed('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain');
    });

    const error = await rejectionOf(clientWith(fake).getJson('/api/v2/spaces'));

    expect((error as Error).message).toContain('failed with SELF_SIGNED_CERT_IN_CHAIN: the TLS certificate was rejected');
    expect((error as Error).message).toContain('NODE_EXTRA_CA_CERTS');
  });

  test('reports retries to the logger and onRetry', async () => {
    const { lines, logger } = recordingLogger();
    const events: unknown[] = [];
    const fake = fakeFetch((_url, index) => (index < 2 ? new Response('', { status: 502 }) : jsonResponse({})));

    await clientWith(fake, { logger, onRetry: (event) => events.push(event), random: () => 0.5 }).getJson('/api/v2/pages');

    expect(events).toEqual([
      { url: 'https://acme.atlassian.net/wiki/api/v2/pages', attempt: 1, delayMs: 0, reason: 'HTTP 502' },
      { url: 'https://acme.atlassian.net/wiki/api/v2/pages', attempt: 2, delayMs: 1, reason: 'HTTP 502' },
    ]);
    expect(lines.map((line) => line.level)).toEqual(['debug', 'warn']);
    expect(lines[0]?.fields).toEqual({
      method: 'GET',
      url: 'https://acme.atlassian.net/wiki/api/v2/pages',
      attempt: 1,
      delayMs: 0,
      reason: 'HTTP 502',
    });
  });

  test('warns when the server wait is capped', async () => {
    const { lines, logger } = recordingLogger();
    const fake = fakeFetch((_url, index) => (index === 0 ? new Response('', { status: 429, headers: { 'Retry-After': '3600' } }) : jsonResponse({})));

    await clientWith(fake, { logger }).getJson('/api/v2/pages');

    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe('warn');
    expect(lines[0]?.fields).toMatchObject({ requestedMs: 3_600_000, delayMs: 5 });
  });

  test('ignored Retry-After on 500 does not warn', async () => {
    const { lines, logger } = recordingLogger();
    const fake = fakeFetch((_url, index) => (index === 0 ? new Response('', { status: 500, headers: { 'Retry-After': '3600' } }) : jsonResponse({})));

    await clientWith(fake, { logger }).getJson('/api/v2/pages');

    expect(lines.map((line) => line.level)).toEqual(['debug']);
  });

  test('a throwing onRetry does not stop the request', async () => {
    const { lines, logger } = recordingLogger();
    const fake = fakeFetch((_url, index) => (index === 0 ? new Response('', { status: 500 }) : jsonResponse({ ok: 1 })));
    const onRetry = (): void => {
      throw new Error('progress bar broke');
    };

    const response = await clientWith(fake, { logger, onRetry }).getJson('/api/v2/pages');

    expect(response.data).toEqual({ ok: 1 });
    expect(lines.some((line) => line.fields?.error === 'progress bar broke')).toBe(true);
  });

  test('4xx is not retried', async () => {
    const fake = fakeFetch(() => jsonResponse({ errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null }] }, 404));

    const error = await rejectionOf(clientWith(fake).getJson('/api/v2/spaces/9'));

    expect(isHttpStatusError(error)).toBe(true);
    expect(fake.calls).toHaveLength(1);
  });
});

describe('ConfluenceClient.paginate with an injected fetch', () => {
  const cursor = 'eyJpZCI6IjEwIn0%3D+x%2By=';

  test('follows gateway v2 next links', async () => {
    const pages: Record<string, unknown> = {
      [`${GATEWAY}/wiki/api/v2/spaces/7/pages?limit=2`]: {
        results: [{ id: '1' }, { id: '2' }],
        _links: { next: `/wiki/api/v2/spaces/7/pages?cursor=${cursor}&limit=2`, base: 'https://acme.atlassian.net/wiki' },
      },
      [`${GATEWAY}/wiki/api/v2/spaces/7/pages?cursor=${cursor}&limit=2`]: { results: [{ id: '3' }], _links: {} },
    };
    const fake = fakeFetch((url) => jsonResponse(pages[url] ?? { results: [], unexpectedUrl: url }, pages[url] ? 200 : 404));
    const client = clientWith(fake, { site: GATEWAY });

    const listing = await collectAll(client.paginate<{ id: string }>('/api/v2/spaces/7/pages', { limit: 2 }, { getId: (item) => item.id }));

    expect(fake.calls.map((call) => call.url)).toEqual(Object.keys(pages));
    expect(listing.items.map((item) => item.id)).toEqual(['1', '2', '3']);
    expect(listing.end).toEqual({ complete: true });
    expect(listing.pages).toBe(2);
  });

  test('follows gateway v1 next links', async () => {
    const first = `${GATEWAY}/wiki/rest/api/content/search?cql=space%3DENG&limit=1`;
    const second = `${GATEWAY}/wiki/rest/api/content/search?cql=space%3DENG&cursor=_f_MQ%3D%3D&limit=1`;
    const pages: Record<string, unknown> = {
      [first]: { results: [{ id: '1' }], _links: { next: '/rest/api/content/search?cql=space%3DENG&cursor=_f_MQ%3D%3D&limit=1' } },
      [second]: { results: [{ id: '2' }], _links: {} },
    };
    const fake = fakeFetch((url) => jsonResponse(pages[url] ?? {}, pages[url] ? 200 : 404));

    const listing = await collectAll(
      clientWith(fake, { site: `${GATEWAY}/wiki` }).paginate<{ id: string }>('/rest/api/content/search', { cql: 'space=ENG', limit: 1 }, { getId: (item) => item.id }),
    );

    expect(fake.calls.map((call) => call.url)).toEqual([first, second]);
    expect(listing.items).toHaveLength(2);
  });

  test('follows Data Center next links below /confluence', async () => {
    const fake = fakeFetch((url) => {
      if (url === 'https://example.com/confluence/rest/api/content?spaceKey=ENG&limit=2') {
        return jsonResponse({ results: [{ id: '1' }, { id: '2' }], _links: { next: '/rest/api/content?spaceKey=ENG&limit=2&start=2', context: '/confluence' } });
      }
      if (url === 'https://example.com/confluence/rest/api/content?spaceKey=ENG&limit=2&start=2') {
        return jsonResponse({ results: [{ id: '3' }], _links: {} });
      }
      return jsonResponse({}, 404);
    });

    const listing = await collectAll(
      clientWith(fake, { site: 'https://example.com/confluence' }).paginate<{ id: string }>(
        '/rest/api/content',
        { spaceKey: 'ENG', limit: 2 },
        { getId: (item) => item.id },
      ),
    );

    expect(listing.items.map((item) => item.id)).toEqual(['1', '2', '3']);
    expect(fake.calls).toHaveLength(2);
  });

  test('follows the Link header without _links.next', async () => {
    const fake = fakeFetch((_url, index) =>
      index === 0
        ? jsonResponse({ results: [{ id: 'a' }] }, 200, { Link: `</wiki/api/v2/pages?cursor=${cursor}>; rel="next", <https://acme.atlassian.net/wiki>; rel="base"` })
        : jsonResponse({ results: [{ id: 'b' }] }),
    );

    const listing = await collectAll(clientWith(fake).paginate<{ id: string }>('/api/v2/pages', undefined, { getId: (item) => item.id }));

    expect(fake.calls[1]?.url).toBe(`https://acme.atlassian.net/wiki/api/v2/pages?cursor=${cursor}`);
    expect(listing.items).toHaveLength(2);
  });

  test('stops on a repeated URL', async () => {
    const fake = fakeFetch((_url, index) => jsonResponse({ results: [{ id: String(index) }], _links: { next: '/wiki/api/v2/pages?cursor=same' } }));

    const listing = await collectAll(clientWith(fake).paginate<{ id: string }>('/api/v2/pages', undefined, { getId: (item) => item.id }));

    expect(listing.end).toEqual({ complete: false, reason: 'repeated-url', url: 'https://acme.atlassian.net/wiki/api/v2/pages?cursor=same' });
    expect(fake.calls).toHaveLength(2);
  });

  test('stops at maxPages', async () => {
    const fake = fakeFetch((_url, index) => jsonResponse({ results: [{ id: String(index) }], _links: { next: `/wiki/api/v2/pages?cursor=${index + 1}` } }));

    const listing = await collectAll(clientWith(fake).paginate<{ id: string }>('/api/v2/pages', undefined, { getId: (item) => item.id, maxPages: 3 }));

    expect(listing.end).toEqual({ complete: false, reason: 'page-limit', url: 'https://acme.atlassian.net/wiki/api/v2/pages?cursor=3' });
    expect(listing.pages).toBe(3);
    expect(fake.calls).toHaveLength(3);
  });

  test('maxPages does not cut a finished listing', async () => {
    const fake = fakeFetch(() => jsonResponse({ results: [{ id: '1' }] }));

    const listing = await collectAll(clientWith(fake).paginate<{ id: string }>('/api/v2/pages', undefined, { getId: (item) => item.id, maxPages: 1 }));

    expect(listing.end).toEqual({ complete: true });
  });

  test('reads another items key', async () => {
    const fake = fakeFetch(() => jsonResponse({ page: { results: 'no' }, values: [{ id: '1' }] }));

    const listing = await collectAll(
      clientWith(fake).paginate<{ id: string }>('/rest/api/x', undefined, { getId: (item) => item.id, itemsKey: 'values' }),
    );

    expect(listing.items).toEqual([{ id: '1' }]);
  });

  test('a body without results is UnexpectedResponseError', async () => {
    const fake = fakeFetch(() => jsonResponse({ size: 0 }));

    const error = await rejectionOf(collectAll(clientWith(fake).paginate('/api/v2/pages', undefined, { getId: () => '' })));

    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toBe(
      'GET https://acme.atlassian.net/wiki/api/v2/pages returned JSON without a "results" array: ' +
        'check that the path is a listing endpoint of this Confluence version',
    );
  });

  test('an invalid next link is UnexpectedResponseError', async () => {
    const fake = fakeFetch(() => jsonResponse({ results: [{ id: '1' }], _links: { next: 'http://' } }));

    const error = await rejectionOf(collectAll(clientWith(fake).paginate<{ id: string }>('/api/v2/pages', undefined, { getId: (item) => item.id })));

    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toContain('returned JSON without a valid "next" link');
  });

  test('stops early when the caller breaks', async () => {
    const fake = fakeFetch((_url, index) => jsonResponse({ results: [{ id: String(index) }], _links: { next: `/wiki/api/v2/pages?cursor=${index + 1}` } }));
    const seen: string[] = [];

    for await (const page of clientWith(fake).paginate<{ id: string }>('/api/v2/pages', undefined, { getId: (item) => item.id })) {
      seen.push(...page.items.map((item) => item.id));
      if (seen.length === 2) {
        break;
      }
    }

    expect(seen).toEqual(['0', '1']);
    expect(fake.calls).toHaveLength(2);
  });
});
