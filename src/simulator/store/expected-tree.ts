/**
 * The tree that a correct fetcher should build from a simulated space.
 */
import type { ExpectedNode, NodeStatus } from '../types.js';
import { childrenOf, rootsOf, type StoredNode, type StoredSpace } from './space-store.js';

export const DEFAULT_EXPECTED_STATUSES: readonly NodeStatus[] = ['current'];

/**
 * Returns the space's roots in display order. Only nodes with one of
 * `statuses` count, and a node whose parent is excluded is excluded too.
 */
export function buildExpectedTree(space: StoredSpace, statuses: readonly string[]): ExpectedNode[] {
  const allowed = statuses as readonly NodeStatus[];
  const toExpected = (node: StoredNode): ExpectedNode => ({
    id: node.id,
    title: node.title,
    type: node.type,
    children: childrenOf(node, allowed).map(toExpected),
  });
  return rootsOf(space, allowed).map(toExpected);
}

export function countExpectedNodes(roots: readonly ExpectedNode[]): number {
  let count = 0;
  const stack = [...roots];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    count++;
    stack.push(...node.children);
  }
  return count;
}
