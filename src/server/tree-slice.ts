import type { FetchResult } from '../fetch/types.js';
import { renderJson } from '../render/json.js';
import { stringSink } from '../render/sink.js';
import { selectTree } from '../tree/select.js';
import type { TreeNode } from '../tree/types.js';

/** Part of a space's tree that one API request selects. */
export interface SliceRequest {
  /** Content id of the subtree's top node, or null for the whole space. */
  rootId: string | null;
  /** Levels to return, or null for all. */
  depth: number | null;
}

/** One node of a page's path. */
export interface PathEntry {
  id: string;
  title: string;
  type: string;
  url: string | null;
}

/** Node counts of the part of a tree that one response contains. */
export interface SliceCounts {
  /** Nodes of every type. */
  nodes: number;
  pages: number;
  folders: number;
}

/**
 * Renders the requested part of a fetched tree as a compact `json` document.
 *
 * The whole tree is the `json` format unchanged. A slice (with `rootId` or
 * `depth`) adds `slice`, the node counts of the slice itself, while `stats`
 * keeps describing the fetch of the whole space. A depth-limited document also contains `childCounts`, the
 * number of children of each node whose children were cut, so that a client
 * can load them when the node is expanded. Returns null when `rootId` is not
 * in the tree.
 */
export async function renderSlice(result: FetchResult, request: SliceRequest): Promise<string | null> {
  const tree = selectTree(result.tree, request.rootId, request.depth);
  if (tree === undefined) {
    return null;
  }

  const sink = stringSink();
  await renderJson({ ...result, tree, rootId: request.rootId, maxDepth: request.depth }, sink, { compact: true });
  const document = sink.text().trimEnd();
  if (request.rootId === null && request.depth === null) {
    return document;
  }

  let extra = `,"slice":${JSON.stringify(countSlice(tree.byId.values()))}`;
  if (request.depth !== null) {
    extra += `,"childCounts":${JSON.stringify(cutChildCounts(result, tree.byId.values()))}`;
  }
  // The compact document ends with its closing brace; the extra fields go before it.
  return `${document.slice(0, -1)}${extra}}`;
}

/** Counts the nodes of a slice by type. */
function countSlice(sliceNodes: Iterable<TreeNode>): SliceCounts {
  const counts: SliceCounts = { nodes: 0, pages: 0, folders: 0 };
  for (const node of sliceNodes) {
    counts.nodes += 1;
    if (node.type === 'page') {
      counts.pages += 1;
    } else if (node.type === 'folder') {
      counts.folders += 1;
    }
  }
  return counts;
}

/** Returns, for each node of the slice that has no children in it, the number of children it has in the whole tree, when more than 0. */
function cutChildCounts(result: FetchResult, sliceNodes: Iterable<TreeNode>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const node of sliceNodes) {
    if (node.children.length > 0) continue;
    const full = result.tree.byId.get(node.id);
    if (full !== undefined && full.children.length > 0) {
      counts[node.id] = full.children.length;
    }
  }
  return counts;
}

/** Returns the path from the top level down to the node, the node last, or null when it is not in the tree. */
export function pathOf(result: FetchResult, id: string): PathEntry[] | null {
  const node = result.tree.byId.get(id);
  if (node === undefined) {
    return null;
  }
  const path: PathEntry[] = [];
  for (let current: TreeNode | null = node; current !== null; current = current.parent) {
    path.push({ id: current.id, title: current.title, type: current.type, url: current.url ?? null });
  }
  return path.reverse();
}
