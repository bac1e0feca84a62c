import { describe, expect, it } from 'vitest';
import type { SimPage, SpaceDefinition } from '../../src/simulator/index.js';
import { fetchFrom, shapeOf, simulate } from '../support/simulator.js';

/** Builds a chain of `depth` pages below the home page, each level also with `leaves` leaf pages. */
function chainSpace(key: string, depth: number, leaves: number): SpaceDefinition {
  const pages: SimPage[] = [{ id: '1', title: 'Home', parentId: null, position: 0 }];
  let nextId = 2;
  let parentId = '1';
  for (let level = 1; level <= depth; level++) {
    const id = String(nextId++);
    pages.push({ id, title: `Level ${level}`, parentId, position: 0 });
    for (let leaf = 1; leaf <= leaves; leaf++) {
      pages.push({ id: String(nextId++), title: `Leaf ${level}.${leaf}`, parentId, position: leaf });
    }
    parentId = id;
  }
  return { key, homepageId: '1', pages };
}

/** Wraps fetch so that listing items named in `ids` lose their `ancestors`, which makes the listing untrustworthy. */
function withoutAncestorsOf(ids: string[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!/\/rest\/api\/content(\/search)?$/.test(url.pathname)) {
      return response;
    }
    const body = (await response.json()) as { results: Array<Record<string, unknown>> };
    body.results = body.results.map((item) => (ids.includes(String(item['id'])) ? { ...item, ancestors: undefined } : item));
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
}

describe('the children walk on Data Center', () => {
  it('reads a deep tree several levels per request', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [chainSpace('DEEP', 40, 2)], faults: { ignoreOffset: true } });
    const result = await fetchFrom(simulator, 'DEEP', { http: { fetch: withoutAncestorsOf(['60']) } });

    expect(result.complete).toBe(true);
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('DEEP'));
    expect(result.fallbacks).toEqual(['children-expand']);
    // 121 pages on 40 levels. The simulator serves four levels per request, so
    // the walk reads by id only the three pages at every fourth level, whose
    // children were not in the response: 30 reads instead of one per page.
    const reads = simulator.requests.filter((request) => /\/rest\/api\/content\/\d+$/.test(request.path));
    expect(reads.length).toBe(3 * (40 / 4));
  });

  it('recovers a generated space whose listing repeats its second page', async () => {
    const generate = { key: 'REP', pages: 700, seed: 5, flavor: 'datacenter' } as const;
    const simulator = await simulate({ flavor: 'datacenter', generate, faults: { repeatPage: true } });
    const result = await fetchFrom(simulator, 'REP', { http: { concurrency: 1 } });

    expect(result.complete).toBe(true);
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('REP'));
    expect(result.fallbacks).toContain('children-expand');
    const recovered = result.warnings.filter((warning) => warning.details?.['recoveredBy'] !== undefined);
    expect(recovered.map((warning) => warning.code)).toContain('listing-total-mismatch');
  });

  it('flags a current page below an archived one', async () => {
    const space: SpaceDefinition = {
      key: 'ARCH',
      homepageId: '1',
      pages: [
        { id: '1', title: 'Home', parentId: null, position: 0 },
        { id: '2', title: 'Retired', parentId: '1', position: 0, status: 'archived' },
        { id: '3', title: 'Still current', parentId: '2', position: 0 },
        { id: '4', title: 'Kept', parentId: '1', position: 1 },
      ],
    };
    const simulator = await simulate({ flavor: 'datacenter', spaces: [space] });
    const result = await fetchFrom(simulator, 'ARCH', { http: { fetch: withoutAncestorsOf(['4']) } });

    expect(result.complete).toBe(false);
    const unconfirmed = result.warnings.find((warning) => warning.code === 'fallback-unconfirmed');
    expect(unconfirmed?.details).toEqual({ reached: 2, expected: 3 });
    expect(result.warnings.find((warning) => warning.code === 'ancestors-missing')?.affectsCompleteness).toBe(true);
  });
});

describe('listed but unreadable pages', () => {
  // The walk reads four levels per request here, so page 5 is read by id and returns 404.
  const space: SpaceDefinition = {
    key: 'LOCK',
    homepageId: '1',
    pages: [
      { id: '1', title: 'Home', parentId: null, position: 0 },
      { id: '2', title: 'A', parentId: '1', position: 0 },
      { id: '3', title: 'B', parentId: '2', position: 0 },
      { id: '4', title: 'C', parentId: '3', position: 0 },
      { id: '5', title: 'Restricted', parentId: '4', position: 0, access: 'unreadable' },
      { id: '6', title: 'Below restricted', parentId: '5', position: 0 },
      { id: '7', title: 'Open', parentId: '1', position: 1 },
    ],
  };

  it('keeps them by default and names them', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [space] });
    const result = await fetchFrom(simulator, 'LOCK', { http: { fetch: withoutAncestorsOf(['7']) } });

    expect(result.unreadable).toEqual([{ id: '5', title: 'Restricted', reason: 'HTTP 404 when its children were read' }]);
    expect(result.tree.byId.get('5')?.parent?.id).toBe('4');
    expect(result.tree.byId.get('6')?.parent?.id).toBe('5');
    expect(result.tree.byId.get('7')?.parent?.id).toBe('1');
    expect(result.complete).toBe(false);
    expect(result.warnings.map((warning) => warning.code)).toContain('fallback-incomplete');
  });

  it('leaves them and their subtrees out with unreadable: omit', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [space] });
    const result = await fetchFrom(simulator, 'LOCK', { unreadable: 'omit', http: { fetch: withoutAncestorsOf(['7']) } });

    expect(result.unreadable.map((node) => node.id)).toEqual(['5']);
    expect(result.tree.byId.has('5')).toBe(false);
    expect(result.tree.byId.has('6')).toBe(false);
    expect([...result.tree.byId.keys()].sort()).toEqual(['1', '2', '3', '4', '7']);
  });

  it('lists an unreadable Cloud folder', async () => {
    const cloudSpace: SpaceDefinition = {
      key: 'CLK',
      homepageId: '1',
      pages: [
        { id: '1', title: 'Home', parentId: null, position: 0 },
        // Archived, so that the search for current containers misses it and it is read by id.
        { id: '2', title: 'Locked folder', type: 'folder', parentId: '1', position: 0, status: 'archived', access: 'unreadable' },
        { id: '3', title: 'In the folder', parentId: '2', position: 0 },
      ],
    };
    const simulator = await simulate({ flavor: 'cloud', spaces: [cloudSpace] });
    const kept = await fetchFrom(simulator, 'CLK');
    const omitted = await fetchFrom(simulator, 'CLK', { unreadable: 'omit' });

    expect(kept.unreadable).toEqual([{ id: '2', title: '', reason: 'HTTP 404 when the folder was read' }]);
    expect(kept.tree.orphans.map((orphan) => orphan.node.id)).toEqual(['3']);
    expect(omitted.tree.byId.has('3')).toBe(false);
    expect(omitted.tree.orphans).toEqual([]);
  });

  it('takes a Cloud folder from the search when reads by id fail', async () => {
    const cloudSpace: SpaceDefinition = {
      key: 'CLS',
      homepageId: '1',
      pages: [
        { id: '1', title: 'Home', parentId: null, position: 0 },
        { id: '2', title: 'Searched folder', type: 'folder', parentId: '1', position: 0, access: 'unreadable' },
        { id: '3', title: 'In the folder', parentId: '2', position: 0 },
      ],
    };
    const simulator = await simulate({ flavor: 'cloud', spaces: [cloudSpace] });
    const result = await fetchFrom(simulator, 'CLS');

    expect(result.unreadable).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.tree.byId.get('2')?.title).toBe('Searched folder');
    expect(result.tree.byId.get('3')?.parent?.id).toBe('2');
  });
});

describe('one read of a missing parent', () => {
  const space: SpaceDefinition = {
    key: 'GAPS',
    homepageId: '1',
    pages: [
      { id: '1', title: 'Home', parentId: null, position: 0 },
      { id: '2', title: 'Dropped by the listing', parentId: '1', position: 0 },
      { id: '3', title: 'Below it', parentId: '2', position: 0 },
      { id: '4', title: 'Locked', parentId: '1', position: 1, access: 'unreadable' },
      { id: '5', title: 'Below locked', parentId: '4', position: 0 },
    ],
  };

  /** Wraps fetch so that the Cloud page listing leaves out the pages in `ids`. */
  function listingWithout(ids: string[]): typeof fetch {
    return async (input, init) => {
      const response = await fetch(input, init);
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (!url.pathname.endsWith('/pages') || !url.pathname.includes('/spaces/')) {
        return response;
      }
      const body = (await response.json()) as { results: Array<{ id: string }> };
      body.results = body.results.filter((item) => !ids.includes(String(item.id)));
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
  }

  it('puts back a lost parent', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [space] });
    const result = await fetchFrom(simulator, 'GAPS', { http: { fetch: listingWithout(['2']) } });

    expect(result.tree.byId.get('3')?.parent?.title).toBe('Dropped by the listing');
    expect(result.tree.orphans).toEqual([]);
    expect(result.complete).toBe(false);
    expect(result.warnings.find((warning) => warning.code === 'parents-lost-by-listing')?.details).toEqual({ ids: ['2'] });
  });

  it('names a missing parent that cannot be read', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [space] });
    const result = await fetchFrom(simulator, 'GAPS', { http: { fetch: listingWithout(['4']) } });

    const warning = result.warnings.find((candidate) => candidate.code === 'missing-parent');
    expect(warning?.details).toMatchObject({ missingParentId: '4', explanation: 'a read of 4 returned HTTP 404: it is restricted or deleted' });
    expect(result.unreadable).toEqual([{ id: '4', title: '', reason: 'HTTP 404 when the missing parent was read' }]);
    expect(simulator.requests.filter((request) => request.path.endsWith('/pages/4'))).toHaveLength(1);
  });
});

describe('the descendants walk on Cloud', () => {
  it('recovers a listing that repeats its second page, folders included', async () => {
    const generate = { key: 'CREP', pages: 900, seed: 21, flavor: 'cloud' } as const;
    const simulator = await simulate({ flavor: 'cloud', generate, faults: { repeatPage: true } });
    const result = await fetchFrom(simulator, 'CREP', { http: { concurrency: 1 } });

    expect(result.complete).toBe(true);
    // The walk lists every container, even one with no page below it.
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('CREP'));
    expect(result.fallbacks).toContain('descendants');
    const repeated = result.warnings.find((warning) => warning.code === 'listing-repeated-page');
    expect(repeated?.affectsCompleteness).toBe(false);
  });

  it('recovers a listing whose later pages keep failing', async () => {
    const generate = { key: 'CFAIL', pages: 600, seed: 22, flavor: 'cloud' } as const;
    const simulator = await simulate({ flavor: 'cloud', generate });
    let listingPages = 0;
    const failing: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (/\/spaces\/\d+\/pages$/.test(url.pathname) && url.searchParams.get('depth') === 'all' && (listingPages += 1) > 1) {
        return new Response('{"errors":[{"status":500,"title":"Internal Server Error"}]}', { status: 500, headers: { 'Content-Type': 'application/json' } });
      }
      return fetch(input, init);
    };
    const result = await fetchFrom(simulator, 'CFAIL', { http: { fetch: failing, maxAttempts: 2, concurrency: 1 } });

    expect(result.complete).toBe(true);
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('CFAIL'));
    expect(result.warnings.find((warning) => warning.code === 'listing-failed')?.details).toMatchObject({ recoveredBy: result.fallbacks });
  });
});

describe('a space that changes during the crawl', () => {
  it('reads a Data Center space again after pages are trashed and moved mid-listing', async () => {
    const generate = { key: 'MOVE', pages: 900, seed: 41, flavor: 'datacenter' } as const;
    // Requests 1-3 are the Cloud probe, the space read and the first listing page.
    const faults = { seed: 41, mutations: { afterRequests: 3, moves: 3, deletes: 2 } };
    const simulator = await simulate({ flavor: 'datacenter', generate, faults });
    const result = await fetchFrom(simulator, 'MOVE', { http: { concurrency: 1 } });

    expect(result.complete).toBe(true);
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('MOVE'));
    expect(result.fallbacks).toContain('children-expand');
    expect(result.warnings.find((warning) => warning.code === 'listing-total-mismatch')?.affectsCompleteness).toBe(false);
  });
});
