import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { sortSiblings } from '../../src/quirks/sibling-order.js';
import { buildTree } from '../../src/tree/build.js';
import type { PageRecord, TreeNode } from '../../src/tree/types.js';

function page(id: string, parentId: string | null, title = `Page ${id}`): PageRecord {
  return { id, title, type: 'page', parentId, position: null, status: 'current' };
}

/** Records with ids 1..20, so that parents are often missing, repeated or on a cycle. */
const records = fc.array(
  fc.record({
    id: fc.integer({ min: 1, max: 20 }).map(String),
    title: fc.constantFrom('Alpha', 'alpha', 'Beta', 'beta-2', 'Gamma', 'Ökonomie', '日本'),
    type: fc.constant('page' as const),
    parentId: fc.option(fc.integer({ min: 1, max: 24 }).map(String), { freq: 5 }),
    position: fc.option(fc.integer({ min: 0, max: 3 }), { freq: 3 }),
    status: fc.constant('current'),
  }),
  { maxLength: 40 },
);

/** Returns every node below `tops` with the depth at which a walk from them finds it. */
function reach(tops: TreeNode[]): { node: TreeNode; depth: number }[] {
  const found: { node: TreeNode; depth: number }[] = [];
  const stack = tops.map((node) => ({ node, depth: 0 }));
  while (stack.length > 0) {
    const entry = stack.pop()!;
    found.push(entry);
    for (const child of entry.node.children) {
      stack.push({ node: child, depth: entry.depth + 1 });
    }
  }
  return found;
}

describe('buildTree invariants', () => {
  it('reaches each kept record once', () => {
    fc.assert(
      fc.property(records, (input) => {
        const { tree, issues } = buildTree(input);
        const reached = reach([...tree.roots, ...tree.orphans.map((orphan) => orphan.node)]);

        const firstIds = [...new Set(input.map((record) => record.id))];
        expect(reached.map((entry) => entry.node.id).sort()).toEqual([...firstIds].sort());
        expect([...tree.byId.keys()]).toEqual(firstIds);
        expect(issues.duplicateIds).toHaveLength(input.length - firstIds.length);
        for (const { node } of reached) {
          expect(tree.byId.get(node.id)).toBe(node);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps depths, parent links and sibling order', () => {
    fc.assert(
      fc.property(records, (input) => {
        const { tree } = buildTree(input);
        const reached = reach([...tree.roots, ...tree.orphans.map((orphan) => orphan.node)]);

        for (const { node, depth } of reached) {
          expect(node.depth).toBe(depth);
          for (const child of node.children) {
            expect(child.parent).toBe(node);
          }
          expect(node.children).toEqual(sortSiblings([...node.children]));
        }
        expect(tree.roots).toEqual(sortSiblings([...tree.roots]));
      }),
      { numRuns: 500 },
    );
  });

  it('marks the first record of a repeated home id', () => {
    const { tree } = buildTree([page('1', null, 'First'), page('2', null), page('1', null, 'Second')], '1');
    expect(tree.byId.get('1')?.title).toBe('First');
    expect(tree.roots.filter((root) => root.isHome).map((root) => root.title)).toEqual(['First']);
  });

  it('keeps a subtree that hangs below a cycle', () => {
    const { tree, issues } = buildTree([page('1', null), page('7', '8'), page('8', '7'), page('9', '8'), page('10', '9'), page('5', '404')]);
    expect(issues.cycleIds).toEqual(expect.arrayContaining(['7', '8']));
    expect(tree.orphans.map((orphan) => [orphan.missingParentId, orphan.node.id])).toEqual([
      ['404', '5'],
      ['8', '7'],
    ]);
    expect(tree.byId.get('10')?.depth).toBe(3);
  });
});
