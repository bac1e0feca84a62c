import { afterEach } from 'vitest';
import type { Credentials } from '../../src/confluence/types.js';
import { fetchSpaceTree } from '../../src/fetch/fetch-space-tree.js';
import type { FetchTreeOptions } from '../../src/fetch/options.js';
import type { FetchResult } from '../../src/fetch/types.js';
import type { TreeNode } from '../../src/tree/types.js';
import { startSimulator, type ExpectedNode, type RunningSimulator, type SimulatorOptions } from '../../src/simulator/index.js';

const running: RunningSimulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

/** Starts a simulator on a free loopback port, closed after the current test. */
export async function simulate(options: SimulatorOptions): Promise<RunningSimulator> {
  const simulator = await startSimulator(options);
  running.push(simulator);
  return simulator;
}

/** Returns the credentials a user would configure for this simulator. */
export function credentialsFor(simulator: RunningSimulator): Credentials {
  return simulator.flavor === 'cloud'
    ? { kind: 'basic', username: simulator.credentials.username, secret: simulator.credentials.apiToken }
    : { kind: 'bearer', token: simulator.credentials.personalToken };
}

/** Test HTTP settings: real retries, with delays shrunk to milliseconds. */
export const FAST_HTTP = { backoffBaseMs: 5, backoffMaxMs: 50, maxRetryAfterMs: 200, timeoutMs: 5000 } as const;

export function fetchFrom(simulator: RunningSimulator, spaceKey: string, options: Partial<FetchTreeOptions> = {}): Promise<FetchResult> {
  return fetchSpaceTree({
    site: simulator.url,
    spaceKey,
    credentials: credentialsFor(simulator),
    ...options,
    http: { ...FAST_HTTP, ...options.http },
  });
}

/** Reduces fetched nodes to the shape of the simulator's expected tree. */
export function shapeOf(nodes: TreeNode[]): ExpectedNode[] {
  return nodes.map((node) => ({ id: node.id, title: node.title, type: node.type, children: shapeOf(node.children) }));
}

/** Request paths served, without the query. */
export function pathsOf(simulator: RunningSimulator): string[] {
  return simulator.requests.map((request) => request.path);
}

/**
 * Drops folders, whiteboards, databases and embeds with no page below them:
 * Cloud REST v2 lists pages only, so such containers are not discoverable
 * from a space's page listing.
 */
export function withoutPagelessContainers(nodes: ExpectedNode[]): ExpectedNode[] {
  const kept: ExpectedNode[] = [];
  for (const node of nodes) {
    const children = withoutPagelessContainers(node.children);
    if (node.type === 'page' || children.length > 0) {
      kept.push({ ...node, children });
    }
  }
  return kept;
}
