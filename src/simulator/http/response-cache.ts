/**
 * A bounded cache of successful JSON responses by request path and query.
 *
 * Every response is a pure function of the path, the query and the store's
 * content, listing faults included. Authentication runs before the cache, so a
 * repeated request gets the stored bytes without serializing them again. `SpaceStore.invalidate` empties the cache when
 * content changes. Per-request faults run before the cache and still apply.
 */
import type { MiddlewareHandler } from 'hono';
import type { SpaceStore } from '../store/space-store.js';

interface CachedResponse {
  readonly body: ArrayBuffer;
  readonly headers: [string, string][];
}

/** Maximum cached responses and their total body size; the least recently used ones are dropped first. */
const MAX_ENTRIES = 1024;
// 512 MiB fits every page of a 50,000-page Data Center listing with expand=ancestors (about 270 MB).
const MAX_BYTES = 512 * 2 ** 20;

export function createResponseCacheMiddleware(store: SpaceStore): MiddlewareHandler {
  const entries = new Map<string, CachedResponse>();
  let totalBytes = 0;
  store.onInvalidate(() => {
    entries.clear();
    totalBytes = 0;
  });

  return async (c, next) => {
    const key = c.req.url;
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key);
      entries.set(key, hit);
      return new Response(hit.body, { status: 200, headers: hit.headers });
    }

    await next();
    if (c.res.status !== 200 || !(c.res.headers.get('Content-Type') ?? '').includes('json')) {
      return;
    }
    const body = await c.res.arrayBuffer();
    const headers: [string, string][] = [];
    c.res.headers.forEach((value, name) => headers.push([name, value]));
    entries.set(key, { body, headers });
    totalBytes += body.byteLength;
    while (entries.size > MAX_ENTRIES || totalBytes > MAX_BYTES) {
      const [oldestKey, oldest] = entries.entries().next().value!;
      entries.delete(oldestKey);
      totalBytes -= oldest.body.byteLength;
    }
    c.res = new Response(body, { status: 200, headers });
  };
}
