/**
 * `Deprecation` header of Cloud REST v1 responses. The value is an RFC 9745
 * structured date: '@' and the Unix time when the endpoints were deprecated.
 * NOTE: the date that Cloud sends is not documented. The simulator sends a
 * fixed, arbitrary date (2023-08-01), so clients must not rely on its value.
 */
import type { MiddlewareHandler } from 'hono';

const DEPRECATED_SINCE = `@${Date.UTC(2023, 7, 1) / 1000}`;

export function createDeprecationMiddleware(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('Deprecation', DEPRECATED_SINCE);
  };
}
