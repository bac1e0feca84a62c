import { createHash } from 'node:crypto';

import { Hono, type Context } from 'hono';

import { describeFetchFailure } from '../fetch-errors.js';
import type { ServerLog } from '../log.js';
import type { CachedTree, TreeCache } from '../tree-cache.js';
import { DEFAULT_SEARCH_LIMIT, MAX_QUERY_LENGTH, MAX_SEARCH_LIMIT, searchTitles } from '../tree-search.js';
import { pathOf, renderSlice, type SliceRequest } from '../tree-slice.js';

/**
 * Clients may keep a response but must revalidate it with its ETag before
 * each use, because a refresh can change the tree at any time.
 */
const API_CACHE_CONTROL = 'private, no-cache';

export interface ApiDependencies {
  spaces: readonly string[];
  cache: TreeCache;
  log: ServerLog;
}

/**
 * Builds the routes of the JSON API:
 * - `GET /api/spaces`: the served spaces and the state of their cached trees;
 * - `GET /api/spaces/KEY/tree?root=ID&depth=N`: a tree document, whole or a slice;
 * - `GET /api/spaces/KEY/pages/ID/path`: the path from the top level to a page;
 * - `GET /api/spaces/KEY/search?q=TEXT&limit=N`: nodes whose title contains TEXT, with their paths;
 * - `POST /api/spaces/KEY/refresh`: fetch the tree again now.
 */
export function apiRoutes(deps: ApiDependencies): Hono {
  const api = new Hono();
  // The last whole-tree body of each space, by ETag, because a page load
  // requests it once per component and rendering takes time linear in the tree size.
  const wholeTrees = new Map<string, { etag: string; body: string }>();

  api.get('/spaces', (context) => {
    const spaces = deps.spaces.map((key) => describeCached(key, deps.cache.peek(key)));
    context.header('Cache-Control', API_CACHE_CONTROL);
    return context.json({ spaces });
  });

  api.get('/spaces/:key/tree', async (context) => {
    const request = parseSlice(context.req.query('root'), context.req.query('depth'));
    if (typeof request === 'string') {
      return context.json({ error: request }, 400);
    }
    return withTree(context, deps, async (cached) => {
      const etag = `"${cached.generation}-${request.rootId ?? 'all'}-${request.depth ?? 'all'}"`;
      if (matchesEtag(context.req.header('if-none-match'), etag)) {
        return notModified(etag, cached);
      }
      const whole = request.rootId === null && request.depth === null;
      const stored = wholeTrees.get(cached.result.space.key);
      const body = whole && stored?.etag === etag ? stored.body : await renderSlice(cached.result, request);
      if (whole && body !== null) {
        wholeTrees.set(cached.result.space.key, { etag, body });
      }
      if (body === null) {
        return context.json({ error: `Page ${request.rootId} is not in space "${cached.result.space.key}": check the id, or leave out root for the whole space.` }, 404);
      }
      setCacheHeaders(context, etag, cached);
      return context.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    });
  });

  api.get('/spaces/:key/pages/:id/path', (context) =>
    withTree(context, deps, (cached) => {
      const id = context.req.param('id');
      const path = pathOf(cached.result, id);
      if (path === null) {
        return context.json({ error: `Page ${id} is not in space "${cached.result.space.key}".` }, 404);
      }
      const etag = `"${cached.generation}-path-${id}"`;
      if (matchesEtag(context.req.header('if-none-match'), etag)) {
        return notModified(etag, cached);
      }
      setCacheHeaders(context, etag, cached);
      return context.json({ space: cached.result.space.key, id, path });
    }),
  );

  api.get('/spaces/:key/search', (context) => {
    const request = parseSearch(context.req.query('q'), context.req.query('limit'));
    if (typeof request === 'string') {
      return context.json({ error: request }, 400);
    }
    return withTree(context, deps, (cached) => {
      const digest = createHash('sha256').update(`${request.limit}:${request.query}`).digest('base64url').slice(0, 22);
      const etag = `"${cached.generation}-search-${digest}"`;
      if (matchesEtag(context.req.header('if-none-match'), etag)) {
        return notModified(etag, cached);
      }
      const { total, matches } = searchTitles(cached.result, request.query, request.limit);
      setCacheHeaders(context, etag, cached);
      return context.json({
        space: cached.result.space.key,
        query: request.query,
        limit: request.limit,
        total,
        truncated: total > matches.length,
        matches: matches.map((path) => ({ id: path[path.length - 1]!.id, path })),
      });
    });
  });

  api.post('/spaces/:key/refresh', (context) =>
    withTree(context, deps, (cached) => {
      context.header('Cache-Control', 'no-store');
      return context.json(describeCached(cached.result.space.key, cached));
    }, 'refresh'),
  );

  return api;
}

/** Returns the slice request, or an error message for an invalid parameter. */
function parseSlice(root: string | undefined, depth: string | undefined): SliceRequest | string {
  if (root !== undefined && !/^\d{1,30}$/.test(root)) {
    return `Invalid root "${root}": use a numeric content id, such as 123456.`;
  }
  if (depth !== undefined && !/^[1-9]\d{0,5}$/.test(depth)) {
    return `Invalid depth "${depth}": use a whole number of levels, 1 or more.`;
  }
  return { rootId: root ?? null, depth: depth === undefined ? null : Number(depth) };
}

/** Returns the search text, trimmed, and the match limit, or an error message for an invalid parameter. */
function parseSearch(query: string | undefined, limit: string | undefined): { query: string; limit: number } | string {
  const text = query?.trim() ?? '';
  if (text === '') {
    return 'Missing search text: add q=TEXT, such as q=install.';
  }
  if (text.length > MAX_QUERY_LENGTH) {
    return `Search text too long (${text.length} characters): use at most ${MAX_QUERY_LENGTH}.`;
  }
  if (limit !== undefined && (!/^[1-9]\d{0,5}$/.test(limit) || Number(limit) > MAX_SEARCH_LIMIT)) {
    return `Invalid limit "${limit}": use a whole number from 1 to ${MAX_SEARCH_LIMIT}.`;
  }
  return { query: text, limit: limit === undefined ? DEFAULT_SEARCH_LIMIT : Number(limit) };
}

/**
 * Runs `handle` with the space's cached tree, or fetches it first. Returns 404
 * for a space key that the server does not serve, without contacting Confluence.
 */
async function withTree(
  context: Context,
  deps: ApiDependencies,
  handle: (cached: CachedTree) => Response | Promise<Response>,
  mode: 'get' | 'refresh' = 'get',
): Promise<Response> {
  const key = context.req.param('key') ?? '';
  if (!deps.spaces.includes(key)) {
    return context.json({ error: `Space "${key}" is not served here: use one of ${deps.spaces.join(', ')}.` }, 404);
  }
  let cached: CachedTree;
  try {
    cached = mode === 'refresh' ? await deps.cache.refresh(key) : await deps.cache.get(key);
  } catch (error) {
    const failure = describeFetchFailure(error);
    return context.json({ error: failure.message }, failure.status);
  }
  return handle(cached);
}

function describeCached(key: string, cached: CachedTree | null) {
  if (cached === null) {
    return { key, name: null, cached: false, fetchedAt: null, complete: null, nodes: null };
  }
  const { result } = cached;
  return { key, name: result.space.name ?? null, cached: true, fetchedAt: result.fetchedAt, complete: result.complete, nodes: result.stats.nodes };
}

/** Returns true when an If-None-Match header lists `etag` or is `*` (RFC 9110, section 13.1.2). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

function setCacheHeaders(context: Context, etag: string, cached: CachedTree): void {
  context.header('ETag', etag);
  context.header('Cache-Control', API_CACHE_CONTROL);
  context.header('Last-Modified', new Date(cached.loadedAt).toUTCString());
}

function notModified(etag: string, cached: CachedTree): Response {
  return new Response(null, {
    status: 304,
    headers: { ETag: etag, 'Cache-Control': API_CACHE_CONTROL, 'Last-Modified': new Date(cached.loadedAt).toUTCString() },
  });
}
