/**
 * Pagination against a real `node:http` server on 127.0.0.1 that plays the
 * listing faults of real Confluence servers.
 */
import { afterEach, describe, expect, test } from 'vitest';

import { ConfluenceClient, collectAll } from '../../src/confluence/index.js';
import { sendJson, startServer, type Handler, type TestServer } from './support/http-server.js';

interface Item {
  id: string;
}

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler): Promise<TestServer> {
  server = await startServer(handler);
  return server;
}

function itemsOf(ids: number[]): Item[] {
  return ids.map((id) => ({ id: String(id) }));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, index) => from + index);
}

function listAll(client: ConfluenceClient, path: string, query: Record<string, string | number>) {
  return collectAll(client.paginate<Item>(path, query, { getId: (item) => item.id }));
}

describe('ConfluenceClient.paginate over HTTP', () => {
  test('server ignoring start stops incomplete', async () => {
    const target = await serve((request, response) => {
      const start = Number(new URL(request.url ?? '', 'http://x').searchParams.get('start') ?? '0');
      sendJson(response, 200, {
        results: itemsOf(range(1, 26)),
        size: 25,
        _links: { next: `/rest/api/content/1/child/page?limit=25&start=${start + 25}` },
      });
    });
    const client = new ConfluenceClient({ site: `${target.origin}/confluence` });

    const listing = await listAll(client, '/rest/api/content/1/child/page', { limit: 25 });

    expect(listing.end).toEqual({
      complete: false,
      reason: 'repeated-page',
      url: `${target.origin}/confluence/rest/api/content/1/child/page?limit=25&start=25`,
    });
    expect(listing.items).toHaveLength(25);
    expect(listing.duplicateIds).toHaveLength(25);
    expect(target.requests.map((request) => request.url)).toEqual([
      '/confluence/rest/api/content/1/child/page?limit=25',
      '/confluence/rest/api/content/1/child/page?limit=25&start=25',
    ]);
  });

  test('duplicate ids across pages are dropped', async () => {
    const pages = [
      { results: itemsOf([1, 2, 3]), _links: { next: '/rest/api/content?limit=3&start=3' } },
      { results: itemsOf([3, 4]), _links: { next: '/rest/api/content?limit=3&start=5' } },
      { results: itemsOf([5]), _links: {} },
    ];
    const target = await serve((_request, response, index) => sendJson(response, 200, pages[index]));
    const client = new ConfluenceClient({ site: target.origin });

    const listing = await listAll(client, '/rest/api/content', { limit: 3 });

    expect(listing.items.map((item) => item.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(listing.duplicateIds).toEqual(['3']);
    expect(listing.end).toEqual({ complete: true });
    expect(target.requests.map((request) => request.url)).toEqual([
      '/rest/api/content?limit=3',
      '/rest/api/content?limit=3&start=3',
      '/rest/api/content?limit=3&start=5',
    ]);
  });

  test('short page with next continues', async () => {
    const pages = [
      { results: itemsOf(range(0, 200)), limit: 200, size: 200, _links: { next: '/rest/api/content/search?cql=space%3DENG&limit=1000&start=200' } },
      { results: itemsOf(range(200, 400)), limit: 200, size: 200, _links: { next: '/rest/api/content/search?cql=space%3DENG&limit=1000&start=400' } },
      { results: itemsOf(range(400, 450)), limit: 200, size: 50, _links: {} },
    ];
    const target = await serve((_request, response, index) => sendJson(response, 200, pages[index]));
    const client = new ConfluenceClient({ site: `${target.origin}/confluence` });

    const listing = await listAll(client, '/rest/api/content/search', { cql: 'space=ENG', limit: 1000 });

    expect(listing.items).toHaveLength(450);
    expect(listing.pages).toBe(3);
    expect(listing.end).toEqual({ complete: true });
  });

  test('empty page with next stops complete', async () => {
    const pages = [
      { results: itemsOf([1, 2]), _links: { next: '/rest/api/content?limit=2&start=2' } },
      { results: [], size: 0, _links: { next: '/rest/api/content?limit=2&start=4' } },
    ];
    const target = await serve((_request, response, index) => sendJson(response, 200, pages[index]));
    const client = new ConfluenceClient({ site: target.origin });

    const listing = await listAll(client, '/rest/api/content', { limit: 2 });

    expect(listing.end).toEqual({ complete: true });
    expect(listing.items).toHaveLength(2);
    expect(target.requests).toHaveLength(2);
  });

  test('v2 cursor reaches the server byte-for-byte', async () => {
    const cursor = 'eyJpZCI6IjEwIn0%3D+a%2Bb=';
    const target = await serve((request, response, index) => {
      if (index === 0) {
        sendJson(response, 200, {
          results: itemsOf([1]),
          _links: { next: `/wiki/api/v2/spaces/7/pages?cursor=${cursor}&depth=all&limit=1`, base: `${target.origin}/wiki` },
        });
        return;
      }
      sendJson(response, 200, { results: itemsOf([2]), _links: {} });
    });
    const client = new ConfluenceClient({ site: `${target.origin}/wiki` });

    const listing = await listAll(client, '/api/v2/spaces/7/pages', { depth: 'all', limit: 1 });

    expect(target.requests[1]?.url).toBe(`/wiki/api/v2/spaces/7/pages?cursor=${cursor}&depth=all&limit=1`);
    expect(listing.items.map((item) => item.id)).toEqual(['1', '2']);
  });

  test('next link in the Link header is followed', async () => {
    const target = await serve((_request, response, index) => {
      if (index === 0) {
        sendJson(response, 200, { results: itemsOf([1]) }, { Link: '</wiki/api/v2/pages?cursor=two>; rel="next"' });
        return;
      }
      sendJson(response, 200, { results: itemsOf([2]) });
    });
    const client = new ConfluenceClient({ site: `${target.origin}/wiki` });

    const listing = await listAll(client, '/api/v2/pages', { limit: 1 });

    expect(target.requests.map((request) => request.url)).toEqual(['/wiki/api/v2/pages?limit=1', '/wiki/api/v2/pages?cursor=two']);
    expect(listing.items).toHaveLength(2);
  });

  test('retries inside a listing keep the page', async () => {
    const target = await serve((_request, response, index) => {
      if (index === 1) {
        sendJson(response, 503, {}, { 'Retry-After': '0' });
        return;
      }
      const page = index === 0 ? { results: itemsOf([1]), _links: { next: '/rest/api/content?start=1' } } : { results: itemsOf([2]) };
      sendJson(response, 200, page);
    });
    const client = new ConfluenceClient({ site: target.origin, backoffBaseMs: 1, backoffMaxMs: 1 });

    const listing = await listAll(client, '/rest/api/content', {});

    expect(listing.items.map((item) => item.id)).toEqual(['1', '2']);
    expect(client.stats).toMatchObject({ requests: 3, retries: 1, rateLimited: 1 });
  });
});
