/** Middleware that appends every served request, with its final status, to a log. */
import type { MiddlewareHandler } from 'hono';
import type { RequestLogEntry } from '../types.js';

export function createRequestLogMiddleware(log: RequestLogEntry[]): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const url = new URL(c.req.url);
    log.push({
      method: c.req.method,
      path: url.pathname,
      query: url.search.replace(/^\?/, ''),
      status: c.res.status,
    });
  };
}
