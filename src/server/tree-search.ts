import type { FetchResult } from '../fetch/types.js';
import type { TreeNode } from '../tree/types.js';

/** Matches returned when a request has no `limit`. */
export const DEFAULT_SEARCH_LIMIT = 50;
/** Maximum `limit` of a request, which bounds the response size. */
export const MAX_SEARCH_LIMIT = 200;
/** Maximum length of the search text, in UTF-16 code units. */
export const MAX_QUERY_LENGTH = 200;

/** One node of a match's path, with what a client needs to place it in a partly loaded tree. */
export interface SearchPathEntry {
  id: string;
  title: string;
  type: string;
  url: string | null;
  /** Number of children in the whole tree. */
  childCount: number;
  /** 0-based position among its siblings in display order (among the top-level nodes for the first entry). */
  index: number;
}

/** Result of one title search. */
export interface SearchResult {
  /** Number of matching nodes in the whole tree, which can exceed `matches.length`. */
  total: number;
  /** The first matches in display order, at most `limit`, each as its path from the top level, the match last. */
  matches: SearchPathEntry[][];
}

/** The nodes of one fetched tree in display order, with lower-case titles. */
interface SearchIndex {
  nodes: TreeNode[];
  titles: string[];
  siblingIndex: Map<TreeNode, number>;
}

/** Indexes by fetch result, built on the first search, dropped with the result when a new fetch replaces it. */
const indexes = new WeakMap<FetchResult, SearchIndex>();

/**
 * Finds the nodes whose title contains `query`, compared in lower case, in
 * display order: the roots and their subtrees, then the orphan subtrees.
 * Returns at most `limit` matches, each with its path, and the total count.
 */
export function searchTitles(result: FetchResult, query: string, limit: number): SearchResult {
  const index = searchIndexOf(result);
  const needle = query.toLowerCase();
  const matches: SearchPathEntry[][] = [];
  let total = 0;
  for (let position = 0; position < index.nodes.length; position++) {
    if (!index.titles[position]!.includes(needle)) {
      continue;
    }
    total += 1;
    if (matches.length < limit) {
      matches.push(describePath(index.nodes[position]!, index.siblingIndex));
    }
  }
  return { total, matches };
}

function searchIndexOf(result: FetchResult): SearchIndex {
  let index = indexes.get(result);
  if (index === undefined) {
    index = buildSearchIndex(result);
    indexes.set(result, index);
  }
  return index;
}

/** Lists the nodes in pre-order with an explicit stack, so a deep chain cannot overflow the call stack. */
function buildSearchIndex(result: FetchResult): SearchIndex {
  const nodes: TreeNode[] = [];
  const siblingIndex = new Map<TreeNode, number>();
  const tops = [...result.tree.roots, ...result.tree.orphans.map((orphan) => orphan.node)];
  const seen = new Set<TreeNode>();

  const stack: Array<{ node: TreeNode; index: number }> = [];
  for (let i = tops.length - 1; i >= 0; i--) {
    stack.push({ node: tops[i]!, index: i });
  }
  while (stack.length > 0) {
    const { node, index } = stack.pop()!;
    // buildTree cuts cycles, but a node reached twice would make the walk endless.
    if (seen.has(node)) continue;
    seen.add(node);
    nodes.push(node);
    siblingIndex.set(node, index);
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push({ node: node.children[i]!, index: i });
    }
  }
  return { nodes, titles: nodes.map((node) => node.title.toLowerCase()), siblingIndex };
}

function describePath(node: TreeNode, siblingIndex: Map<TreeNode, number>): SearchPathEntry[] {
  const path: SearchPathEntry[] = [];
  for (let current: TreeNode | null = node; current !== null; current = current.parent) {
    path.push({
      id: current.id,
      title: current.title,
      type: current.type,
      url: current.url ?? null,
      childCount: current.children.length,
      index: siblingIndex.get(current) ?? 0,
    });
  }
  return path.reverse();
}
