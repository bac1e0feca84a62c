import { describe, expect, it } from 'vitest';
import type { SpaceDefinition } from '../../src/simulator/index.js';
import { fetchFrom, shapeOf, simulate, withoutPagelessContainers } from '../support/simulator.js';

/** Folders nested three deep, an empty one among them, and a whiteboard with nothing below it. */
const NESTED: SpaceDefinition = {
  key: 'NEST',
  homepageId: '1',
  pages: [
    { id: '1', title: 'Home', parentId: null, position: 0 },
    { id: '10', title: 'Teams', type: 'folder', parentId: '1', position: 2 },
    { id: '11', title: 'Platform', type: 'folder', parentId: '10', position: 0 },
    { id: '12', title: 'Nothing yet', type: 'folder', parentId: '11', position: 1 },
    { id: '13', title: 'Runbook', parentId: '11', position: 0 },
    { id: '14', title: 'Sketches', type: 'whiteboard', parentId: '1', position: 1 },
    { id: '15', title: 'Archive', type: 'folder', parentId: null, position: 5 },
    { id: '16', title: 'Overview', parentId: '1', position: 0 },
  ],
};

/** Returns a fetch that returns 400 for the container search requests that `refuse` picks, as a site without CQL support for these types would. */
function rejectingSearch(refuse: (url: string) => boolean): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.includes('/rest/api/content/search') && refuse(url)) {
      return new Response('{"statusCode":400,"message":"CQL is not valid"}', { status: 400, headers: { 'content-type': 'application/json' } });
    }
    return fetch(input, init);
  };
}

function containerReads(paths: string[]): string[] {
  return paths.filter((path) => /\/api\/v2\/(folders|whiteboards|databases|embeds)\//.test(path));
}

describe('cloud container search', () => {
  it('finds nested and empty containers with one search', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [NESTED] });
    const result = await fetchFrom(simulator, 'NEST');

    expect(result.complete).toBe(true);
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('NEST'));
    expect(result.tree.byId.get('12')?.parent?.id).toBe('11');
    expect(result.tree.byId.get('15')?.parent).toBeNull();
    expect(result.tree.byId.get('10')?.url).toMatch(/\/wiki\/spaces\/NEST\/folder\/10$/);
    expect(containerReads(simulator.requests.map((request) => request.path))).toEqual([]);
    expect(result.warnings.map((warning) => warning.code)).not.toContain('container-search-incomplete');
    expect(result.warnings.map((warning) => warning.code)).not.toContain('cloud-pageless-containers-not-listed');
  });

  it('settles parents from scrambled ancestors', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [NESTED], faults: { scrambleAncestors: true, seed: 5 } });
    const result = await fetchFrom(simulator, 'NEST');

    expect(result.complete).toBe(true);
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('NEST'));
    expect(containerReads(simulator.requests.map((request) => request.path))).toEqual([]);
  });

  it('keeps sibling order from the positions the search returns', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [NESTED] });
    const result = await fetchFrom(simulator, 'NEST');

    const home = result.tree.byId.get('1')!;
    expect(home.children.map((child) => child.title)).toEqual(['Overview', 'Sketches', 'Teams']);
    expect(result.tree.byId.get('11')!.children.map((child) => child.title)).toEqual(['Runbook', 'Nothing yet']);
  });

  it('flags the tree when the search fails', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [NESTED] });
    const result = await fetchFrom(simulator, 'NEST', { http: { fetch: rejectingSearch(() => true) } });

    expect(result.complete).toBe(false);
    expect(result.warnings.find((warning) => warning.code === 'container-search-incomplete')?.affectsCompleteness).toBe(true);
    expect(shapeOf(result.tree.roots)).toEqual(withoutPagelessContainers(simulator.expectedTree('NEST')));
    expect(result.tree.byId.has('12')).toBe(false);
    expect(containerReads(simulator.requests.map((request) => request.path)).sort()).toEqual(['/wiki/api/v2/folders/10', '/wiki/api/v2/folders/11']);
  });

  it('keeps the rows of a search that fails midway', async () => {
    const pages: SpaceDefinition['pages'] = [{ id: '1', title: 'Home', parentId: null, position: 0 }];
    for (let index = 0; index < 450; index += 1) {
      pages.push({ id: String(1000 + index), title: `Folder ${index}`, type: 'folder', parentId: '1', position: index });
      pages.push({ id: String(5000 + index), title: `Page ${index}`, parentId: String(1000 + index), position: 0 });
    }
    const simulator = await simulate({ flavor: 'cloud', spaces: [{ key: 'WIDE', homepageId: '1', pages }] });
    const result = await fetchFrom(simulator, 'WIDE', { http: { fetch: rejectingSearch((url) => url.includes('cursor=')) } });

    const searched = simulator.requests.filter((request) => request.path.endsWith('/content/search'));
    expect(searched).toHaveLength(1);
    expect(result.complete).toBe(false);
    expect(result.warnings.find((warning) => warning.code === 'container-search-incomplete')?.details).toEqual({ received: 200 });
    expect(containerReads(simulator.requests.map((request) => request.path))).toHaveLength(250);
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('WIDE'));
  });

  it('notes that archived empty containers cannot be listed', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [NESTED] });
    const result = await fetchFrom(simulator, 'NEST', { statuses: ['current', 'archived'] });

    const note = result.warnings.find((warning) => warning.code === 'cloud-pageless-containers-not-listed');
    expect(note?.affectsCompleteness).toBe(false);
    expect(note?.message).toContain('archived folders');
    expect(result.complete).toBe(true);
  });

  it('reads a container that pages name but the search missed', async () => {
    const space: SpaceDefinition = {
      key: 'MISS',
      homepageId: '1',
      pages: [
        { id: '1', title: 'Home', parentId: null, position: 0 },
        { id: '2', title: 'Old folder', type: 'folder', parentId: '1', position: 0, status: 'archived' },
        { id: '3', title: 'Still current', parentId: '2', position: 0 },
      ],
    };
    const simulator = await simulate({ flavor: 'cloud', spaces: [space] });
    const result = await fetchFrom(simulator, 'MISS');

    expect(containerReads(simulator.requests.map((request) => request.path))).toEqual(['/wiki/api/v2/folders/2']);
    expect(result.tree.byId.get('3')?.parent?.title).toBe('Old folder');
    expect(result.tree.byId.get('2')?.status).toBe('archived');
  });
});
