/**
 * Listing bodies assembled from cached item JSON. Serializing a 250-item page
 * costs more than the rest of the request. So each item's JSON text is cached
 * in the store, keyed by node and representation, and a page joins the cached texts.
 */
import type { Context } from 'hono';
import type { SpaceStore, StoredNode } from '../store/space-store.js';

/** Longer expand strings are serialized without caching, so odd requests cannot grow the cache. */
const MAX_CACHED_KEY_LENGTH = 200;

/** Returns the JSON text of one item, cached under `representation` and the node id. */
export function itemJson(store: SpaceStore, node: StoredNode, representation: string, build: () => unknown): string {
  if (representation.length > MAX_CACHED_KEY_LENGTH) {
    return JSON.stringify(build());
  }
  return store.cached(`json:${representation}:${node.id}`, () => JSON.stringify(build()));
}

/**
 * Responds with `{"results":[ITEMS], ...rest}`: `items` are JSON texts, and
 * `rest` contains the other top-level fields in order.
 */
export function respondWithResults(c: Context, items: readonly string[], rest: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  let body = `{"results":[${items.join(',')}]`;
  for (const [name, value] of Object.entries(rest)) {
    body += `,${JSON.stringify(name)}:${JSON.stringify(value)}`;
  }
  body += '}';
  return c.body(body, 200, { 'Content-Type': 'application/json', ...headers });
}
