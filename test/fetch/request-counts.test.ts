/**
 * Request counts of a default fetch, per flavor and listing plan. The lower
 * bound is ceil(N / L) listing pages for N listed pages and page size L: 250
 * on Cloud REST v2, 200 on Data Center with `expand=ancestors`. Every fetch
 * adds the space lookup, and Data Center also the failed Cloud probe of flavor
 * detection. Cloud adds one CQL search for folders and other containers,
 * because v2 has no endpoint that lists a space's folders.
 */
import { describe, expect, it } from 'vitest';
import type { SimPage, SpaceDefinition } from '../../src/simulator/index.js';
import { fetchFrom, shapeOf, simulate } from '../support/simulator.js';

/** Added latency that makes the measured round trip long enough for parallel listings. */
const SLOW_LINK = { latencyMs: 60 };

function flatSpace(key: string, count: number): SpaceDefinition {
  const pages: SimPage[] = [{ id: '1', title: 'Home', parentId: null, position: 0 }];
  for (let index = 0; index < count - 1; index += 1) {
    pages.push({ id: String(5000 + index * 3), title: `Page ${index}`, parentId: '1', position: index });
  }
  return { key, homepageId: '1', pages };
}

describe('cloud request counts', () => {
  it.each([
    ['sequential', {}],
    ['two-way', SLOW_LINK],
  ])('stays within ceil(N/250) + 2 when %s', async (_plan, faults) => {
    const simulator = await simulate({ flavor: 'cloud', generate: { key: 'CNT', pages: 3000, seed: 4, flavor: 'cloud' }, faults });
    const result = await fetchFrom(simulator, 'CNT');

    const listings = simulator.requests.filter((request) => request.path.endsWith('/pages'));
    const searches = simulator.requests.filter((request) => request.path.endsWith('/content/search'));
    const containerReads = simulator.requests.filter((request) => /\/api\/v2\/(folders|whiteboards|databases|embeds)\//.test(request.path));
    expect(result.complete).toBe(true);
    expect(result.stats.nodes).toBeGreaterThan(result.stats.pages);
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('CNT'));
    expect(listings).toHaveLength(Math.ceil(result.stats.pages / 250));
    expect(searches).toHaveLength(1);
    expect(containerReads).toHaveLength(0);
    expect(result.stats.requests).toBe(2 + listings.length);
    expect(result.stats.requests).toBeLessThanOrEqual(Math.ceil(result.stats.nodes / 250) + 2);
  });

  it('reads both ends of the id order on a slow link', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [flatSpace('TWO', 2000)], faults: SLOW_LINK });
    const result = await fetchFrom(simulator, 'TWO');

    const sorts = simulator.requests
      .filter((request) => request.path.endsWith('/pages'))
      .map((request) => new URLSearchParams(request.query).get('sort'));
    expect(result.strategy).toBe('cloud-v2-space-pages-two-way');
    expect(sorts).toContain('id');
    expect(sorts).toContain('-id');
    expect(result.stats.pages).toBe(2000);
  });

  it.each([250, 300, 500, 501, 749, 1000, 1250, 2001])('meets after N + 1 items for %i pages', async (count) => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [flatSpace('MEET', count)], faults: SLOW_LINK });
    const result = await fetchFrom(simulator, 'MEET');

    // Two streams know they have met only when one reads an item that the
    // other already has, so they read at least N + 1 items. Cursors give no
    // total, so the descending stream starts after one full page without
    // knowing what is left, and with 251-500 pages its first page repeats the
    // ascending stream's second.
    let expected = Math.ceil((count + 1) / 250);
    if (count <= 250) {
      expected = 1;
    } else if (count <= 500) {
      expected = 3;
    }
    const listings = simulator.requests.filter((request) => request.path.endsWith('/pages'));
    expect(result.complete).toBe(true);
    expect(result.stats.pages).toBe(count);
    expect(listings).toHaveLength(expected);
    expect(result.stats.requests).toBe(expected + 2);
  });

  it('lists a space of 250 pages or fewer with one request', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [flatSpace('ONE', 250)], faults: SLOW_LINK });
    const result = await fetchFrom(simulator, 'ONE');

    const sorts = simulator.requests.filter((request) => request.path.endsWith('/pages')).map((request) => new URLSearchParams(request.query).get('sort'));
    expect(result.stats.pages).toBe(250);
    expect(sorts).toEqual(['id']);
    expect(result.stats.requests).toBe(3);
  });
});

describe('datacenter request counts', () => {
  it.each([
    ['sequential', {}, 'datacenter-search'],
    ['parallel', SLOW_LINK, 'datacenter-search-parallel'],
  ])('uses the probe, the space read and ceil(N/200) pages when %s', async (_plan, faults, strategy) => {
    const simulator = await simulate({ flavor: 'datacenter', generate: { key: 'CNT', pages: 2100, seed: 4, flavor: 'datacenter' }, faults });
    const result = await fetchFrom(simulator, 'CNT');

    expect(result.complete).toBe(true);
    expect(result.strategy).toBe(strategy);
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('CNT'));
    expect(result.stats.requests).toBe(2 + Math.ceil(result.stats.pages / 200));
    expect(simulator.requests.every((request) => request.status === 200 || request.path.includes('/api/v2/'))).toBe(true);
  });

  it('learns the page size from the first response', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [flatSpace('CAP', 1000)], faults: { ...SLOW_LINK, capSequence: [120] } });
    const result = await fetchFrom(simulator, 'CAP', { flavor: 'datacenter' });

    const limits = simulator.requests
      .filter((request) => request.path.endsWith('/content/search'))
      .map((request) => Number(new URLSearchParams(request.query).get('limit')));
    expect(result.complete).toBe(true);
    expect(result.stats.pages).toBe(1000);
    expect(limits[0]).toBe(200);
    expect(limits.slice(1).every((limit) => limit <= 120)).toBe(true);
    expect(limits).toHaveLength(Math.ceil(1000 / 120));
  });
});
