import type { TreeDocument, TreeDocumentNode } from './document.js';
import { assertServerPath, fetchApiJson, type ServerPathEntry } from './load-document.js';

/** One node of a search match's path, as the search endpoint of `conftree serve` returns it. */
export interface SearchPathEntry extends ServerPathEntry {
  /** Number of children in the whole tree. */
  childCount: number;
  /** 0-based position among its siblings in display order. */
  index: number;
}

/** Body of a search response. */
export interface SearchResponse {
  /** Number of matches in the whole tree, which can exceed `matches.length`. */
  total: number;
  /** Each match's path from the top level, the match last. */
  matches: SearchPathEntry[][];
}

/** Fetches the nodes whose title contains `query` from the search endpoint of `conftree serve`. */
export async function fetchSearch(spaceUrl: URL, query: string, limit: number, signal?: AbortSignal): Promise<SearchResponse> {
  const url = new URL('search', spaceUrl);
  url.searchParams.set('q', query);
  url.searchParams.set('limit', String(limit));
  const body = (await fetchApiJson(url.href, signal)) as { total?: unknown; matches?: unknown } | null;
  if (typeof body?.total !== 'number' || !Array.isArray(body.matches)) {
    throw new TypeError('Invalid search response: expected "total" and a "matches" array.');
  }
  const matches = body.matches.map((match: unknown) => {
    const path = (match as { path?: unknown } | null)?.path;
    assertServerPath(path);
    return path.map((entry) => ({
      ...entry,
      childCount: typeof (entry as Partial<SearchPathEntry>).childCount === 'number' ? (entry as SearchPathEntry).childCount : 0,
      index: typeof (entry as Partial<SearchPathEntry>).index === 'number' ? (entry as SearchPathEntry).index : Number.MAX_SAFE_INTEGER,
    }));
  });
  return { total: body.total, matches };
}

/**
 * Adds to a lazily loaded document every node of the match paths that it
 * lacks, changing the document's nodes in place, and returns the document's
 * new `childCounts`.
 *
 * A node added this way may have only some of its children loaded (those on
 * match paths). Its `childCounts` entry keeps the count of all its children,
 * so the tree still loads the rest when the node is expanded. `siblingIndex`
 * stores the display position of each added node, so that siblings added by
 * different searches stay in display order. A path whose top-level node is
 * not in the document (the tree changed on the server) is skipped.
 */
export function addSearchPaths(
  document: TreeDocument,
  nodeById: Map<string, TreeDocumentNode>,
  matches: SearchPathEntry[][],
  siblingIndex: Map<string, number>,
): Record<string, number> {
  const childCounts = { ...document.childCounts };
  for (const path of matches) {
    let parent = nodeById.get(path[0]?.id ?? '');
    if (parent === undefined) continue;

    for (const entry of path.slice(1)) {
      let node: TreeDocumentNode | undefined = nodeById.get(entry.id);
      if (node === undefined) {
        node = { id: entry.id, title: entry.title, type: entry.type, url: entry.url, children: [] };
        nodeById.set(entry.id, node);
        siblingIndex.set(entry.id, entry.index);
        if (entry.childCount > 0) childCounts[entry.id] = entry.childCount;
        insertChild(parent, node, siblingIndex);
      }
      parent = node;
    }
  }
  return childCounts;
}

/** Inserts `node` among the parent's children before the first sibling with a higher display position. */
function insertChild(parent: TreeDocumentNode, node: TreeDocumentNode, siblingIndex: Map<string, number>): void {
  const children = parent.children ?? [];
  parent.children = children;
  const position = siblingIndex.get(node.id) ?? Number.MAX_SAFE_INTEGER;
  // Siblings loaded with a whole slice have no recorded position and keep their order in front.
  const before = children.findIndex((child) => (siblingIndex.get(child.id) ?? -1) > position);
  if (before < 0) {
    children.push(node);
  } else {
    children.splice(before, 0, node);
  }
}

/**
 * Replaces the children of `node` with the complete list from a slice. A
 * child that the node already had keeps its loaded children, because a
 * search may have loaded part of its subtree.
 */
export function replaceChildren(node: TreeDocumentNode, loaded: TreeDocumentNode[], siblingIndex: Map<string, number>): void {
  const existing = new Map((node.children ?? []).map((child) => [child.id, child]));
  node.children = loaded.map((child) => {
    siblingIndex.delete(child.id);
    const previous = existing.get(child.id);
    if (previous === undefined) return child;
    // The same object, so that a load of its own children still in flight can attach them.
    return Object.assign(previous, { ...child, children: previous.children ?? [] });
  });
}
