import { Hono } from 'hono';

import type { ServerLog } from './log.js';
import { apiRoutes } from './routes/api.js';
import { pageRoutes } from './routes/pages.js';
import { hostGuard, rejectCrossSite, securityHeaders } from './security.js';
import type { TreeCache } from './tree-cache.js';

export interface AppDependencies {
  spaces: readonly string[];
  cache: TreeCache;
  log: ServerLog;
  /** Accepted Host headers, or null to accept any (when bound to a non-loopback address). */
  allowedHosts: ReadonlySet<string> | null;
}

/** Builds the server's routes. Every response gets the security headers, and every uncaught error a 500 and a log entry. */
export function createServerApp(deps: AppDependencies): Hono {
  const app = new Hono();
  app.use(securityHeaders());
  if (deps.allowedHosts !== null) {
    app.use(hostGuard(deps.allowedHosts));
  }
  // A cross-site page may not POST a form to the refresh endpoint.
  app.use('/api/*', rejectCrossSite());

  app.route('/api', apiRoutes(deps));
  app.route('/', pageRoutes(deps.spaces));

  app.notFound((context) => context.json({ error: `Not found: ${context.req.method} ${context.req.path}` }, 404));
  app.onError((error, context) => {
    deps.log('error', 'request-failed', { method: context.req.method, path: context.req.path, message: error.message });
    return context.json({ error: 'Internal server error; the server log has the details.' }, 500);
  });
  return app;
}
