import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RawHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface RawServer {
  /** Base URL, e.g. `http://127.0.0.1:PORT`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts a loopback HTTP server that responds to every request with `handler`,
 * for playing broken sites that the simulator has no option for.
 */
export async function startRawServer(handler: RawHandler): Promise<RawServer> {
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer(handler);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise((closed) => server.close(closed));
    },
  };
}

/** Returns a loopback port that was free a moment ago and has nothing listening. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  await new Promise((closed) => server.close(closed));
  return port;
}

/** Returns a handler that responds with a fixed status, content type and body. */
export function fixed(status: number, contentType: string, body: string): RawHandler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': contentType });
    response.end(body);
  };
}
