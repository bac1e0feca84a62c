import { describe, expect, it } from 'vitest';
import { buildTree } from '../../src/tree/build.js';
import { selectTree } from '../../src/tree/select.js';
import type { PageRecord, TreeNode } from '../../src/tree/types.js';

function page(id: string, parentId: string | null, title = `Page ${id}`, position: number | null = null): PageRecord {
  return { id, title, type: 'page', parentId, position, status: 'current' };
}

function outline(nodes: TreeNode[]): unknown[] {
  return nodes.map((node) => (node.children.length === 0 ? node.id : { [node.id]: outline(node.children) }));
}

describe('buildTree', () => {
  it('links records given in any order', () => {
    const { tree } = buildTree([page('3', '2'), page('2', '1'), page('1', null)]);
    expect(outline(tree.roots)).toEqual([{ '1': [{ '2': ['3'] }] }]);
    expect(tree.byId.get('3')?.depth).toBe(2);
  });

  it('marks the home page among several roots', () => {
    const { tree } = buildTree([page('1', null, 'Alpha'), page('2', null, 'Zulu home'), page('3', null, 'Beta')], '2');
    expect(tree.roots.map((root) => root.id)).toEqual(['1', '3', '2']);
    expect(tree.roots.map((root) => root.isHome)).toEqual([false, false, true]);
  });

  it('reports children of a missing parent as orphans', () => {
    const { tree } = buildTree([page('1', null), page('5', '404'), page('6', '5')]);
    expect(tree.roots.map((root) => root.id)).toEqual(['1']);
    expect(tree.orphans).toHaveLength(1);
    expect(tree.orphans[0]?.missingParentId).toBe('404');
    expect(outline([tree.orphans[0]!.node])).toEqual([{ '5': ['6'] }]);
    expect(tree.byId.has('6')).toBe(true);
  });

  it('keeps the first of duplicate ids', () => {
    const { tree, issues } = buildTree([page('1', null, 'First'), page('1', null, 'Second')]);
    expect(tree.roots).toHaveLength(1);
    expect(tree.roots[0]?.title).toBe('First');
    expect(issues.duplicateIds).toEqual(['1']);
  });

  it('cuts a parent cycle instead of losing it', () => {
    const { tree, issues } = buildTree([page('1', null), page('7', '8'), page('8', '7')]);
    expect(issues.cycleIds.sort()).toEqual(['7', '8']);
    expect(tree.byId.size).toBe(3);
    expect(tree.orphans.map((orphan) => orphan.node.id)).toEqual(['7']);
    expect(outline([tree.orphans[0]!.node])).toEqual([{ '7': ['8'] }]);
  });

  it('orders siblings by position, or by title when one lacks it', () => {
    const positioned = buildTree([page('1', null), page('2', '1', 'B', 20), page('3', '1', 'A', 30)]).tree;
    expect(positioned.roots[0]?.children.map((child) => child.title)).toEqual(['B', 'A']);

    const mixed = buildTree([page('1', null), page('2', '1', 'B', 20), page('3', '1', 'A', null)]).tree;
    expect(mixed.roots[0]?.children.map((child) => child.title)).toEqual(['A', 'B']);
  });

  it('builds a deep chain without recursion', () => {
    const records = Array.from({ length: 200_000 }, (_, index) => page(String(index + 1), index === 0 ? null : String(index)));
    const { tree } = buildTree(records);
    expect(tree.byId.get('200000')?.depth).toBe(199_999);
  });
});

describe('selectTree', () => {
  const { tree } = buildTree([page('1', null), page('2', '1'), page('3', '2'), page('4', '3'), page('5', null)]);

  it('returns the subtree below a root', () => {
    const selected = selectTree(tree, '2', null);
    expect(outline(selected!.roots)).toEqual([{ '2': [{ '3': ['4'] }] }]);
    expect(selected!.roots[0]?.depth).toBe(0);
    expect(selected!.byId.size).toBe(3);
  });

  it('cuts at a depth', () => {
    expect(outline(selectTree(tree, null, 1)!.roots)).toEqual(['1', '5']);
    expect(outline(selectTree(tree, null, 2)!.roots)).toEqual([{ '1': ['2'] }, '5']);
    expect(outline(selectTree(tree, '2', 2)!.roots)).toEqual([{ '2': ['3'] }]);
  });

  it('returns undefined for an unknown root', () => {
    expect(selectTree(tree, '999', null)).toBeUndefined();
  });
});
