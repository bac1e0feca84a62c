import { describe, expect, it } from 'vitest';
import type { SimPage, SpaceDefinition } from '../../src/simulator/index.js';
import { fetchFrom, pathsOf, shapeOf, simulate } from '../support/simulator.js';

/** Builds a space with `count` pages under one home page, ids from 1000 up. */
function flatSpace(key: string, count: number): SpaceDefinition {
  const pages: SimPage[] = [{ id: '1', title: 'Home', parentId: null, position: 0 }];
  for (let index = 0; index < count - 1; index += 1) {
    pages.push({ id: String(1000 + index), title: `Page ${String(index).padStart(4, '0')}`, parentId: '1', position: index });
  }
  return { key, name: key, homepageId: '1', pages };
}

function queryOf(query: string): URLSearchParams {
  return new URLSearchParams(query);
}

describe('field reports on listing and paging', () => {
  it('F1: keeps the limit at the endpoint cap and follows next', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [flatSpace('F1', 620)], faults: { capSequence: [150] } });
    const result = await fetchFrom(simulator, 'F1');

    const listings = simulator.requests.filter((request) => request.path.endsWith('/rest/api/content/search'));
    expect(result.complete).toBe(true);
    expect(result.stats.pages).toBe(620);
    expect(listings.every((request) => Number(queryOf(request.query).get('limit')) <= 200)).toBe(true);
    expect(listings).toHaveLength(Math.ceil(620 / 150));
  });

  it('F2: fills ranges after the cap shrinks', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [flatSpace('F2', 400)], faults: { capSequence: [120, 50] } });
    const result = await fetchFrom(simulator, 'F2');

    const starts = simulator.requests
      .filter((request) => request.path.endsWith('/rest/api/content/search'))
      .map((request) => Number(queryOf(request.query).get('start') ?? 0));
    expect(result.complete).toBe(true);
    expect(result.stats.pages).toBe(400);
    // The first page shows a cap of 120, so pages start at 120, 240 and 360;
    // each then returns only 50 items, and the rest of its range follows.
    expect([...starts].sort((a, b) => a - b)).toEqual([0, 120, 170, 220, 240, 290, 340, 360]);
  });

  it('F3 and F4: a short page with next is not the end', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [flatSpace('F3', 90)], faults: { capSequence: [37] } });
    const result = await fetchFrom(simulator, 'F3');

    expect(result.complete).toBe(true);
    expect(result.stats.pages).toBe(90);
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('F3'));
  });

  it('F5: recovers a listing that ignores offsets', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [flatSpace('F5', 500)], faults: { ignoreOffset: true } });
    const result = await fetchFrom(simulator, 'F5');

    expect(result.complete).toBe(true);
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('F5'));
    expect(result.fallbacks).toEqual(['children-expand', 'child-listing', 'pagetree-html']);
    const shortfall = result.warnings.find((warning) => warning.code === 'listing-total-mismatch');
    expect(shortfall?.affectsCompleteness).toBe(false);
    expect(simulator.requests.length).toBeLessThan(15);
  });

  it('F6: de-duplicates ids repeated across pages', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [flatSpace('F6', 450)], faults: { duplicateAcrossPages: true } });
    const result = await fetchFrom(simulator, 'F6');

    expect(result.complete).toBe(true);
    expect(result.stats.pages).toBe(450);
    expect(result.warnings.map((warning) => warning.code)).toContain('listing-duplicate-ids');
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('F6'));
  });

  it('F7: follows a next link whose cursor is not the last parameter', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [flatSpace('F7', 700)] });
    const result = await fetchFrom(simulator, 'F7');

    const listings = simulator.requests.filter((request) => request.path.endsWith('/pages'));
    expect(result.complete).toBe(true);
    expect(result.stats.pages).toBe(700);
    expect(listings).toHaveLength(3);
    expect(listings.slice(1).every((request) => queryOf(request.query).get('limit') === '250')).toBe(true);
  });

  it('F8: keeps every child of a parent with hundreds of children', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [flatSpace('F8', 330)] });
    const result = await fetchFrom(simulator, 'F8');

    expect(result.tree.roots[0]?.children).toHaveLength(329);
  });

  it('F10: never asks Server for descendants', async () => {
    const simulator = await simulate({ flavor: 'datacenter', generate: { key: 'F10', pages: 200, seed: 2, flavor: 'datacenter' } });
    const result = await fetchFrom(simulator, 'F10');

    expect(result.complete).toBe(true);
    expect(pathsOf(simulator).filter((path) => path.includes('descendant'))).toEqual([]);
  });

  it('CONFSERVER-95396: stops at an empty page that still has next', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [flatSpace('NXT', 450)], faults: { nextPastEnd: true } });
    const result = await fetchFrom(simulator, 'NXT');

    expect(result.complete).toBe(true);
    expect(result.stats.pages).toBe(450);
  });
});

describe('field reports on tree shape and order', () => {
  it('F9: keeps several top-level pages and marks the home page', async () => {
    const space: SpaceDefinition = {
      key: 'F9',
      homepageId: '20',
      pages: [
        { id: '10', title: 'Archive', parentId: null, position: null },
        { id: '20', title: 'Welcome', parentId: null, position: null },
        { id: '30', title: 'Handbook', parentId: null, position: null },
        { id: '31', title: 'Onboarding', parentId: '30' },
        { id: '11', title: '2019', parentId: '10' },
      ],
    };
    for (const flavor of ['cloud', 'datacenter'] as const) {
      const simulator = await simulate({ flavor, spaces: [space] });
      const result = await fetchFrom(simulator, 'F9');

      expect(result.tree.roots.map((root) => root.title)).toEqual(['Archive', 'Handbook', 'Welcome']);
      expect(result.tree.roots.map((root) => root.isHome)).toEqual([false, false, true]);
      expect(result.tree.byId.get('31')?.parent?.id).toBe('30');
      expect(result.tree.byId.get('11')?.parent?.id).toBe('10');
    }
  });

  it('F11: derives parents from ancestor depths, not array order', async () => {
    const simulator = await simulate({
      flavor: 'datacenter',
      generate: { key: 'F11', pages: 600, seed: 9, flavor: 'datacenter' },
      faults: { scrambleAncestors: true, seed: 4 },
    });
    const result = await fetchFrom(simulator, 'F11');

    expect(result.complete).toBe(true);
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('F11'));
    expect(result.warnings.map((warning) => warning.code)).toContain('ancestors-disordered');
  });

  it('F12: sorts positions mixed with "none" without a type error', async () => {
    const space: SpaceDefinition = {
      key: 'F12',
      homepageId: '1',
      pages: [
        { id: '1', title: 'Home', parentId: null, position: 0 },
        { id: '2', title: 'Zeta', parentId: '1', position: 1 },
        { id: '3', title: 'alpha', parentId: '1', position: null },
        { id: '4', title: 'Mu', parentId: '1', position: 0 },
        { id: '5', title: 'Second', parentId: '2', position: 2 },
        { id: '6', title: 'First', parentId: '2', position: 1 },
      ],
    };
    const simulator = await simulate({ flavor: 'datacenter', spaces: [space] });
    const result = await fetchFrom(simulator, 'F12');

    expect(result.tree.byId.get('1')?.children.map((child) => child.title)).toEqual(['alpha', 'Mu', 'Zeta']);
    expect(result.tree.byId.get('2')?.children.map((child) => child.title)).toEqual(['First', 'Second']);
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('F12'));
  });

  it('F13: orders a group alphabetically when all but one position are null', async () => {
    const space: SpaceDefinition = {
      key: 'F13',
      homepageId: '1',
      pages: [
        { id: '1', title: 'Home', parentId: null, position: 1 },
        { id: '2', title: 'Charlie', parentId: '1', position: 12345 },
        { id: '3', title: 'Bravo', parentId: '1', position: null },
        { id: '4', title: 'Alpha', parentId: '1', position: null },
      ],
    };
    const simulator = await simulate({ flavor: 'cloud', spaces: [space] });
    const result = await fetchFrom(simulator, 'F13');

    expect(result.tree.byId.get('1')?.children.map((child) => child.title)).toEqual(['Alpha', 'Bravo', 'Charlie']);
  });

  it('F14: leaves drafts and archived pages out and keeps tree order', async () => {
    const space: SpaceDefinition = {
      key: 'F14',
      homepageId: '50',
      pages: [
        { id: '50', title: 'Home', parentId: null, position: 1 },
        { id: '7', title: 'Later', parentId: '50', position: 20 },
        { id: '9', title: 'Draft idea', parentId: '50', position: 15, status: 'draft' },
        { id: '8', title: 'Old', parentId: '50', position: 5, status: 'archived' },
        { id: '60', title: 'Sooner', parentId: '50', position: 10 },
      ],
    };
    for (const flavor of ['cloud', 'datacenter'] as const) {
      const simulator = await simulate({ flavor, spaces: [space] });
      const result = await fetchFrom(simulator, 'F14');

      expect(result.tree.byId.get('50')?.children.map((child) => child.title)).toEqual(['Sooner', 'Later']);
      expect(result.stats.pages).toBe(3);
      expect(result.complete).toBe(true);
    }
  });

  it('F15: turns folders into titled nodes and keeps their subtrees', async () => {
    const space: SpaceDefinition = {
      key: 'F15',
      homepageId: '1',
      pages: [
        { id: '1', title: 'Home', parentId: null, position: 100 },
        { id: '2', title: 'Team folder', type: 'folder', parentId: '1', position: 200 },
        { id: '3', title: 'Nested folder', type: 'folder', parentId: '2', position: 300 },
        { id: '4', title: 'Deep page', parentId: '3', position: 400 },
        { id: '5', title: 'Top folder', type: 'folder', parentId: null, position: 500 },
        { id: '6', title: 'Under top folder', parentId: '5', position: 600 },
        { id: '7', title: 'Board', type: 'whiteboard', parentId: '1', position: 700 },
        { id: '8', title: 'Under board', parentId: '7', position: 800 },
      ],
    };
    const simulator = await simulate({ flavor: 'cloud', spaces: [space] });
    const result = await fetchFrom(simulator, 'F15');

    expect(result.complete).toBe(true);
    expect(result.tree.byId.get('2')).toMatchObject({ title: 'Team folder', type: 'folder' });
    expect(result.tree.byId.get('4')?.parent?.id).toBe('3');
    expect(result.tree.byId.get('3')?.parent?.id).toBe('2');
    expect(result.tree.byId.get('6')?.parent?.id).toBe('5');
    expect(result.tree.byId.get('8')?.parent).toMatchObject({ id: '7', type: 'whiteboard' });
    expect(result.stats.folders).toBe(3);
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('F15'));
  });

  it('F19: keeps duplicate titles apart by id', async () => {
    const space: SpaceDefinition = {
      key: 'F19',
      homepageId: '1',
      pages: [
        { id: '1', title: 'Home', parentId: null, position: 1 },
        { id: '2', title: 'Team A', parentId: '1', position: 1 },
        { id: '3', title: 'Team B', parentId: '1', position: 2 },
        { id: '4', title: 'Meeting notes', parentId: '2', position: 1 },
        { id: '5', title: 'Meeting notes', parentId: '3', position: 1 },
      ],
    };
    const simulator = await simulate({ flavor: 'datacenter', spaces: [space] });
    const result = await fetchFrom(simulator, 'F19');

    expect(result.tree.byId.get('4')?.parent?.title).toBe('Team A');
    expect(result.tree.byId.get('5')?.parent?.title).toBe('Team B');
  });
});

describe('field reports on rate limits', () => {
  it('F16: finishes under 429s with an absurd Retry-After', async () => {
    const simulator = await simulate({
      flavor: 'cloud',
      spaces: [flatSpace('F16', 1200)],
      faults: { rateLimit: { rps: 2, retryAfter: '9223372036854775807' } },
    });
    const result = await fetchFrom(simulator, 'F16', { http: { maxRetryAfterMs: 300, maxAttempts: 20 } });

    expect(result.complete).toBe(true);
    expect(result.stats.pages).toBe(1200);
    expect(simulator.requests.some((request) => request.status === 429)).toBe(true);
    expect(result.stats.retries).toBeGreaterThan(0);
  });

  it('F16: stays under --max-rps without a single 429', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [flatSpace('RPS', 800)], faults: { rateLimit: { rps: 4 } } });
    const result = await fetchFrom(simulator, 'RPS', { http: { maxRps: 3 } });

    expect(result.complete).toBe(true);
    expect(simulator.requests.filter((request) => request.status === 429)).toEqual([]);
  });
});

describe('pages whose parent is missing', () => {
  it('reports a current page under an archived parent', async () => {
    const space: SpaceDefinition = {
      key: 'ORPH',
      homepageId: '1',
      pages: [
        { id: '1', title: 'Home', parentId: null, position: 1 },
        { id: '2', title: 'Retired', parentId: '1', position: 1, status: 'archived' },
        { id: '3', title: 'Still current', parentId: '2', position: 1 },
        { id: '4', title: 'Its child', parentId: '3', position: 1 },
      ],
    };
    for (const flavor of ['cloud', 'datacenter'] as const) {
      const simulator = await simulate({ flavor, spaces: [space] });
      const result = await fetchFrom(simulator, 'ORPH');

      expect(result.complete).toBe(false);
      expect(result.tree.orphans.map((orphan) => [orphan.missingParentId, orphan.node.id])).toEqual([['2', '3']]);
      expect(result.tree.orphans[0]?.node.children.map((child) => child.id)).toEqual(['4']);
      // One read of the missing parent explains why it is missing.
      expect(result.warnings.find((warning) => warning.code === 'missing-parent')?.details).toEqual({
        id: '3',
        missingParentId: '2',
        checkedBy: 'page read',
        explanation: 'a read of 2 shows that it is archived',
      });
    }
  });

  it('includes archived pages with --include archived', async () => {
    const space: SpaceDefinition = {
      key: 'ARCH',
      homepageId: '1',
      pages: [
        { id: '1', title: 'Home', parentId: null, position: 1 },
        { id: '2', title: 'Retired', parentId: '1', position: 1, status: 'archived' },
        { id: '3', title: 'Still current', parentId: '2', position: 1 },
      ],
    };
    for (const flavor of ['cloud', 'datacenter'] as const) {
      const simulator = await simulate({ flavor, spaces: [space] });
      const result = await fetchFrom(simulator, 'ARCH', { statuses: ['current', 'archived'] });

      expect(result.complete).toBe(true);
      expect(result.tree.byId.get('3')?.parent?.id).toBe('2');
      expect(result.tree.byId.get('2')?.status).toBe('archived');
    }
  });
});
