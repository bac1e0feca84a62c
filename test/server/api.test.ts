import { describe, expect, it } from 'vitest';

import { BOLD_TITLE, DEEP_BOLD_TITLE, DEEP_SPACE, DOCS_SPACE } from './support/docs-space.js';
import { eventsOf, serveSimulator } from './support/serve.js';

interface JsonNode {
  id: string;
  title: string;
  children: JsonNode[];
}

function ids(nodes: JsonNode[]): string[] {
  return nodes.flatMap((node) => [node.id, ...ids(node.children)]);
}

describe('tree API', () => {
  it('lists the served spaces', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const before = await (await fetch(`${server.url}/api/spaces`)).json();
    await fetch(`${server.url}/api/spaces/DOCS/tree`);
    const after = await (await fetch(`${server.url}/api/spaces`)).json();

    expect(before.spaces).toEqual([{ key: 'DOCS', name: null, cached: false, fetchedAt: null, complete: null, nodes: null }]);
    expect(after.spaces[0]).toMatchObject({ key: 'DOCS', name: 'Documentation', cached: true, complete: true, nodes: 10 });
  });

  it('returns the whole tree as a json document', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const response = await fetch(`${server.url}/api/spaces/DOCS/tree`);
    const document = await response.json();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(document.space.key).toBe('DOCS');
    expect(ids(document.roots)).toEqual(['100', '101', '102', '103', '104', '105', '106', '200', '201', '300']);
    expect(document.roots[0].children[1].title).toBe('<img src=x onerror=alert(1)>');
    expect(document.childCounts).toBeUndefined();
  });

  it('returns a subtree below root', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const document = await (await fetch(`${server.url}/api/spaces/DOCS/tree?root=101`)).json();

    expect(document.root).toBe('101');
    expect(ids(document.roots)).toEqual(['101', '102', '103', '104']);
  });

  it('returns a depth-limited slice with child counts', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const top = await (await fetch(`${server.url}/api/spaces/DOCS/tree?depth=1`)).json();
    const below = await (await fetch(`${server.url}/api/spaces/DOCS/tree?root=101&depth=2`)).json();

    expect(ids(top.roots)).toEqual(['100', '200', '300']);
    expect(top.childCounts).toEqual({ '100': 3, '200': 1 });
    expect(ids(below.roots)).toEqual(['101', '102', '103']);
    expect(below.childCounts).toEqual({ '103': 1 });
  });

  it('counts the nodes of a slice', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const subtree = await (await fetch(`${server.url}/api/spaces/DOCS/tree?root=101`)).json();
    const top = await (await fetch(`${server.url}/api/spaces/DOCS/tree?depth=1`)).json();
    const below = await (await fetch(`${server.url}/api/spaces/DOCS/tree?root=101&depth=2`)).json();
    const whole = await (await fetch(`${server.url}/api/spaces/DOCS/tree`)).json();

    expect(subtree.slice).toEqual({ nodes: 4, pages: 4, folders: 0 });
    expect(top.slice).toEqual({ nodes: 3, pages: 2, folders: 1 });
    expect(below.slice).toEqual({ nodes: 3, pages: 3, folders: 0 });
    for (const slice of [subtree, top, below]) {
      expect(slice.stats).toMatchObject({ nodes: 10, pages: 9, folders: 1 });
      expect(slice.stats.requests).toBeGreaterThan(0);
    }
    expect(whole.stats).toMatchObject({ nodes: 10, pages: 9, folders: 1 });
    expect(whole.slice).toBeUndefined();
  });

  it('returns the path of a page', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const body = await (await fetch(`${server.url}/api/spaces/DOCS/pages/104/path`)).json();

    expect(body.id).toBe('104');
    expect(body.path.map((entry: { title: string }) => entry.title)).toEqual(['Home', 'Guides', 'Configure', 'Proxy settings']);
    expect(body.path[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('rejects invalid parameters with 400', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const depth = await fetch(`${server.url}/api/spaces/DOCS/tree?depth=0`);
    const root = await fetch(`${server.url}/api/spaces/DOCS/tree?root=../x`);

    expect(depth.status).toBe(400);
    expect((await depth.json()).error).toBe('Invalid depth "0": use a whole number of levels, 1 or more.');
    expect(root.status).toBe(400);
    expect((await root.json()).error).toBe('Invalid root "../x": use a numeric content id, such as 123456.');
  });

  it('answers 404 for unknown pages and spaces', async () => {
    const { server, simulator } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const unknownSpace = await fetch(`${server.url}/api/spaces/OTHER/tree`);
    expect(simulator.requests).toHaveLength(0);
    const unknownRoot = await fetch(`${server.url}/api/spaces/DOCS/tree?root=999`);
    const unknownPath = await fetch(`${server.url}/api/spaces/DOCS/pages/999/path`);

    expect(unknownSpace.status).toBe(404);
    expect((await unknownSpace.json()).error).toBe('Space "OTHER" is not served here: use one of DOCS.');
    expect(unknownRoot.status).toBe(404);
    expect(unknownPath.status).toBe(404);
  });

  it('reports a space missing on the site as 404', async () => {
    const { server, logs } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] }, { spaces: ['DOCS', 'GONE'] });

    const response = await fetch(`${server.url}/api/spaces/GONE/tree`);
    const body = await response.json();

    expect(response.status).toBe(404);
    expect(body.error).toMatch(/^Space "GONE" was not found at /);
    const failures = eventsOf(logs, 'fetch-failed');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ level: 'error', space: 'GONE', status: 404 });
  });

  it('does not cache a failed fetch', async () => {
    const { server, logs } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] }, { spaces: ['DOCS', 'GONE'] });

    await fetch(`${server.url}/api/spaces/GONE/tree`);
    const again = await fetch(`${server.url}/api/spaces/GONE/tree`);

    expect(again.status).toBe(404);
    expect(eventsOf(logs, 'fetch-failed')).toHaveLength(2);
  });
});

interface SearchBody {
  query: string;
  limit: number;
  total: number;
  truncated: boolean;
  matches: Array<{ id: string; path: Array<{ id: string; title: string; childCount: number; index: number }> }>;
}

describe('search API', () => {
  it('finds titles case-insensitively with paths', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const response = await fetch(`${server.url}/api/spaces/DOCS/search?q=${encodeURIComponent('  RELEASE ')}`);
    const body = (await response.json()) as SearchBody;

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    expect(body.query).toBe('RELEASE');
    expect(body.total).toBe(2);
    expect(body.truncated).toBe(false);
    expect(body.matches.map((match) => match.id)).toEqual(['201', '300']);
    expect(body.matches[0]!.path.map((entry) => entry.title)).toEqual(['Archive', 'Old release notes']);
    expect(body.matches[0]!.path.map((entry) => entry.index)).toEqual([1, 0]);
    expect(body.matches[0]!.path.map((entry) => entry.childCount)).toEqual([1, 0]);
    expect(body.matches[1]!.path.map((entry) => entry.id)).toEqual(['300']);
  });

  it('returns deep matches and raw titles', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DEEP_SPACE, DOCS_SPACE] });

    const deep = (await (await fetch(`${server.url}/api/spaces/DEEP/search?q=deep`)).json()) as SearchBody;
    const markup = (await (await fetch(`${server.url}/api/spaces/DOCS/search?q=${encodeURIComponent('<b>')}`)).json()) as SearchBody;

    expect(deep.matches.map((match) => match.id)).toEqual(['503', '504']);
    expect(deep.matches[1]!.path.map((entry) => entry.id)).toEqual(['500', '501', '502', '503', '504']);
    expect(deep.matches[1]!.path[4]!.title).toBe(DEEP_BOLD_TITLE);
    expect(markup.matches.map((match) => match.path.at(-1)!.title)).toEqual([BOLD_TITLE]);
  });

  it('bounds the match count by limit', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const body = (await (await fetch(`${server.url}/api/spaces/DOCS/search?q=e&limit=3`)).json()) as SearchBody;

    expect(body.limit).toBe(3);
    expect(body.matches).toHaveLength(3);
    expect(body.total).toBeGreaterThan(3);
    expect(body.truncated).toBe(true);
  });

  it('rejects invalid search parameters', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const cases: Array<[string, string]> = [
      ['', 'Missing search text: add q=TEXT, such as q=install.'],
      ['?q=%20%20', 'Missing search text: add q=TEXT, such as q=install.'],
      [`?q=${'x'.repeat(201)}`, 'Search text too long (201 characters): use at most 200.'],
      ['?q=a&limit=0', 'Invalid limit "0": use a whole number from 1 to 200.'],
      ['?q=a&limit=201', 'Invalid limit "201": use a whole number from 1 to 200.'],
      ['?q=a&limit=ten', 'Invalid limit "ten": use a whole number from 1 to 200.'],
    ];
    for (const [query, message] of cases) {
      const response = await fetch(`${server.url}/api/spaces/DOCS/search${query}`);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error, query).toBe(message);
    }
    const unknownSpace = await fetch(`${server.url}/api/spaces/OTHER/search?q=a`);
    expect(unknownSpace.status).toBe(404);
  });

  it('answers 304 to a matching search ETag', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const first = await fetch(`${server.url}/api/spaces/DOCS/search?q=install`);
    const etag = first.headers.get('etag') ?? '';
    const second = await fetch(`${server.url}/api/spaces/DOCS/search?q=install`, { headers: { 'If-None-Match': etag } });
    const other = await fetch(`${server.url}/api/spaces/DOCS/search?q=proxy`, { headers: { 'If-None-Match': etag } });

    expect(etag).toMatch(/^"[^"]+"$/);
    expect(second.status).toBe(304);
    expect(other.status).toBe(200);
  });
});

describe('tree API caching', () => {
  it('answers 304 to a matching If-None-Match', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const first = await fetch(`${server.url}/api/spaces/DOCS/tree?depth=1`);
    const etag = first.headers.get('etag');
    const second = await fetch(`${server.url}/api/spaces/DOCS/tree?depth=1`, { headers: { 'If-None-Match': etag ?? '' } });
    const otherSlice = await fetch(`${server.url}/api/spaces/DOCS/tree?depth=2`, { headers: { 'If-None-Match': etag ?? '' } });

    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect(first.headers.get('last-modified')).not.toBeNull();
    expect(second.status).toBe(304);
    expect(second.headers.get('etag')).toBe(etag);
    expect(otherSlice.status).toBe(200);
  });

  it('shares one fetch among concurrent requests', async () => {
    const { server, simulator, logs } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE], faults: { latencyMs: 50 } });

    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => fetch(`${server.url}/api/spaces/DOCS/tree${i % 2 === 0 ? '' : '?depth=1'}`)),
    );

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const fetches = eventsOf(logs, 'fetch');
    expect(fetches).toHaveLength(1);
    expect(simulator.requests).toHaveLength(fetches[0]!['requests'] as number);
  });

  it('serves the cached tree within the max age', async () => {
    const { server, logs } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] }, { maxAgeMs: 60_000 });

    await fetch(`${server.url}/api/spaces/DOCS/tree`);
    await fetch(`${server.url}/api/spaces/DOCS/pages/102/path`);

    expect(eventsOf(logs, 'fetch')).toHaveLength(1);
  });

  it('fetches again after the max age', async () => {
    const { server, logs } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] }, { maxAgeMs: 0 });

    const first = await fetch(`${server.url}/api/spaces/DOCS/tree`);
    const second = await fetch(`${server.url}/api/spaces/DOCS/tree`, { headers: { 'If-None-Match': first.headers.get('etag') ?? '' } });

    expect(eventsOf(logs, 'fetch')).toHaveLength(2);
    expect(second.status).toBe(200);
    expect(second.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });

  it('fetches again on refresh', async () => {
    const { server, logs } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const first = await fetch(`${server.url}/api/spaces/DOCS/tree`);
    const refresh = await fetch(`${server.url}/api/spaces/DOCS/refresh`, { method: 'POST' });
    const after = await fetch(`${server.url}/api/spaces/DOCS/tree`, { headers: { 'If-None-Match': first.headers.get('etag') ?? '' } });

    expect(refresh.status).toBe(200);
    expect(await refresh.json()).toMatchObject({ key: 'DOCS', cached: true, complete: true, nodes: 10 });
    expect(eventsOf(logs, 'fetch')).toHaveLength(2);
    expect(after.status).toBe(200);
  });
});
