import { afterEach, describe, expect, test } from 'vitest';
import { startSimulator, type Faults, type RunningSimulator, type SimulatorFlavorName } from '../../src/simulator/index.js';
import { authHeader } from './helpers.js';

const running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

async function start(flavor: SimulatorFlavorName, faults: Faults = {}): Promise<RunningSimulator> {
  const sim = await startSimulator({ flavor, faults, generate: { key: 'DEMO', pages: 300, seed: 1, flavor } });
  running.push(sim);
  return sim;
}

interface RawResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

async function get(sim: RunningSimulator, path: string, method = 'GET'): Promise<RawResponse> {
  const response = await fetch(new URL(path, sim.origin), { method, headers: { Authorization: authHeader(sim) } });
  return { status: response.status, headers: response.headers, body: new Uint8Array(await response.arrayBuffer()) };
}

/** Returns the headers without `date`, which changes from second to second. */
function stableHeaders(headers: Headers): Record<string, string> {
  const result: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name !== 'date') {
      result[name] = value;
    }
  });
  return result;
}

describe('response cache', () => {
  test('hit repeats bytes and headers', async () => {
    const sim = await start('dc-9');
    const path = '/rest/api/content?spaceKey=DEMO&type=page&expand=ancestors&limit=200';
    const miss = await get(sim, path);
    const hit = await get(sim, path);

    expect(miss.status).toBe(200);
    expect(hit.status).toBe(200);
    expect(Buffer.from(hit.body).equals(Buffer.from(miss.body))).toBe(true);
    expect(stableHeaders(hit.headers)).toEqual(stableHeaders(miss.headers));
    expect(hit.headers.get('content-length')).toBe(String(hit.body.byteLength));
    expect(hit.headers.get('transfer-encoding')).toBeNull();
  });

  test('hit keeps Deprecation on Cloud v1', async () => {
    const sim = await start('cloud');
    const miss = await get(sim, '/wiki/rest/api/space/DEMO');
    const hit = await get(sim, '/wiki/rest/api/space/DEMO');

    expect(miss.status).toBe(200);
    expect(hit.status).toBe(200);
    expect(miss.headers.get('deprecation')).toMatch(/^@\d+$/);
    expect(hit.headers.get('deprecation')).toBe(miss.headers.get('deprecation'));
  });

  test('hit carries current rate-limit headers', async () => {
    const sim = await start('dc-9', { rateLimit: { rps: 100 } });
    const miss = await get(sim, '/rest/api/space/DEMO');
    const hit = await get(sim, '/rest/api/space/DEMO');

    expect(miss.headers.get('x-ratelimit-remaining')).toBe('99');
    expect(hit.headers.get('x-ratelimit-remaining')).toBe('98');
    expect(hit.headers.get('content-length')).toBe(String(hit.body.byteLength));
    expect(Buffer.from(hit.body).equals(Buffer.from(miss.body))).toBe(true);
  });

  test('truncated hit sends truncated length', async () => {
    const full = await get(await start('cloud'), '/wiki/api/v2/spaces');
    const sim = await start('cloud', { truncatedJson: 1 });
    const miss = await get(sim, '/wiki/api/v2/spaces');
    const hit = await get(sim, '/wiki/api/v2/spaces');

    const half = Math.floor(full.body.byteLength / 2);
    expect(miss.body.byteLength).toBe(half);
    expect(hit.body.byteLength).toBe(half);
    expect(hit.headers.get('content-length')).toBe(String(half));
  });

  test('cached bytes survive truncated copies', async () => {
    const sim = await start('cloud', { truncatedJson: 0.5, seed: 3 });
    const bodies: Buffer[] = [];
    for (let index = 0; index < 20; index++) {
      bodies.push(Buffer.from((await get(sim, '/wiki/api/v2/spaces')).body));
    }

    const longest = Math.max(...bodies.map((body) => body.byteLength));
    const complete = bodies.filter((body) => body.byteLength === longest);
    const truncated = bodies.filter((body) => body.byteLength < longest);
    expect(complete.length).toBeGreaterThan(0);
    expect(truncated.length).toBeGreaterThan(0);
    expect(() => JSON.parse(complete[0]!.toString('utf8'))).not.toThrow();
    for (const body of complete) {
      expect(body.equals(complete[0]!)).toBe(true);
    }
    for (const body of truncated) {
      expect(body.equals(complete[0]!.subarray(0, body.byteLength))).toBe(true);
    }
  });

  test('hits are logged', async () => {
    const sim = await start('dc-9');
    await get(sim, '/rest/api/space/DEMO?expand=homepage');
    await get(sim, '/rest/api/space/DEMO?expand=homepage');

    expect(sim.requests).toEqual([
      { method: 'GET', path: '/rest/api/space/DEMO', query: 'expand=homepage', status: 200 },
      { method: 'GET', path: '/rest/api/space/DEMO', query: 'expand=homepage', status: 200 },
    ]);
  });

  test('HEAD after GET has no body', async () => {
    const sim = await start('dc-9');
    await get(sim, '/rest/api/space/DEMO');
    const head = await get(sim, '/rest/api/space/DEMO', 'HEAD');

    expect(head.status).toBe(200);
    expect(head.body.byteLength).toBe(0);
  });

  test('hit needs valid credentials', async () => {
    const sim = await start('dc-9');
    await get(sim, '/rest/api/space/DEMO');
    const response = await fetch(new URL('/rest/api/space/DEMO', sim.origin), { headers: { Authorization: 'Bearer wrong-token' } });

    expect(response.status).toBe(401);
  });
});
