/**
 * A bounded cache of successful JSON responses by request URL.
 *
 * Every response is a pure function of the path, the query and the store's
 * content, listing faults included. Authentication runs before the cache, so a
 * repeated request gets the stored bytes without serializing them again.
 * `SpaceStore.invalidate` empties the cache when content changes. Per-request
 * faults run before the cache and still apply.
 *
 * A hit does not copy the body. Data Center listings with `expand=ancestors`
 * are about 1 MiB per page, and copying each one, with the garbage collection
 * that followed, took about a third of the simulator's CPU time in
 * `npm run bench:simulator`. Every response served from one entry therefore
 * reads the same bytes, and nothing may modify them.
 */
import type { ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { MiddlewareHandler } from 'hono';
import type { SpaceStore } from '../store/space-store.js';

export interface ResponseCacheOptions {
  /**
   * Whether a GET hit is written straight to the Node.js `ServerResponse`,
   * with no web `Response` or `ReadableStream` in between. Set it only when no
   * middleware registered before the cache reads or changes `c.res` after
   * `next()`, apart from its status, because such a middleware reads a
   * placeholder response and cannot change what was sent.
   */
  readonly writeHitsDirectly: boolean;
}

interface CachedResponse {
  readonly body: Uint8Array;
  /**
   * Headers of the web `Response`, without `content-length`. Hono (4.13)
   * copies the headers of a replaced `c.res` onto its replacement, so a length
   * here would outlive the body of a truncated copy.
   */
  readonly headers: Record<string, string>;
  /** `headers` plus `content-length`, for `ServerResponse.writeHead`, which otherwise chooses chunked encoding. */
  readonly headersWithLength: Record<string, string>;
}

/** Maximum cached responses and their total body size; the least recently used ones are dropped first. */
const MAX_ENTRIES = 1024;
// 512 MiB fits every page of a 50,000-page Data Center listing with expand=ancestors (about 270 MB).
const MAX_BYTES = 512 * 2 ** 20;

/**
 * Returns a response that streams `entry.body` as its only chunk. A web
 * `Response` built from the bytes themselves would copy them.
 */
function responseOf(entry: CachedResponse): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(entry.body);
      controller.close();
    },
  });
  return new Response(stream, { status: 200, headers: entry.headers });
}

export function createResponseCacheMiddleware(store: SpaceStore, options: ResponseCacheOptions): MiddlewareHandler {
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
      // `outgoing` is missing when the app is called without @hono/node-server, for example through `app.request`.
      const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
      if (options.writeHitsDirectly && outgoing !== undefined && c.req.method === 'GET') {
        outgoing.writeHead(200, hit.headersWithLength);
        outgoing.end(hit.body);
        return RESPONSE_ALREADY_SENT;
      }
      return responseOf(hit);
    }

    await next();
    if (c.res.status !== 200 || !(c.res.headers.get('Content-Type') ?? '').includes('json')) {
      return;
    }
    const body = new Uint8Array(await c.res.arrayBuffer());
    const headers: Record<string, string> = {};
    c.res.headers.forEach((value, name) => {
      if (name !== 'content-length') {
        headers[name] = value;
      }
    });
    const entry: CachedResponse = { body, headers, headersWithLength: { ...headers, 'content-length': String(body.byteLength) } };
    entries.set(key, entry);
    totalBytes += body.byteLength;
    while (entries.size > MAX_ENTRIES || totalBytes > MAX_BYTES) {
      const [oldestKey, oldest] = entries.entries().next().value!;
      entries.delete(oldestKey);
      totalBytes -= oldest.body.byteLength;
    }
    c.res = responseOf(entry);
  };
}
