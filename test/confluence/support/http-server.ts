/**
 * A small `node:http` server on 127.0.0.1 and port 0 for HTTP layer tests. It
 * records every request with its start time and counts requests in flight.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingHttpHeaders;
  /** `performance.now()` when the request arrived, in milliseconds. */
  startedAt: number;
}

/** Handles request number `index` (counting from 0). */
export type Handler = (request: IncomingMessage, response: ServerResponse, index: number) => void | Promise<void>;

export interface TestServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  origin: string;
  requests: RecordedRequest[];
  /** Highest number of requests in flight at once so far. */
  maxInFlight: number;
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<TestServer> {
  let inFlight = 0;
  const state: TestServer = {
    origin: '',
    requests: [],
    maxInFlight: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server = createServer((request, response) => {
    const index = state.requests.length;
    state.requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      startedAt: performance.now(),
    });

    inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    response.on('close', () => {
      inFlight -= 1;
    });

    void Promise.resolve(handler(request, response, index)).catch((error: unknown) => {
      response.statusCode = 599;
      response.end(String(error));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  state.origin = `http://127.0.0.1:${port}`;
  return state;
}

/** Returns a loopback port on which nothing listens: bound once, then closed. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Sends `body` as JSON with `status`. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
