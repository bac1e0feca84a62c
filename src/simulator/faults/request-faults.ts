/**
 * Faults drawn per request: connection resets, requests left unanswered,
 * 5xx responses, bursts of 429, slow bodies and truncated JSON.
 *
 * Request number n (0-based, in order of arrival) draws from a generator seeded
 * with `deriveSeed(seed, 'request', n)`, always in the same order, so one seed
 * and one request order give the same faults on every run.
 */
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse, type ErrorStyle } from '../http/errors.js';
import type { FlavorProfile } from '../profiles/profile.js';
import { createRandom, deriveSeed } from '../random.js';
import type { ActiveFaults } from './active-faults.js';
import { burstHeaders } from './rate-limit.js';

type RequestFaults = Pick<
  ActiveFaults,
  'connectionResets' | 'timeouts' | 'serverErrors' | 'rateLimitBursts' | 'slowBodies' | 'truncatedJson' | 'seed'
>;

/** True when any fault of this module is on, so the middleware is worth installing. */
export function hasRequestFaults(faults: RequestFaults): boolean {
  return (
    faults.connectionResets > 0 ||
    faults.timeouts > 0 ||
    faults.serverErrors !== null ||
    faults.rateLimitBursts !== null ||
    faults.slowBodies !== null ||
    faults.truncatedJson > 0
  );
}

function incomingOf(c: Context): IncomingMessage | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
}

export function createRequestFaultMiddleware(
  faults: RequestFaults,
  profile: FlavorProfile,
  errorStyleFor: (path: string) => ErrorStyle,
): MiddlewareHandler {
  let n = 0;
  return async (c, next) => {
    const requestNumber = n++;
    const random = createRandom(deriveSeed(faults.seed, 'request', requestNumber));
    const socket = incomingOf(c)?.socket;

    if (random.chance(faults.connectionResets) && socket) {
      socket.destroy();
      return c.body(null, 500);
    }
    if (random.chance(faults.timeouts) && socket) {
      // Hold the request until the client gives up or the simulator closes.
      if (!socket.destroyed) {
        await once(socket, 'close');
      }
      return c.body(null, 504);
    }
    if (faults.serverErrors && random.chance(faults.serverErrors.rate)) {
      const status = random.pick(faults.serverErrors.statuses);
      const headers: Record<string, string> = status === 503 ? { 'Retry-After': '1' } : {};
      return errorResponse(errorStyleFor(c.req.path), status, `Simulated ${status} response.`, headers);
    }
    const burst = faults.rateLimitBursts;
    if (burst && requestNumber % burst.every >= burst.every - burst.length) {
      const headers = burstHeaders(profile, burst.retryAfter);
      return errorResponse(errorStyleFor(c.req.path), 429, 'Rate limit exceeded. Retry after the time in Retry-After.', headers);
    }

    const truncate = random.chance(faults.truncatedJson);
    const slow = faults.slowBodies !== null && random.chance(faults.slowBodies.rate);
    await next();

    if (truncate && (c.res.headers.get('Content-Type') ?? '').includes('json')) {
      c.res = await truncatedCopy(c.res);
    }
    if (slow && faults.slowBodies) {
      c.res = await slowCopy(c.res, faults.slowBodies.chunkBytes, faults.slowBodies.delayMs);
    }
  };
}

/** Returns the response with the first half of its body and the same status and headers. */
async function truncatedCopy(response: Response): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  headers.delete('Content-Length');
  return new Response(bytes.slice(0, Math.floor(bytes.length / 2)), { status: response.status, headers });
}

/** Returns the response with a body that arrives `chunkBytes` at a time, `delayMs` apart. */
async function slowCopy(response: Response, chunkBytes: number, delayMs: number): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (offset > 0) {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
      controller.enqueue(bytes.slice(offset, offset + chunkBytes));
      offset += chunkBytes;
      if (offset >= bytes.length) {
        controller.close();
      }
    },
  });
  const headers = new Headers(response.headers);
  headers.delete('Content-Length');
  return new Response(body, { status: response.status, headers });
}
