import { afterEach } from 'vitest';

import { startServer, type RunningServer, type ServeOptions } from '../../../src/server/index.js';
import type { RunningSimulator, SimulatorOptions } from '../../../src/simulator/index.js';
import { credentialsFor, FAST_HTTP, simulate } from '../../support/simulator.js';

const running: RunningServer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

export interface ServedSimulator {
  simulator: RunningSimulator;
  server: RunningServer;
  /** Parsed structured log entries, in order. */
  logs: Array<Record<string, unknown>>;
}

/** Starts a simulator and a tree server for its spaces on free loopback ports; both close after the current test. */
export async function serveSimulator(
  simulatorOptions: SimulatorOptions,
  serveOptions: Partial<ServeOptions> = {},
): Promise<ServedSimulator> {
  const simulator = await simulate(simulatorOptions);
  const logs: Array<Record<string, unknown>> = [];
  const server = await startServer({
    site: simulator.url,
    credentials: credentialsFor(simulator),
    flavor: simulator.flavor,
    spaces: simulator.spaces.map((space) => space.key),
    log: (line) => logs.push(JSON.parse(line) as Record<string, unknown>),
    ...serveOptions,
    http: { ...FAST_HTTP, ...serveOptions.http },
  });
  running.push(server);
  return { simulator, server, logs };
}

/** Returns the log entries of one event. */
export function eventsOf(logs: Array<Record<string, unknown>>, event: string): Array<Record<string, unknown>> {
  return logs.filter((entry) => entry['event'] === event);
}
