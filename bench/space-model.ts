/**
 * The facts about a simulated space that decide how many requests each crawl
 * sends, taken from the simulator's expected tree (current nodes only).
 */
import type { ExpectedNode, RunningSimulator } from '../src/simulator/index.js';

export interface SpaceModel {
  flavor: 'cloud' | 'datacenter';
  /** Every node of the expected tree: pages, and on Cloud also folders and other containers. */
  nodes: number;
  /** Nodes of type page; what page listings and CQL search return. */
  pages: number;
  /** Top-level pages. */
  rootPages: number;
  /** Child counts of every page, in any order. */
  pageChildCounts: number[];
  /**
   * Child counts of every node a child-by-child crawl visits from the current
   * top-level pages. Cloud `direct-children` also returns archived children.
   */
  reachableChildCounts: number[];
}

function walk(nodes: ExpectedNode[], visit: (node: ExpectedNode) => void): void {
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop() as ExpectedNode;
    visit(node);
    for (const child of node.children) {
      stack.push(child);
    }
  }
}

export function modelSpace(simulator: RunningSimulator, spaceKey: string): SpaceModel {
  const roots = simulator.expectedTree(spaceKey);
  let nodes = 0;
  let pages = 0;
  const pageChildCounts: number[] = [];
  walk(roots, (node) => {
    nodes += 1;
    if (node.type === 'page') {
      pages += 1;
      pageChildCounts.push(node.children.length);
    }
  });

  const rootPages = roots.filter((root) => root.type === 'page');
  const rootIds = new Set(rootPages.map((root) => root.id));
  const childListed = simulator.flavor === 'cloud' ? simulator.expectedTree(spaceKey, { statuses: ['current', 'archived'] }) : roots;
  const reachableChildCounts: number[] = [];
  walk(
    childListed.filter((root) => rootIds.has(root.id)),
    (node) => reachableChildCounts.push(node.children.length),
  );

  return {
    flavor: simulator.flavor,
    nodes,
    pages,
    rootPages: rootPages.length,
    pageChildCounts,
    reachableChildCounts,
  };
}

/** Pages of a listing of `items` at `limit` per page; an empty listing still costs one request. */
export function listingPages(items: number, limit: number): number {
  return Math.max(1, Math.ceil(items / limit));
}
