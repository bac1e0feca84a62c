/**
 * Middleware that appends every served request, with its final status, to a
 * log. Status 0 means that no response was sent because the connection was
 * reset or closed first.
 */
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { RequestLogEntry } from '../types.js';

export function createRequestLogMiddleware(log: RequestLogEntry[]): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const url = new URL(c.req.url);
    log.push({
      method: c.req.method,
      path: url.pathname,
      query: url.search.replace(/^\?/, ''),
      status: connectionClosed(c) ? 0 : c.res.status,
    });
  };
}

function connectionClosed(c: Context): boolean {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.destroyed ?? false;
}
