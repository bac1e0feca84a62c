import { describe, expect, it } from 'vitest';
import type { ExpectedNode, SpaceDefinition } from '../../src/simulator/index.js';
import { fetchFrom, shapeOf, simulate } from '../support/simulator.js';

/** Returns the largest subtree below the top level, other than the home page's own. */
function biggestBranch(roots: ExpectedNode[]): ExpectedNode {
  const size = (node: ExpectedNode): number => 1 + node.children.reduce((sum, child) => sum + size(child), 0);
  const branches = roots.flatMap((root) => root.children);
  return branches.reduce((best, node) => (size(node) > size(best) ? node : best));
}

describe('fetching a subtree', () => {
  for (const flavor of ['cloud', 'datacenter'] as const) {
    it(`walks only the subtree on ${flavor}`, async () => {
      const simulator = await simulate({ flavor, generate: { key: 'SUB', pages: 3000, seed: 31, flavor } });
      const branch = biggestBranch(simulator.expectedTree('SUB'));
      const result = await fetchFrom(simulator, 'SUB', { rootId: branch.id });

      expect(result.complete).toBe(true);
      expect(shapeOf(result.tree.roots)).toEqual([branch]);
      expect(result.strategy).toBe(flavor === 'cloud' ? 'cloud-v2-descendants-subtree' : 'datacenter-children-subtree');
      // No request lists the whole space.
      expect(simulator.requests.filter((request) => /\/spaces\/\d+\/pages$|\/rest\/api\/content(\/search)?$/.test(request.path) && !request.query.includes('ancestor'))).toEqual([]);
    });
  }

  it('uses the space listing for the home page', async () => {
    const simulator = await simulate({ flavor: 'datacenter', generate: { key: 'HOME', pages: 300, seed: 32, flavor: 'datacenter' } });
    const homepageId = simulator.spaces[0]!.homepageId;
    const home = simulator.expectedTree('HOME').find((root) => root.id === homepageId)!;
    const result = await fetchFrom(simulator, 'HOME', { rootId: home.id });

    expect(result.strategy).toBe('datacenter-search');
    expect(shapeOf(result.tree.roots)).toEqual([home]);
  });

  it('flags a Data Center subtree with a current page below an archived one', async () => {
    const space: SpaceDefinition = {
      key: 'ARC',
      homepageId: '1',
      pages: [
        { id: '1', title: 'Home', parentId: null, position: 0 },
        { id: '2', title: 'Branch', parentId: '1', position: 0 },
        { id: '3', title: 'Retired', parentId: '2', position: 0, status: 'archived' },
        { id: '4', title: 'Still current', parentId: '3', position: 0 },
        { id: '5', title: 'Kept', parentId: '2', position: 1 },
      ],
    };
    const simulator = await simulate({ flavor: 'datacenter', spaces: [space] });
    const result = await fetchFrom(simulator, 'ARC', { rootId: '2' });

    expect(result.complete).toBe(false);
    expect(result.warnings.find((warning) => warning.code === 'subtree-count-mismatch')?.details).toEqual({ reached: 1, expected: 2 });
    expect([...result.tree.byId.keys()].sort()).toEqual(['2', '5']);
  });

  it('cuts a root that cannot be read by id from the space listing', async () => {
    const space: SpaceDefinition = {
      key: 'LCK',
      homepageId: '1',
      pages: [
        { id: '1', title: 'Home', parentId: null, position: 0 },
        { id: '6', title: 'Restricted', parentId: '1', position: 0, access: 'unreadable' },
        { id: '7', title: 'Below', parentId: '6', position: 0 },
      ],
    };
    const simulator = await simulate({ flavor: 'datacenter', spaces: [space] });
    const result = await fetchFrom(simulator, 'LCK', { rootId: '6' });

    expect(result.complete).toBe(true);
    expect(result.strategy).toBe('datacenter-search');
    expect(shapeOf(result.tree.roots)).toEqual([{ id: '6', title: 'Restricted', type: 'page', children: [{ id: '7', title: 'Below', type: 'page', children: [] }] }]);
  });

  it('rejects a root from another space', async () => {
    const other: SpaceDefinition = { key: 'OTH', homepageId: '50', pages: [{ id: '50', title: 'Elsewhere', parentId: null }, { id: '51', title: 'Child', parentId: '50' }] };
    const mine: SpaceDefinition = { key: 'MINE', homepageId: '1', pages: [{ id: '1', title: 'Home', parentId: null }] };
    for (const flavor of ['cloud', 'datacenter'] as const) {
      const simulator = await simulate({ flavor, spaces: [mine, other] });
      await expect(fetchFrom(simulator, 'MINE', { rootId: '51' })).rejects.toThrow('Root page 51 is not in space "MINE"');
    }
  });
});
