import { sortSiblings } from '../quirks/sibling-order.js';
import type { OrphanSubtree, PageRecord, Tree, TreeNode } from './types.js';

/** Problems that `buildTree` found in the records, besides the tree itself. */
export interface BuildIssues {
  /** Ids that appeared more than once; the first record of each was kept. */
  duplicateIds: string[];
  /** Ids of records that formed a parent cycle; each cycle is cut at its smallest id. */
  cycleIds: string[];
}

export interface BuiltTree {
  tree: Tree;
  issues: BuildIssues;
}

function createNode(record: PageRecord, homepageId: string | null): TreeNode {
  const node: TreeNode = {
    id: record.id,
    title: record.title,
    type: record.type,
    position: record.position,
    status: record.status,
    depth: 0,
    parent: null,
    children: [],
    isHome: record.id === homepageId,
  };
  if (record.url !== undefined) {
    node.url = record.url;
  }
  return node;
}

/** Sets depths and sorts children below `top`, without recursion. */
function finishSubtree(top: TreeNode, depth: number): number {
  let visited = 0;
  top.depth = depth;
  const stack: TreeNode[] = [top];

  while (stack.length > 0) {
    const node = stack.pop() as TreeNode;
    visited += 1;
    sortSiblings(node.children);
    for (const child of node.children) {
      child.depth = node.depth + 1;
      stack.push(child);
    }
  }
  return visited;
}

/** Finds nodes that no root or orphan reaches: they sit on a parent cycle. */
function findUnreached(byId: Map<string, TreeNode>, tops: TreeNode[]): TreeNode[] {
  const reached = new Set<TreeNode>();
  const stack = [...tops];
  while (stack.length > 0) {
    const node = stack.pop() as TreeNode;
    reached.add(node);
    for (const child of node.children) {
      stack.push(child);
    }
  }
  return [...byId.values()].filter((node) => !reached.has(node));
}

/**
 * Counts the nodes below `tops`, tops included. Nodes on a parent cycle are
 * never below a top, so the walk ends even when cycles exist.
 */
function countReachable(tops: TreeNode[]): number {
  let count = 0;
  const stack = [...tops];
  while (stack.length > 0) {
    const node = stack.pop() as TreeNode;
    count += 1;
    for (const child of node.children) {
      stack.push(child);
    }
  }
  return count;
}

/**
 * Links flat records into a tree in time linear in the number of records,
 * plus the sorting of each sibling group.
 *
 * Records whose parent never arrived become orphan subtrees instead of being
 * dropped or hoisted to the top level. Top-level pages follow the same
 * sibling order as any other group; the home page is marked, not moved.
 */
export function buildTree(records: Iterable<PageRecord>, homepageId: string | null = null): BuiltTree {
  const byId = new Map<string, TreeNode>();
  // Parallel arrays instead of a Map keyed by node: this loop runs once per
  // record, and a second million-entry Map doubles its cost.
  const nodes: TreeNode[] = [];
  const parentIds: (string | null)[] = [];
  const duplicateIds: string[] = [];

  for (const record of records) {
    if (byId.has(record.id)) {
      duplicateIds.push(record.id);
      continue;
    }
    const node = createNode(record, homepageId);
    byId.set(record.id, node);
    nodes.push(node);
    parentIds.push(record.parentId);
  }

  const roots: TreeNode[] = [];
  const orphanTops: TreeNode[] = [];
  const orphanParents = new Map<TreeNode, string | null>();
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index] as TreeNode;
    const parentId = parentIds[index] ?? null;
    const parent = parentId === null ? undefined : byId.get(parentId);
    if (parentId === null) {
      roots.push(node);
    } else if (parent === undefined) {
      orphanTops.push(node);
      orphanParents.set(node, parentId);
    } else {
      node.parent = parent;
      parent.children.push(node);
    }
  }

  // Only nodes on a parent cycle are out of reach of every top, so the
  // costlier cycle search runs only when the counts differ.
  const cyclic = countReachable([...roots, ...orphanTops]) !== nodes.length;
  const parents = cyclic ? new Map(nodes.map((node, index) => [node, parentIds[index] ?? null])) : orphanParents;
  const cycleIds = cyclic ? cutCycles(byId, roots, orphanTops, parents) : [];

  sortSiblings(roots);
  for (const root of roots) {
    finishSubtree(root, 0);
  }

  const orphans = buildOrphans(orphanTops, parents);
  return {
    tree: { roots, orphans, byId, homepageId },
    issues: { duplicateIds, cycleIds },
  };
}

/** Detaches each parent cycle at its smallest id and returns the ids on cycles. */
function cutCycles(
  byId: Map<string, TreeNode>,
  roots: TreeNode[],
  orphanTops: TreeNode[],
  parentOf: Map<TreeNode, string | null>,
): string[] {
  const unreached = findUnreached(byId, [...roots, ...orphanTops]);
  if (unreached.length === 0) {
    return [];
  }

  const cycleIds = unreached.map((node) => node.id);
  const pending = new Set(unreached);
  while (pending.size > 0) {
    // Walk up from any pending node until a node repeats: that node is on a cycle.
    let node = pending.values().next().value as TreeNode;
    const seen = new Set<TreeNode>();
    while (!seen.has(node)) {
      seen.add(node);
      node = node.parent as TreeNode;
    }

    const cycle: TreeNode[] = [];
    let member = node;
    do {
      cycle.push(member);
      member = member.parent as TreeNode;
    } while (member !== node);

    const cut = cycle.reduce((smallest, candidate) => (candidate.id < smallest.id ? candidate : smallest));
    const formerParent = cut.parent as TreeNode;
    formerParent.children = formerParent.children.filter((child) => child !== cut);
    cut.parent = null;
    parentOf.set(cut, parentOf.get(cut) ?? null);
    orphanTops.push(cut);

    for (const reached of findUnreachedFrom(cut)) {
      pending.delete(reached);
    }
  }
  return cycleIds;
}

function findUnreachedFrom(top: TreeNode): TreeNode[] {
  const nodes: TreeNode[] = [];
  const stack = [top];
  while (stack.length > 0) {
    const node = stack.pop() as TreeNode;
    nodes.push(node);
    for (const child of node.children) {
      stack.push(child);
    }
  }
  return nodes;
}

function buildOrphans(orphanTops: TreeNode[], parentOf: Map<TreeNode, string | null>): OrphanSubtree[] {
  const orphans = orphanTops.map((node) => ({ missingParentId: parentOf.get(node) ?? '', node }));
  orphans.sort((a, b) => a.missingParentId.localeCompare(b.missingParentId) || a.node.id.localeCompare(b.node.id));
  for (const orphan of orphans) {
    finishSubtree(orphan.node, 0);
  }
  return orphans;
}
