import { afterEach, describe, expect, test } from 'vitest';
import { startSimulator, type Faults, type RunningSimulator, type SimulatorFlavorName, type SpaceDefinition } from '../../src/simulator/index.js';
import { sampleLatency } from '../../src/simulator/faults/latency.js';
import { authHeader, collectV1, collectV2, getJson } from './helpers.js';

const running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

function flatSpace(count: number): SpaceDefinition {
  return {
    key: 'FLAT',
    homepageId: '100',
    pages: Array.from({ length: count }, (_, index) => ({
      id: String(100 + index),
      title: `Page ${String(index).padStart(3, '0')}`,
      parentId: index === 0 ? null : '100',
      position: index,
    })),
  };
}

async function start(flavor: SimulatorFlavorName, faults: Faults, count = 30): Promise<RunningSimulator> {
  const sim = await startSimulator({ flavor, faults, spaces: [flatSpace(count)] });
  running.push(sim);
  return sim;
}

/** Sends `count` sequential requests and returns their statuses, or 'reset' for a failed connection. */
async function statuses(sim: RunningSimulator, path: string, count: number): Promise<(number | string)[]> {
  const result: (number | string)[] = [];
  for (let i = 0; i < count; i++) {
    try {
      const response = await fetch(new URL(path, sim.origin), { headers: { Authorization: authHeader(sim) }, signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      result.push(response.status);
    } catch {
      result.push('reset');
    }
  }
  return result;
}

describe('latency distributions', () => {
  test('same seed gives same delays', () => {
    const tail = { kind: 'long-tail', medianMs: 20, p99Ms: 2000 } as const;
    const first = Array.from({ length: 50 }, (_, n) => sampleLatency(tail, 7, n));
    const second = Array.from({ length: 50 }, (_, n) => sampleLatency(tail, 7, n));
    expect(first).toEqual(second);
    expect(Array.from({ length: 50 }, (_, n) => sampleLatency(tail, 8, n))).not.toEqual(first);
  });

  test('long tail has median and tail', () => {
    const tail = { kind: 'long-tail', medianMs: 20, p99Ms: 2000 } as const;
    const delays = Array.from({ length: 20_000 }, (_, n) => sampleLatency(tail, 1, n)).sort((a, b) => a - b);
    expect(delays[10_000]!).toBeGreaterThan(17);
    expect(delays[10_000]!).toBeLessThan(23);
    expect(delays[19_800]!).toBeGreaterThan(1500);
    expect(delays[19_800]!).toBeLessThan(2700);
  });

  test('uniform stays in range', () => {
    const delays = Array.from({ length: 1000 }, (_, n) => sampleLatency({ kind: 'uniform', minMs: 5, maxMs: 9 }, 1, n));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...delays)).toBeLessThanOrEqual(9);
  });

  test('invalid distribution is rejected', async () => {
    await expect(startSimulator({ flavor: 'cloud', faults: { latency: { kind: 'uniform', minMs: 9, maxMs: 5 } } })).rejects.toThrow(
      'Invalid faults.latency.maxMs 5: use a number >= minMs (9).',
    );
  });
});

describe('per-request faults', () => {
  test('429 bursts carry absurd Retry-After', async () => {
    const sim = await start('cloud', { rateLimitBursts: { every: 4, length: 2, retryAfter: '9223372036854775807' } });
    const results = await statuses(sim, '/wiki/api/v2/spaces?keys=FLAT', 10);
    expect(results).toEqual([200, 200, 429, 429, 200, 200, 429, 429, 200, 200]);
    const burst = await fetch(new URL('/wiki/api/v2/spaces', sim.origin), { headers: { Authorization: authHeader(sim) } });
    expect(burst.status).toBe(429);
    expect(burst.headers.get('Retry-After')).toBe('9223372036854775807');
    expect(burst.headers.get('X-RateLimit-Reset')).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('data center bursts send rate-limit headers', async () => {
    const sim = await start('dc-8.5', { rateLimitBursts: { every: 2, length: 1 } });
    await statuses(sim, '/rest/api/space/FLAT', 1);
    const response = await fetch(new URL('/rest/api/space/FLAT', sim.origin), { headers: { Authorization: authHeader(sim) } });
    expect(response.status).toBe(429);
    expect(response.headers.get('X-RateLimit-Remaining')).toBe('0');
    expect(response.headers.get('X-RateLimit-Interval-Seconds')).toBe('1');
  });

  test('server errors are seeded', async () => {
    const run = async (seed: number) => {
      const sim = await start('cloud', { serverErrors: { rate: 0.4 }, seed });
      return statuses(sim, '/wiki/api/v2/spaces', 40);
    };
    const first = await run(3);
    expect(await run(3)).toEqual(first);
    expect(await run(4)).not.toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 500, 502, 503, 504]));
  });

  test('connection resets send no response', async () => {
    const sim = await start('cloud', { connectionResets: 1 });
    expect(await statuses(sim, '/wiki/api/v2/spaces', 2)).toEqual(['reset', 'reset']);
    expect(sim.requests.map((request) => request.status)).toEqual([0, 0]);
  });

  test('timeouts hold the request', async () => {
    const sim = await start('cloud', { timeouts: 1 });
    const started = Date.now();
    await expect(fetch(new URL('/wiki/api/v2/spaces', sim.origin), { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  test('truncated JSON keeps status 200', async () => {
    const sim = await start('cloud', { truncatedJson: 1 });
    const response = await fetch(new URL('/wiki/api/v2/spaces', sim.origin), { headers: { Authorization: authHeader(sim) } });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(() => JSON.parse(text)).toThrow();
    expect(text.startsWith('{"results":[')).toBe(true);
  });

  test('slow bodies arrive in chunks', async () => {
    const sim = await start('cloud', { slowBodies: { rate: 1, chunkBytes: 100, delayMs: 20 } });
    const started = Date.now();
    const { status, body } = await getJson(sim, '/wiki/api/v2/spaces/98305/pages?limit=5');
    expect(status).toBe(200);
    expect(body.results).toHaveLength(5);
    // About 1.5 KB in 100-byte chunks with 20 ms between them.
    expect(Date.now() - started).toBeGreaterThan(200);
  });
});

describe('listing and data faults', () => {
  test('repeatPage repeats the first page', async () => {
    const sim = await start('dc-9', { repeatPage: true });
    const { pages } = await collectV1(sim, '/rest/api/content?spaceKey=FLAT&limit=10');
    const ids = pages.map((page) => page.results.map((item: any) => item.id));
    expect(ids[1]).toEqual(ids[0]);
    expect(ids[2]![0]).toBe('120');
  });

  test('repeatPage on v2 cursors', async () => {
    const sim = await start('cloud', { repeatPage: true });
    const { pages } = await collectV2(sim, '/wiki/api/v2/spaces/98305/pages?limit=10');
    expect(pages[1].results.map((item: any) => item.id)).toEqual(pages[0].results.map((item: any) => item.id));
    expect(pages).toHaveLength(3);
  });

  test('missing positions become none and null', async () => {
    const sim = await start('cloud', { missingPositions: 0.5, seed: 2 });
    const v2 = await collectV2(sim, '/wiki/api/v2/spaces/98305/pages?limit=250');
    const v1 = await collectV1(sim, '/wiki/rest/api/content/100/child/page?limit=100');
    const nulls = v2.items.filter((item) => item.position === null).length;
    expect(nulls).toBeGreaterThan(5);
    expect(nulls).toBeLessThan(25);
    expect(v1.items.filter((item) => item.extensions.position === 'none')).toHaveLength(v2.items.filter((item) => item.parentId === '100' && item.position === null).length);
  });

  test('mutations move and trash pages mid-crawl', async () => {
    const pages = [
      ...flatSpace(10).pages,
      { id: '200', title: 'Hub', parentId: '100', position: 20 },
      { id: '201', title: 'Under hub', parentId: '200', position: 0 },
    ];
    const sim = await startSimulator({ flavor: 'cloud', spaces: [{ key: 'MUT', homepageId: '100', pages }], faults: { mutations: { afterRequests: 2, moves: 2, deletes: 1 }, seed: 5 } });
    running.push(sim);
    const before = JSON.stringify(sim.expectedTree('MUT'));
    await statuses(sim, '/wiki/api/v2/spaces', 1);
    const first = await collectV2(sim, '/wiki/api/v2/spaces/98305/pages?status=current');
    expect(first.items).toHaveLength(12);
    expect(JSON.stringify(sim.expectedTree('MUT'))).toBe(before);
    await statuses(sim, '/wiki/api/v2/spaces', 1);
    expect(JSON.stringify(sim.expectedTree('MUT'))).not.toBe(before);
    // The same listing URL again: the cached response must not survive the change.
    const second = await collectV2(sim, '/wiki/api/v2/spaces/98305/pages?status=current');
    expect(second.items).toHaveLength(11);
    const movedParents = second.items.filter((item) => first.items.some((old) => old.id === item.id && old.parentId !== item.parentId));
    expect(movedParents.length).toBeGreaterThan(0);
  });

  test('keyset cursors survive mid-listing deletions', async () => {
    const sim = await startSimulator({ flavor: 'cloud', spaces: [{ key: 'KEY', homepageId: '100', pages: flatSpace(30).pages }], faults: { mutations: { afterRequests: 2, moves: 0, deletes: 3 }, seed: 9 } });
    running.push(sim);
    const idsOf = (nodes: { id: string; children: unknown[] }[]): string[] => nodes.flatMap((node) => [node.id, ...idsOf(node.children as typeof nodes)]);
    const before = idsOf(sim.expectedTree('KEY'));

    // Requests 1 and 2 read the first two pages. The third page is read after
    // three pages were trashed, and must still start after the second page's last item.
    const listing = await collectV2(sim, '/wiki/api/v2/spaces/98305/pages?status=current&limit=10');
    const after = idsOf(sim.expectedTree('KEY'));
    const served = listing.items.map((item) => String(item.id));
    const firstTwenty = [...before].sort((a, b) => Number(a) - Number(b)).slice(0, 20);
    const trashedEarly = firstTwenty.filter((id) => !after.includes(id));

    expect(trashedEarly.length).toBeGreaterThan(0);
    expect(after.filter((id) => !served.includes(id))).toEqual([]);
    const cursor = new URL(String(listing.pages[0]._links.next), sim.origin).searchParams.get('cursor') ?? '';
    expect(JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'))).toEqual({ id: served[9], contentOrder: 'id', contentOrderValue: Number(served[9]) });
  });
});
