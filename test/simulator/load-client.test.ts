import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { runLoad } from '../../bench/load-http1.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { authHeader } from './helpers.js';

const running: RunningSimulator[] = [];
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
});

async function start(): Promise<RunningSimulator> {
  const sim = await startSimulator({ flavor: 'dc-9', generate: { key: 'DEMO', pages: 300, seed: 1, flavor: 'dc-9' } });
  running.push(sim);
  return sim;
}

describe('benchmark load client', () => {
  test('counts body bytes and requests', async () => {
    const sim = await start();
    const paths = ['/rest/api/space/DEMO', '/rest/api/content?spaceKey=DEMO&type=page&expand=ancestors&limit=50', '/rest/api/content?spaceKey=DEMO&limit=0'];
    const lengths: number[] = [];
    for (const path of paths) {
      const response = await fetch(new URL(path, sim.origin), { headers: { Authorization: authHeader(sim) } });
      lengths.push((await response.arrayBuffer()).byteLength);
    }
    sim.resetLog();

    const result = await runLoad({ paths, origin: sim.origin, authorization: authHeader(sim), requests: 31, concurrency: 4 });

    // 31 requests take the three paths in turn: 11, 10 and 10 times.
    expect(result.bytes).toBe(11 * lengths[0]! + 10 * lengths[1]! + 10 * lengths[2]!);
    expect(result.failures).toBe(0);
    expect(sim.requests).toHaveLength(31);
    expect(sim.requests.every((entry) => entry.status === 200)).toBe(true);
  });

  test('counts non-200 responses as failures', async () => {
    const sim = await start();

    const result = await runLoad({ paths: ['/rest/api/space/DEMO'], origin: sim.origin, authorization: 'Bearer wrong-token', requests: 5, concurrency: 2 });

    expect(result.failures).toBe(5);
    expect(result.bytes).toBeGreaterThan(0);
  });

  test('rejects chunked responses', async () => {
    const server = createServer((_request, response) => {
      response.write('{"partial":');
      response.end('true}');
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    await expect(runLoad({ paths: ['/'], origin, authorization: 'Bearer none', requests: 1, concurrency: 1 })).rejects.toThrow(/Transfer-Encoding/);
  });
});
