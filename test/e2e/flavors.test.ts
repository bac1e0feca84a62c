import { describe, expect, it } from 'vitest';
import { fetchFrom, pathsOf, shapeOf, simulate } from '../support/simulator.js';

describe('cloud end to end', () => {
  it('fetches a generated space exactly as Confluence orders it', async () => {
    const simulator = await simulate({ flavor: 'cloud', generate: { key: 'BIG', pages: 2500, seed: 11, flavor: 'cloud' } });
    const result = await fetchFrom(simulator, 'BIG');

    expect(result.complete).toBe(true);
    expect(result.flavor).toBe('cloud');
    expect(result.warnings.filter((warning) => warning.affectsCompleteness)).toEqual([]);
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('BIG'));
    expect(result.tree.orphans).toEqual([]);
    expect(result.warnings.map((warning) => warning.code)).not.toContain('cloud-pageless-containers-not-listed');
  });

  it('uses one space lookup, listing pages of 250 and one container search', async () => {
    const simulator = await simulate({ flavor: 'cloud', generate: { key: 'BIG', pages: 2500, seed: 11, flavor: 'cloud' } });
    const result = await fetchFrom(simulator, 'BIG');

    const paths = pathsOf(simulator);
    const listings = simulator.requests.filter((request) => /\/spaces\/\d+\/pages$/.test(request.path));
    const searches = simulator.requests.filter((request) => request.path.endsWith('/rest/api/content/search'));
    const containerReads = paths.filter((path) => /\/api\/v2\/(folders|whiteboards|databases|embeds)\//.test(path));
    const listed = result.stats.pages;
    expect(result.stats.nodes).toBeGreaterThan(listed);
    expect(containerReads).toEqual([]);
    expect(searches).toHaveLength(1);
    expect(new URLSearchParams(searches[0]!.query).get('cql')).toBe('space = "BIG" and type in (folder, whiteboard, database, embed)');

    expect(listings.every((request) => new URLSearchParams(request.query).get('limit') === '250')).toBe(true);
    expect(listings).toHaveLength(Math.ceil(listed / 250));
    expect(paths.filter((path) => path.endsWith('/api/v2/spaces'))).toHaveLength(1);
    expect(result.stats.requests).toBe(2 + listings.length);
    expect(simulator.requests).toHaveLength(result.stats.requests);
  });

  it('marks the home page and finds every top-level page', async () => {
    const simulator = await simulate({ flavor: 'cloud', generate: { key: 'BIG', pages: 400, seed: 3, flavor: 'cloud' } });
    const result = await fetchFrom(simulator, 'BIG');
    const space = simulator.spaces[0]!;

    expect(result.space.homepageId).toBe(space.homepageId);
    const home = result.tree.roots.find((root) => root.isHome);
    expect(home?.id).toBe(space.homepageId);
    expect(result.tree.roots.filter((root) => root.isHome)).toHaveLength(1);
    expect(result.tree.roots.length).toBeGreaterThan(1);
  });
});

describe('datacenter end to end', () => {
  it.each(['', '/confluence'])('fetches a generated space with context path "%s"', async (contextPath) => {
    const simulator = await simulate({ flavor: 'datacenter', contextPath, generate: { key: 'OPS', pages: 1500, seed: 5, flavor: 'datacenter' } });
    const result = await fetchFrom(simulator, 'OPS');

    expect(result.complete).toBe(true);
    expect(result.flavor).toBe('datacenter');
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('OPS'));
    expect(result.tree.roots[0]?.url?.startsWith(`${simulator.origin}${contextPath}/`)).toBe(true);
  });

  it('stays within the probe, the space read and ceil(N/200) listing pages', async () => {
    const simulator = await simulate({ flavor: 'datacenter', generate: { key: 'OPS', pages: 1500, seed: 5, flavor: 'datacenter' } });
    const result = await fetchFrom(simulator, 'OPS');

    expect(result.stats.nodes).toBe(simulator.spaces[0]!.visibleCount);
    expect(result.stats.pages).toBe(result.stats.nodes);
    expect(result.stats.requests).toBe(2 + Math.ceil(result.stats.pages / 200));
    expect(pathsOf(simulator).some((path) => path.includes('descendant'))).toBe(false);
  });

  it('skips the probe when the flavor is forced', async () => {
    const simulator = await simulate({ flavor: 'datacenter', generate: { key: 'OPS', pages: 300, seed: 5, flavor: 'datacenter' } });
    const result = await fetchFrom(simulator, 'OPS', { flavor: 'datacenter' });

    expect(result.complete).toBe(true);
    expect(pathsOf(simulator).some((path) => path.includes('/api/v2/'))).toBe(false);
  });
});

describe('subtree and depth', () => {
  it('returns the subtree below --root with depths from 0', async () => {
    const simulator = await simulate({ flavor: 'cloud', generate: { key: 'BIG', pages: 400, seed: 3, flavor: 'cloud' } });
    const expected = simulator.expectedTree('BIG');
    const branch = expected.find((root) => root.children.length > 0)!.children.find((child) => child.children.length > 0)!;

    const result = await fetchFrom(simulator, 'BIG', { rootId: branch.id });
    expect(shapeOf(result.tree.roots)).toEqual([branch]);
    expect(result.rootId).toBe(branch.id);
    expect(result.tree.roots[0]?.depth).toBe(0);
  });

  it('cuts the tree at --depth', async () => {
    const simulator = await simulate({ flavor: 'datacenter', generate: { key: 'OPS', pages: 400, seed: 3, flavor: 'datacenter' } });
    const result = await fetchFrom(simulator, 'OPS', { maxDepth: 2 });

    const depths = [...result.tree.byId.values()].map((node) => node.depth);
    expect(Math.max(...depths)).toBe(1);
    expect(result.tree.roots.map((root) => root.id)).toEqual(simulator.expectedTree('OPS').map((root) => root.id));
  });
});
