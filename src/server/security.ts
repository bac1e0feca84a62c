import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Content-Security-Policy of every response: scripts, styles and fetches
 * only from this server, and no inline script or style, no plugin, frame or
 * foreign form target. The web components style themselves with constructed
 * style sheets, which this policy allows.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    // A plain-HTTP loopback server has no use for HSTS, and browsers ignore it over HTTP.
    strictTransportSecurity: false,
  });
}

/**
 * Rejects requests whose Host header is not one of `allowedHosts`, with 421.
 * A server bound to loopback is only reached under a loopback name, so another
 * name means DNS rebinding: a web page that points its own host name at
 * 127.0.0.1 to read this server's answers.
 */
export function hostGuard(allowedHosts: ReadonlySet<string>): MiddlewareHandler {
  return async (context, next) => {
    const host = (context.req.header('host') ?? '').toLowerCase();
    if (!allowedHosts.has(host)) {
      return context.json({ error: `Invalid Host header "${host}": open this server under the address it printed at start-up.` }, 421);
    }
    await next();
  };
}

/**
 * Rejects a state-changing request that a browser sends from another site,
 * with 403. Browsers send `Origin` on every cross-origin POST (Fetch Standard),
 * so a request without `Origin` and `Sec-Fetch-Site` comes from a program
 * such as curl, which no web page can make act for the user.
 */
export function rejectCrossSite(): MiddlewareHandler {
  return async (context, next) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(context.req.method)) {
      const origin = context.req.header('origin');
      const site = context.req.header('sec-fetch-site');
      const ownOrigin = new URL(context.req.url).origin;
      if ((origin !== undefined && origin !== ownOrigin) || (site !== undefined && site !== 'same-origin' && site !== 'none')) {
        return context.json({ error: `Cross-site request from ${origin ?? 'another site'} rejected: call this endpoint from the server's own pages or from a program.` }, 403);
      }
    }
    await next();
  };
}
