import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { getRequestListener } from '@hono/node-server';

import { redactUrl } from '../confluence/index.js';
import { fetchSpaceTree } from '../fetch/fetch-space-tree.js';
import type { FetchResult } from '../fetch/types.js';
import { createServerApp } from './app.js';
import { describeFetchFailure } from './fetch-errors.js';
import { createServerLog, stderrLine, type ServerLog } from './log.js';
import { DEFAULT_MAX_AGE_MS, validateServeOptions, type ServeOptions } from './options.js';
import { TreeCache } from './tree-cache.js';

export interface RunningServer {
  /** Base URL, such as `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  /** Stops accepting connections, closes open ones and logs `stop`. */
  close(): Promise<void>;
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|localhost|::1)$/;

/**
 * Starts the tree server and resolves once it accepts connections. The
 * Confluence site and credentials come from `options` only, so no request can
 * point the server at another host. Throws an InvalidOptionError for invalid options.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  validateServeOptions(options);
  const host = options.host ?? '127.0.0.1';
  const log = createServerLog(options.log ?? stderrLine);
  const cache = new TreeCache((spaceKey) => fetchLogged(options, spaceKey, log), options.maxAgeMs ?? DEFAULT_MAX_AGE_MS);

  const server = createServer();
  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const app = createServerApp({
    spaces: options.spaces,
    cache,
    log,
    allowedHosts: LOOPBACK.test(host) ? loopbackHosts(port) : null,
  });
  server.on('request', getRequestListener(app.fetch, { overrideGlobalObjects: false }));

  log('info', 'start', {
    url,
    site: redactUrl(options.site),
    spaces: options.spaces,
    maxAgeSeconds: (options.maxAgeMs ?? DEFAULT_MAX_AGE_MS) / 1000,
    loopbackOnly: LOOPBACK.test(host),
  });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => {
        log('info', 'stop', { url });
        if (error) reject(error);
        else resolve();
      });
      server.closeAllConnections();
    });
    return closing;
  };
  return { url, port, close };
}

/** Host headers under which a loopback server is reached. */
function loopbackHosts(port: number): Set<string> {
  return new Set(['127.0.0.1', 'localhost', '[::1]'].map((name) => `${name}:${port}`));
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(new Error(`Could not listen on ${host}:${port}: ${error.message}. Pick another port with --port, or 0 for a free one.`));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** Fetches one space and logs the fetch, or logs and re-throws its error. */
async function fetchLogged(options: ServeOptions, spaceKey: string, log: ServerLog): Promise<FetchResult> {
  const started = Date.now();
  try {
    const result = await fetchSpaceTree({
      site: options.site,
      credentials: options.credentials,
      flavor: options.flavor ?? 'auto',
      spaceKey,
      http: options.http,
    });
    log(result.complete ? 'info' : 'warn', 'fetch', {
      space: spaceKey,
      durationMs: Date.now() - started,
      nodes: result.stats.nodes,
      requests: result.stats.requests,
      complete: result.complete,
      warnings: result.warnings.length,
      flavor: result.flavor,
    });
    return result;
  } catch (error) {
    const failure = describeFetchFailure(error);
    log('error', 'fetch-failed', {
      space: spaceKey,
      durationMs: Date.now() - started,
      status: failure.status,
      message: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}
