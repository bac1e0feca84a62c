/** Middleware that delays every response by a fixed number of milliseconds. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { MiddlewareHandler } from 'hono';

export function createLatencyMiddleware(latencyMs: number): MiddlewareHandler {
  return async (_c, next) => {
    await sleep(latencyMs);
    await next();
  };
}
