import { IdIndex } from './id-index.js';
import { orderSiblings } from './order.js';
import type { OrphanSubtree, PageRecord, Tree, TreeNode } from './types.js';

/** Problems that `buildTree` found in the records, besides the tree itself. */
export interface BuildIssues {
  /** Ids that appeared more than once; the first record of each was kept. */
  duplicateIds: string[];
  /**
   * Ids of records that formed a parent cycle; each cycle is cut at its smallest id.
   * NOTE: the ids of records below a cycle, which only the cycle reached, are listed too.
   */
  cycleIds: string[];
}

export interface BuiltTree {
  tree: Tree;
  issues: BuildIssues;
}

function createNode(record: PageRecord): TreeNode {
  // Two literals instead of adding `url` afterwards, because V8 gives an
  // object a separate property store for a property added after creation.
  if (record.url === undefined) {
    return {
      id: record.id,
      title: record.title,
      type: record.type,
      position: record.position,
      status: record.status,
      depth: 0,
      parent: null,
      children: [],
      isHome: false,
    };
  }
  return {
    id: record.id,
    title: record.title,
    type: record.type,
    position: record.position,
    status: record.status,
    depth: 0,
    parent: null,
    children: [],
    isHome: false,
    url: record.url,
  };
}

/**
 * Sets depths and sorts children below `top`, without recursion, and returns
 * the number of nodes it reached, `top` included.
 */
function finishSubtree(top: TreeNode, depth: number): number {
  let visited = 0;
  top.depth = depth;
  const stack: TreeNode[] = [top];

  while (stack.length > 0) {
    const node = stack.pop() as TreeNode;
    visited += 1;
    const children = node.children;
    if (children.length > 1) {
      orderSiblings(children);
    }
    const childDepth = node.depth + 1;
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index] as TreeNode;
      child.depth = childDepth;
      stack.push(child);
    }
  }
  return visited;
}

/** Finds nodes that no root or orphan reaches: they sit on a parent cycle. */
function findUnreached(byId: ReadonlyMap<string, TreeNode>, tops: TreeNode[]): TreeNode[] {
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
 * Links flat records into a tree in time linear in the number of records,
 * plus the sorting of each sibling group.
 *
 * Records whose parent never arrived become orphan subtrees instead of being
 * dropped or hoisted to the top level. Top-level pages follow the same
 * sibling order as any other group; the home page is marked, not moved.
 */
export function buildTree(records: Iterable<PageRecord>, homepageId: string | null = null): BuiltTree {
  const { byId, nodes, parentIds, duplicateIds } = createNodes(records);
  const home = homepageId === null ? undefined : byId.get(homepageId);
  if (home !== undefined) {
    home.isHome = true;
  }

  const { roots, orphanTops, orphanParents } = linkNodes(byId, nodes, parentIds);
  orderSiblings(roots);
  let finished = 0;
  for (const top of roots) {
    finished += finishSubtree(top, 0);
  }
  for (const top of orphanTops) {
    finished += finishSubtree(top, 0);
  }

  // Only nodes on a parent cycle, or below one, are out of reach of every
  // top, so the costlier cycle search runs only when some node was not reached.
  let parents = orphanParents;
  let cycleIds: string[] = [];
  if (finished !== nodes.length) {
    parents = new Map(nodes.map((node, index) => [node, parentIds[index] ?? null]));
    const firstCut = orphanTops.length;
    cycleIds = cutCycles(byId, roots, orphanTops, parents);
    for (let index = firstCut; index < orphanTops.length; index += 1) {
      finishSubtree(orphanTops[index] as TreeNode, 0);
    }
  }

  const orphans = buildOrphans(orphanTops, parents);
  return {
    tree: { roots, orphans, byId, homepageId },
    issues: { duplicateIds, cycleIds },
  };
}

interface CreatedNodes {
  byId: IdIndex;
  /** Unlinked nodes in record order, one per distinct id. */
  nodes: readonly TreeNode[];
  /** `parentIds[i]` is the parent id of `nodes[i]`. */
  parentIds: (string | null)[];
  duplicateIds: string[];
}

/** Creates one node per record and indexes it by id, keeping the first record of a duplicate id. */
function createNodes(records: Iterable<PageRecord>): CreatedNodes {
  // Parallel arrays instead of a Map keyed by node, because a second
  // million-entry Map would double the cost of indexing.
  const allNodes: TreeNode[] = [];
  const allParentIds: (string | null)[] = [];
  for (const record of records) {
    allNodes.push(createNode(record));
    allParentIds.push(record.parentId);
  }

  const { index, duplicatePositions } = IdIndex.build(allNodes);
  if (duplicatePositions.length === 0) {
    return { byId: index, nodes: allNodes, parentIds: allParentIds, duplicateIds: [] };
  }

  const dropped = new Set(duplicatePositions);
  return {
    byId: index,
    nodes: index.nodeList,
    parentIds: allParentIds.filter((_parentId, position) => !dropped.has(position)),
    duplicateIds: duplicatePositions.map((position) => (allNodes[position] as TreeNode).id),
  };
}

interface LinkedNodes {
  roots: TreeNode[];
  /** Nodes whose parent id is not in `byId`. */
  orphanTops: TreeNode[];
  /** The missing parent id of each orphan top. */
  orphanParents: Map<TreeNode, string | null>;
}

/** Sets each node's parent and adds it to the parent's children, in record order. */
function linkNodes(byId: IdIndex, nodes: readonly TreeNode[], parentIds: (string | null)[]): LinkedNodes {
  const roots: TreeNode[] = [];
  const orphanTops: TreeNode[] = [];
  const orphanParents = new Map<TreeNode, string | null>();
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index] as TreeNode;
    const parentId = parentIds[index] ?? null;
    if (parentId === null) {
      roots.push(node);
      continue;
    }

    const parentPosition = byId.positionOf(parentId);
    if (parentPosition === -1) {
      orphanTops.push(node);
      orphanParents.set(node, parentId);
    } else {
      node.parent = nodes[parentPosition] as TreeNode;
    }
  }

  // Adding children in a loop of their own lets the lookups above run back to
  // back, which was about 7 % faster than adding each child right after its
  // lookup (bench/throughput.ts, a million records, 2 shared vCPUs).
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index] as TreeNode;
    node.parent?.children.push(node);
  }
  return { roots, orphanTops, orphanParents };
}

/** Detaches each parent cycle at its smallest id and returns the ids on cycles. */
function cutCycles(
  byId: ReadonlyMap<string, TreeNode>,
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
  return orphans;
}
