import type { TreeDocument, TreeDocumentNode } from './document.js';

/**
 * A tree flattened into pre-order arrays, indexed by row number. A node's
 * descendants are the rows from its index + 1 up to `subtreeEnd[index]`
 * (exclusive), so skipping a collapsed subtree is one jump.
 */
export interface FlatTree {
  size: number;
  nodes: TreeDocumentNode[];
  /** Titles in lower case, for search. */
  searchTitles: string[];
  depth: Int32Array;
  /** Index of the parent row, or -1 for a top-level row. */
  parent: Int32Array;
  subtreeEnd: Int32Array;
  /** Children that exist on the server but are not loaded yet: the `childCounts` entry minus the loaded children. */
  pendingChildren: Int32Array;
  /** 1-based position among siblings, for `aria-posinset`. */
  positionInSet: Int32Array;
  /** Number of siblings including the node, for `aria-setsize`. */
  setSize: Int32Array;
  indexById: Map<string, number>;
}

interface Frame {
  siblings: TreeDocumentNode[];
  next: number;
  parentIndex: number;
}

/** Top-level nodes: the roots, then each orphan subtree as an extra top-level node. */
export function topNodes(document: TreeDocument): TreeDocumentNode[] {
  return [...document.roots, ...(document.orphans ?? []).map((orphan) => orphan.node)];
}

/**
 * Flattens the document in pre-order. Walks with an explicit stack, so a deep
 * chain cannot overflow the call stack. A node object that appears twice is
 * listed once, because a cycle would otherwise never end.
 */
export function flattenTree(document: TreeDocument): FlatTree {
  const nodes: TreeDocumentNode[] = [];
  const parents: number[] = [];
  const depths: number[] = [];
  const positions: number[] = [];
  const sizes: number[] = [];
  const seen = new Set<TreeDocumentNode>();

  const tops = topNodes(document);
  const frames: Frame[] = [{ siblings: tops, next: 0, parentIndex: -1 }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    const node = frame.siblings[frame.next];
    if (node === undefined) {
      frames.pop();
      continue;
    }
    frame.next += 1;
    if (seen.has(node)) {
      continue;
    }
    seen.add(node);

    nodes.push(node);
    parents.push(frame.parentIndex);
    depths.push(frames.length - 1);
    positions.push(frame.next);
    sizes.push(frame.siblings.length);
    const children = node.children ?? [];
    if (children.length > 0) {
      frames.push({ siblings: children, next: 0, parentIndex: nodes.length - 1 });
    }
  }

  return indexRows(nodes, parents, depths, positions, sizes, document.childCounts ?? {});
}

function indexRows(
  nodes: TreeDocumentNode[],
  parents: number[],
  depths: number[],
  positions: number[],
  sizes: number[],
  childCounts: Record<string, number>,
): FlatTree {
  const size = nodes.length;
  const subtreeEnd = new Int32Array(size);
  const pendingChildren = new Int32Array(size);
  const indexById = new Map<string, number>();

  // A row's subtree ends where the next row at the same or a lower depth starts.
  const open: number[] = [];
  for (let index = 0; index < size; index++) {
    const depth = depths[index]!;
    while (open.length > 0 && depths[open[open.length - 1]!]! >= depth) {
      subtreeEnd[open.pop()!] = index;
    }
    open.push(index);

    const node = nodes[index]!;
    indexById.set(node.id, index);
    // A node that a search added has only the children on match paths loaded.
    const total = childCounts[node.id];
    const loaded = (node.children ?? []).length;
    if (typeof total === 'number' && total > loaded) {
      pendingChildren[index] = total - loaded;
    }
  }
  for (const index of open) {
    subtreeEnd[index] = size;
  }

  return {
    size,
    nodes,
    searchTitles: nodes.map((node) => String(node.title).toLowerCase()),
    depth: Int32Array.from(depths),
    parent: Int32Array.from(parents),
    subtreeEnd,
    pendingChildren,
    positionInSet: Int32Array.from(positions),
    setSize: Int32Array.from(sizes),
    indexById,
  };
}

/** Returns true when the row has children, loaded or not. */
export function hasChildren(tree: FlatTree, index: number): boolean {
  return tree.subtreeEnd[index]! > index + 1 || tree.pendingChildren[index]! > 0;
}

/** Returns the nodes from the top level down to the row, the row last. */
export function pathOf(tree: FlatTree, index: number): TreeDocumentNode[] {
  const path: TreeDocumentNode[] = [];
  for (let current = index; current >= 0; current = tree.parent[current]!) {
    path.push(tree.nodes[current]!);
  }
  return path.reverse();
}
