/**
 * The simulator's Hono application: middleware in the order a real deployment
 * applies it, then the profile's routes, then an explicit 404 for everything else.
 *
 * Order: request log, content mutations, latency, per-request faults (resets,
 * timeouts, 5xx, 429 bursts, then truncated or slow bodies on the way out),
 * login page, rate limit, authentication, response cache, `Deprecation`
 * header on v1, routes. The login page comes early because an SSO proxy
 * responds before the request reaches Confluence. The `Deprecation` header
 * comes after the cache, so that cached responses contain it.
 */
import { Hono } from 'hono';
import { createLatencyMiddleware } from '../faults/latency.js';
import { createLoginPageMiddleware } from '../faults/login-page.js';
import { createMutationMiddleware } from '../faults/content-mutations.js';
import { createRateLimitMiddleware } from '../faults/rate-limit.js';
import { createRequestFaultMiddleware, hasRequestFaults } from '../faults/request-faults.js';
import { createDeprecationMiddleware } from './deprecation.js';
import type { HandlerDeps } from '../handlers/deps.js';
import type { RequestLogEntry, SimulatorCredentials } from '../types.js';
import { createAuthMiddleware } from './auth.js';
import { errorResponse, HttpError, type ErrorStyle } from './errors.js';
import { createRequestLogMiddleware } from './request-log.js';
import { createResponseCacheMiddleware } from './response-cache.js';

export interface AppOptions {
  readonly deps: HandlerDeps;
  readonly credentials: SimulatorCredentials;
  readonly log: RequestLogEntry[];
  readonly onError: (error: unknown, request: { method: string; path: string }) => void;
}

/**
 * Returns the error body style for a request path: v2 under `/api/v2`, v1
 * under `/rest/`, and the profile's default elsewhere.
 */
export function createErrorStyleResolver(deps: HandlerDeps): (path: string) => ErrorStyle {
  const v2Prefix = `${deps.site.sitePath}/api/v2/`;
  const v1Prefix = `${deps.site.sitePath}/rest/`;
  return (path) => {
    if (path.startsWith(v2Prefix) || path === v2Prefix.slice(0, -1)) {
      return 'v2';
    }
    if (path.startsWith(v1Prefix)) {
      return 'v1';
    }
    return deps.profile.defaultErrorStyle;
  };
}

export function createApp(options: AppOptions): Hono {
  const { deps } = options;
  const errorStyleFor = createErrorStyleResolver(deps);
  const app = new Hono();

  app.use('*', createRequestLogMiddleware(options.log));
  if (deps.faults.mutations) {
    app.use('*', createMutationMiddleware(deps.store, { ...deps.faults.mutations, seed: deps.faults.seed }));
  }
  if (deps.faults.latency) {
    app.use('*', createLatencyMiddleware(deps.faults.latency, deps.faults.seed));
  }
  if (hasRequestFaults(deps.faults)) {
    app.use('*', createRequestFaultMiddleware(deps.faults, deps.profile, errorStyleFor));
  }
  if (deps.faults.htmlLoginPage) {
    app.use('*', createLoginPageMiddleware());
  }
  if (deps.faults.rateLimit) {
    app.use('*', createRateLimitMiddleware(deps.faults.rateLimit, deps.profile, errorStyleFor));
  }
  app.use('*', createAuthMiddleware(options.credentials, deps.profile, errorStyleFor));
  // The rate limit adds headers to c.res and request faults replace it, after the cache has run.
  const postProcessesResponses = deps.faults.rateLimit !== null || hasRequestFaults(deps.faults);
  app.use('*', createResponseCacheMiddleware(deps.store, { writeHitsDirectly: !postProcessesResponses }));
  if (deps.profile.v1.deprecated) {
    app.use(`${deps.site.sitePath}/rest/*`, createDeprecationMiddleware());
  }

  for (const route of deps.profile.routes) {
    app.get(`${deps.site.sitePath}${route.path}`, route.create(deps));
  }

  app.notFound((c) =>
    errorResponse(errorStyleFor(c.req.path), 404, `No endpoint for ${c.req.method} ${c.req.path} in the ${deps.profile.name} simulator.`),
  );
  app.onError((error, c) => {
    if (error instanceof HttpError) {
      return errorResponse(errorStyleFor(c.req.path), error.status, error.message);
    }
    options.onError(error, { method: c.req.method, path: c.req.path });
    return errorResponse(errorStyleFor(c.req.path), 500, `Internal simulator error: ${error.message}`);
  });
  return app;
}
