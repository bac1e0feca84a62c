/**
 * Starting and stopping a simulator on a loopback address.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { resolveFaults } from './faults/active-faults.js';
import { generateSpace } from './generate/generate-space.js';
import { createApp } from './http/app.js';
import { formatOrigin } from './http/site.js';
import { profileFor } from './profiles/index.js';
import { buildExpectedTree, countExpectedNodes, DEFAULT_EXPECTED_STATUSES } from './store/expected-tree.js';
import { SpaceStore } from './store/space-store.js';
import type {
  RequestLogEntry,
  RunningSimulator,
  SimulatorCredentials,
  SimulatorOptions,
  SpaceDefinition,
} from './types.js';

const DEFAULT_SECRETS = {
  apiToken: 'sim-api-token-2c6f1e0b9a7d4e3f',
  password: 'sim-password-5b8d2a71',
  personalToken: 'sim-personal-token-9e4c7a1f3b6d2e80',
};

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

function assertLoopback(host: string): void {
  if (!LOOPBACK_HOSTS.has(host) && !/^127(\.[0-9]{1,3}){3}$/.test(host)) {
    throw new Error(`Invalid host "${host}": the simulator binds loopback addresses only (127.0.0.1, ::1, localhost).`);
  }
}

/** Returns '' or '/segment[/segment…]' without a trailing slash. */
function normalizeContextPath(contextPath: string): string {
  const trimmed = contextPath.replace(/\/+$/, '');
  if (!/^(\/[A-Za-z0-9._~-]+)*$/.test(trimmed)) {
    throw new Error(`Invalid contextPath "${contextPath}": use '' or a path such as '/confluence'.`);
  }
  return trimmed;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(new Error(`Could not listen on ${host}:${port}: ${error.message}`));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function printError(error: unknown, request: { method: string; path: string }): void {
  console.error(`conftree simulator: ${request.method} ${request.path} failed:`, error);
}

/** Rejects permission ids that no served node has, which would otherwise change nothing without a word. */
function checkPermissionIds(definitions: readonly SpaceDefinition[], permissions: SimulatorOptions['permissions']): void {
  const known = new Set(definitions.flatMap((definition) => definition.pages.map((page) => page.id)));
  for (const kind of ['hidden', 'unreadable'] as const) {
    const unknown = (permissions?.[kind] ?? []).find((id) => !known.has(id));
    if (unknown !== undefined) {
      throw new Error(`Unknown node id "${unknown}" in permissions.${kind} (--${kind}): use ids of the served spaces' pages or folders.`);
    }
  }
}

/**
 * Starts a simulator and resolves once it accepts connections. Throws for a
 * non-loopback host, an invalid port or context path, invalid faults and
 * invalid space definitions.
 */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const profile = profileFor(options.flavor);
  const host = options.host ?? '127.0.0.1';
  assertLoopback(host);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid port ${port}: use an integer from 0 to 65535 (0 picks a free port).`);
  }
  const contextPath = normalizeContextPath(options.contextPath ?? '');
  const faults = resolveFaults(options.faults);

  const definitions: SpaceDefinition[] = options.spaces ?? [
    generateSpace({
      key: options.generate?.key ?? 'DEMO',
      pages: options.generate?.pages ?? 300,
      seed: options.generate?.seed ?? 1,
      flavor: options.generate?.flavor ?? options.flavor,
    }),
  ];
  checkPermissionIds(definitions, options.permissions);
  const store = new SpaceStore(definitions, profile.nodeTypes, {
    hidden: new Set(options.permissions?.hidden ?? []),
    unreadable: new Set(options.permissions?.unreadable ?? []),
    missingPositions: faults.missingPositions > 0 ? { rate: faults.missingPositions, seed: faults.seed } : undefined,
  });
  const credentials: SimulatorCredentials = {
    username: options.credentials?.username ?? profile.defaultUsername,
    apiToken: options.credentials?.apiToken ?? DEFAULT_SECRETS.apiToken,
    password: options.credentials?.password ?? DEFAULT_SECRETS.password,
    personalToken: options.credentials?.personalToken ?? DEFAULT_SECRETS.personalToken,
  };

  const server = createServer();
  await listen(server, port, host);
  const origin = formatOrigin(host, (server.address() as AddressInfo).port);
  const sitePath = profile.sitePath(contextPath);
  const site = { origin, sitePath, base: `${origin}${sitePath}` };
  const requests: RequestLogEntry[] = [];
  const app = createApp({
    deps: { profile, store, site, faults },
    credentials,
    log: requests,
    onError: options.onError ?? printError,
  });
  server.on('request', getRequestListener(app.fetch, { overrideGlobalObjects: false }));

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
    return closing;
  };

  return {
    url: site.base,
    origin,
    flavor: profile.family,
    profile: profile.name,
    product: profile.product,
    spaces: store.spaces.map((space) => ({
      key: space.key,
      id: space.id,
      name: space.name,
      homepageId: space.homepageId,
      visibleCount: countExpectedNodes(buildExpectedTree(space, DEFAULT_EXPECTED_STATUSES)),
    })),
    credentials,
    requests,
    resetLog: () => {
      requests.length = 0;
    },
    expectedTree: (spaceKey, opts) => {
      const space = store.findSpaceByKey(spaceKey);
      if (!space) {
        const known = store.spaces.map((candidate) => candidate.key).join(', ');
        throw new Error(`Unknown space key "${spaceKey}": the simulator serves ${known || 'no spaces'}.`);
      }
      return buildExpectedTree(space, opts?.statuses ?? DEFAULT_EXPECTED_STATUSES);
    },
    close,
  };
}
