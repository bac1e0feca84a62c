import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimulator, type ExpectedNode, type RunningSimulator, type SimPage } from '../../src/simulator/index.js';

const titlesOf = (nodes: ExpectedNode[]) => nodes.map((node) => node.title);

function childrenOf(roots: ExpectedNode[], id: string): ExpectedNode[] {
  const stack = [...roots];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.id === id) {
      return node.children;
    }
    stack.push(...node.children);
  }
  throw new Error(`node ${id} not in tree`);
}

const pages: SimPage[] = [
  { id: '1', title: 'Home', parentId: null, position: 0 },
  { id: '2', title: 'Other root', parentId: null, position: 1 },
  // Every sibling positioned: ascending position, not title.
  { id: '10', title: 'Alpha', parentId: '1', position: 3000 },
  { id: '11', title: 'Beta', parentId: '1', position: 1000 },
  { id: '12', title: 'Gamma', parentId: '1', position: 2000 },
  // One sibling without position: the whole group is alphabetical.
  { id: '20', title: 'zulu', parentId: '2', position: 1 },
  { id: '21', title: 'Echo', parentId: '2', position: null },
  { id: '22', title: 'alpha', parentId: '2', position: 3 },
  // Position ties break by title, then id.
  { id: '30', title: 'Same', parentId: '10', position: 5 },
  { id: '31', title: 'Also', parentId: '10', position: 5 },
  { id: '32', title: 'Same', parentId: '10', position: 5 },
  // The archived sibling is the only one without a position.
  { id: '40', title: 'B', parentId: '11', position: 2 },
  { id: '41', title: 'A', parentId: '11', position: 9 },
  { id: '42', title: 'C archived', parentId: '11', position: null, status: 'archived' },
  { id: '43', title: 'Under archived', parentId: '42', position: null },
  // Case-insensitive title order with code-unit tie break.
  { id: '50', title: 'b', parentId: '12' },
  { id: '51', title: 'B', parentId: '12' },
  { id: '52', title: 'a', parentId: '12' },
  { id: '53', title: 'Draft', parentId: '12', status: 'draft' },
];

describe('expectedTree', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ flavor: 'datacenter', spaces: [{ key: 'ORD', pages }] });
  });

  afterAll(async () => {
    await sim.close();
  });

  test('roots in position order', () => {
    expect(titlesOf(sim.expectedTree('ORD'))).toEqual(['Home', 'Other root']);
  });

  test('all positioned group sorts by position', () => {
    expect(titlesOf(childrenOf(sim.expectedTree('ORD'), '1'))).toEqual(['Beta', 'Gamma', 'Alpha']);
  });

  test('one null position makes group alphabetical', () => {
    expect(titlesOf(childrenOf(sim.expectedTree('ORD'), '2'))).toEqual(['alpha', 'Echo', 'zulu']);
  });

  test('position ties by title then id', () => {
    expect(childrenOf(sim.expectedTree('ORD'), '10').map((node) => node.id)).toEqual(['31', '30', '32']);
  });

  test('title ties by code units', () => {
    expect(childrenOf(sim.expectedTree('ORD'), '12').map((node) => node.title)).toEqual(['a', 'B', 'b']);
  });

  test('default excludes archived subtree and drafts', () => {
    const tree = sim.expectedTree('ORD');
    expect(titlesOf(childrenOf(tree, '11'))).toEqual(['B', 'A']);
    expect(titlesOf(childrenOf(tree, '12'))).not.toContain('Draft');
    expect(sim.spaces[0]!.visibleCount).toBe(pages.length - 3);
  });

  test('included archived sibling changes the rule', () => {
    const tree = sim.expectedTree('ORD', { statuses: ['current', 'archived'] });
    const group = childrenOf(tree, '11');
    expect(titlesOf(group)).toEqual(['A', 'B', 'C archived']);
    expect(titlesOf(group[2]!.children)).toEqual(['Under archived']);
  });

  test('unknown space key throws', () => {
    expect(() => sim.expectedTree('NOPE')).toThrow(/Unknown space key "NOPE"/);
  });
});

describe('expectedTree on cloud', () => {
  test('folders are nodes with their children', async () => {
    const sim = await startSimulator({
      flavor: 'cloud',
      spaces: [
        {
          key: 'FOL',
          pages: [
            { id: '1', title: 'Home', parentId: null },
            { id: '2', title: 'Folder', type: 'folder', parentId: null },
            { id: '3', title: 'In folder', parentId: '2' },
            { id: '4', title: 'Board', type: 'whiteboard', parentId: '1' },
            { id: '5', title: 'On board', parentId: '4' },
          ],
        },
      ],
    });
    try {
      const tree = sim.expectedTree('FOL');
      expect(tree.map((node) => [node.title, node.type])).toEqual([
        ['Folder', 'folder'],
        ['Home', 'page'],
      ]);
      expect(tree[0]!.children.map((node) => node.title)).toEqual(['In folder']);
      expect(tree[1]!.children[0]!.children.map((node) => node.title)).toEqual(['On board']);
      expect(sim.spaces[0]!.homepageId).toBe('1');
    } finally {
      await sim.close();
    }
  });

  test('folders are rejected on data center', async () => {
    await expect(
      startSimulator({
        flavor: 'datacenter',
        spaces: [{ key: 'X', pages: [{ id: '1', title: 'F', type: 'folder', parentId: null }] }],
      }),
    ).rejects.toThrow(/type "folder" does not exist in this flavour/);
  });

  test('unknown parent is rejected', async () => {
    await expect(
      startSimulator({ flavor: 'cloud', spaces: [{ key: 'X', pages: [{ id: '1', title: 'P', parentId: '9' }] }] }),
    ).rejects.toThrow(/parent 9 is not a node of this space/);
  });

  test('parent cycle is rejected', async () => {
    await expect(
      startSimulator({
        flavor: 'cloud',
        spaces: [
          {
            key: 'X',
            pages: [
              { id: '1', title: 'P', parentId: '2' },
              { id: '2', title: 'Q', parentId: '1' },
            ],
          },
        ],
      }),
    ).rejects.toThrow(/parent cycle/);
  });
});
