import { describe, expect, test } from 'vitest';
import { generateSpace, startSimulator, type Faults, type RunningSimulator, type SpaceDefinition } from '../../src/simulator/index.js';
import { authHeader, collectV1, collectV2, getJson, pageIds, sortedIds } from './helpers.js';

/** Returns a space of a home page with `count - 1` children, ids 100, 101, …, positioned in id order. */
function flatSpace(count: number): SpaceDefinition {
  return {
    key: 'FLAT',
    homepageId: '100',
    pages: Array.from({ length: count }, (_, index) => ({
      id: String(100 + index),
      title: index === 0 ? 'Home' : `Page ${index}`,
      parentId: index === 0 ? null : '100',
      position: index,
    })),
  };
}

const FLAT_IDS = (count: number) => Array.from({ length: count }, (_, index) => String(100 + index));

async function withSimulator(
  flavor: 'cloud' | 'datacenter',
  faults: Faults,
  spaces: SpaceDefinition[],
  run: (sim: RunningSimulator) => Promise<void>,
): Promise<void> {
  const sim = await startSimulator({ flavor, faults, spaces });
  try {
    await run(sim);
  } finally {
    await sim.close();
  }
}

describe('listing faults', () => {
  test('capSequence caps each page in turn', async () => {
    await withSimulator('datacenter', { capSequence: [5, 3] }, [flatSpace(23)], async (sim) => {
      const { items, pages } = await collectV1(sim, '/rest/api/content?spaceKey=FLAT&limit=10');
      expect(pages.map((page) => page.size)).toEqual([5, 3, 3, 3, 3, 3, 3]);
      expect(pages.map((page) => page.limit)).toEqual([5, 3, 3, 3, 3, 3, 3]);
      expect(pages.map((page) => page.start)).toEqual([0, 5, 8, 11, 14, 17, 20]);
      expect(items.map((item) => item.id)).toEqual(FLAT_IDS(23));
    });
  });

  test('capSequence of 500 under limit=2000', async () => {
    const space = generateSpace({ pages: 1200, seed: 5, flavor: 'datacenter' });
    await withSimulator('datacenter', { capSequence: [500, 200] }, [space], async (sim) => {
      const { items, pages } = await collectV1(sim, '/rest/api/content?spaceKey=DEMO&type=page&limit=2000');
      expect(pages.map((page) => page.size)).toEqual([500, 200, 200, 200, 96]);
      expect(items.map((item) => item.id)).toEqual(sortedIds(pageIds(space, ['current'])));
    });
  });

  test('ignoreOffset repeats the first page', async () => {
    await withSimulator('datacenter', { ignoreOffset: true }, [flatSpace(30)], async (sim) => {
      const first = await getJson(sim, '/rest/api/content/100/child/page?limit=10');
      const later = await getJson(sim, '/rest/api/content/100/child/page?limit=10&start=20');
      const ids = (body: { results: { id: string }[] }) => body.results.map((item) => item.id);
      expect(ids(later.body)).toEqual(ids(first.body));
      expect(first.body._links.next).toBe('/rest/api/content/100/child/page?limit=10&start=10');
      expect(later.body._links.next).toBe('/rest/api/content/100/child/page?limit=10&start=30');
      const beyond = await getJson(sim, '/rest/api/content/100/child/page?limit=10&start=5000');
      expect(ids(beyond.body)).toEqual(ids(first.body));
      expect(beyond.body._links.next).toBeDefined();
    });
  });

  test('duplicateAcrossPages on v1 offsets', async () => {
    await withSimulator('datacenter', { duplicateAcrossPages: true }, [flatSpace(25)], async (sim) => {
      const { items, pages } = await collectV1(sim, '/rest/api/content?spaceKey=FLAT&limit=10');
      expect(pages[1].results[0].id).toBe(pages[0].results.at(-1).id);
      expect(pages[2].results[0].id).toBe(pages[1].results.at(-1).id);
      expect(items).toHaveLength(25 + 2);
      expect(sortedIds([...new Set(items.map((item) => item.id as string))])).toEqual(FLAT_IDS(25));
    });
  });

  test('duplicateAcrossPages on v2 cursors', async () => {
    const space = generateSpace({ pages: 60, seed: 4, flavor: 'cloud' });
    await withSimulator('cloud', { duplicateAcrossPages: true }, [space], async (sim) => {
      const { items, pages } = await collectV2(sim, `/wiki/api/v2/spaces/${sim.spaces[0]!.id}/pages?limit=20`);
      expect(pages[1].results[0].id).toBe(pages[0].results.at(-1).id);
      const unique = [...new Set(items.map((item) => item.id as string))];
      expect(items.length).toBe(unique.length + pages.length - 1);
      expect(sortedIds(unique)).toEqual(sortedIds(pageIds(space, ['current', 'archived'])));
    });
  });

  test('nextPastEnd links to three empty pages', async () => {
    await withSimulator('datacenter', { nextPastEnd: true }, [flatSpace(23)], async (sim) => {
      const { items, pages } = await collectV1(sim, '/rest/api/content?spaceKey=FLAT&limit=10');
      expect(pages.map((page) => page.size)).toEqual([10, 10, 3, 0, 0, 0]);
      expect(pages.map((page) => page._links.next === undefined)).toEqual([false, false, false, false, false, true]);
      expect(items.map((item) => item.id)).toEqual(FLAT_IDS(23));
    });
  });
});

describe('scrambleAncestors', () => {
  const space = generateSpace({ pages: 200, seed: 9, flavor: 'datacenter' });
  const byId = new Map(space.pages.map((page) => [page.id, page]));
  const chainOf = (id: string) => {
    const chain: string[] = [];
    for (let parent = byId.get(id)!.parentId; parent !== null; parent = byId.get(parent)!.parentId) {
      chain.unshift(parent);
    }
    return chain;
  };
  const deepest = space.pages.reduce((best, page) => (chainOf(page.id).length > chainOf(best.id).length ? page : best));

  test('shuffles and duplicates one ancestor', async () => {
    await withSimulator('datacenter', { scrambleAncestors: true, seed: 3 }, [space], async (sim) => {
      const { body } = await getJson(sim, `/rest/api/content/${deepest.id}?expand=ancestors`);
      const ids: string[] = body.ancestors.map((ancestor: { id: string }) => ancestor.id);
      const chain = chainOf(deepest.id);
      expect(ids).toHaveLength(chain.length + 1);
      expect(new Set(ids)).toEqual(new Set(chain));
      expect(ids).not.toEqual(chain);
    });
  });

  test('same seed gives the same order', async () => {
    const orders: string[] = [];
    const read = async () =>
      withSimulator('datacenter', { scrambleAncestors: true, seed: 3 }, [space], async (sim) => {
        const { body } = await getJson(sim, `/rest/api/content?spaceKey=DEMO&expand=ancestors&limit=100`);
        orders.push(JSON.stringify(body.results.map((item: { ancestors: { id: string }[] }) => item.ancestors.map((a) => a.id))));
      });
    await read();
    await read();
    expect(orders[0]).toBe(orders[1]);
  });
});

describe('rate limit', () => {
  test('cloud answers 429 with Retry-After', async () => {
    await withSimulator('cloud', { rateLimit: { rps: 3 } }, [flatSpace(3)], async (sim) => {
      const responses: Response[] = [];
      for (let i = 0; i < 10; i++) {
        responses.push(await fetch(`${sim.url}/api/v2/spaces`, { headers: { Authorization: authHeader(sim) } }));
      }
      const limited = responses.filter((response) => response.status === 429);
      expect(limited.length).toBeGreaterThanOrEqual(4);
      expect(responses.filter((response) => response.status === 200).length).toBeLessThanOrEqual(6);
      expect(limited[0]!.headers.get('retry-after')).toBe('1');
      expect(Date.parse(limited[0]!.headers.get('x-ratelimit-reset')!)).not.toBeNaN();
      expect((await limited[0]!.json()).errors[0]).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    });
  });

  test('huge Retry-After is passed through', async () => {
    await withSimulator('cloud', { rateLimit: { rps: 1, retryAfter: '9223372036854775807' } }, [flatSpace(3)], async (sim) => {
      const statuses: (string | null)[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await fetch(`${sim.url}/api/v2/spaces`, { headers: { Authorization: authHeader(sim) } });
        statuses.push(response.status === 429 ? response.headers.get('retry-after') : null);
      }
      expect(statuses).toContain('9223372036854775807');
    });
  });

  test('data center sends rate-limit headers', async () => {
    await withSimulator('datacenter', { rateLimit: { rps: 2 } }, [flatSpace(3)], async (sim) => {
      const first = await fetch(`${sim.url}/rest/api/space/FLAT`, { headers: { Authorization: authHeader(sim) } });
      expect(first.status).toBe(200);
      expect(first.headers.get('x-ratelimit-limit')).toBe('2');
      expect(first.headers.get('x-ratelimit-interval-seconds')).toBe('1');
      expect(first.headers.get('x-ratelimit-fillrate')).toBe('2');
      expect(Number(first.headers.get('x-ratelimit-remaining'))).toBeLessThanOrEqual(1);
      const later: Response[] = [];
      for (let i = 0; i < 6; i++) {
        later.push(await fetch(`${sim.url}/rest/api/space/FLAT`, { headers: { Authorization: authHeader(sim) } }));
      }
      const limited = later.find((response) => response.status === 429)!;
      expect(limited.headers.get('retry-after')).toBe('1');
      expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(await limited.json()).toMatchObject({ statusCode: 429 });
    });
  });
});

describe('other faults', () => {
  test('htmlLoginPage answers 200 HTML', async () => {
    await withSimulator('cloud', { htmlLoginPage: true }, [flatSpace(3)], async (sim) => {
      const response = await fetch(`${sim.url}/api/v2/spaces?keys=FLAT`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toMatch(/<form[^>]*>[\s\S]*password/i);
    });
  });

  test('latencyMs delays responses', async () => {
    await withSimulator('datacenter', { latencyMs: 120 }, [flatSpace(3)], async (sim) => {
      const started = performance.now();
      const response = await fetch(`${sim.url}/rest/api/space/FLAT`, { headers: { Authorization: authHeader(sim) } });
      expect(response.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    });
  });

  test('invalid faults are rejected', async () => {
    await expect(startSimulator({ flavor: 'cloud', faults: { capSequence: [0] } })).rejects.toThrow(/capSequence/);
    await expect(startSimulator({ flavor: 'cloud', faults: { rateLimit: { rps: 0 } } })).rejects.toThrow(/rps/);
  });
});
