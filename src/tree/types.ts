/**
 * Types of the page tree model. The model does not depend on HTTP: strategies
 * turn Confluence responses into `PageRecord`s and `buildTree` links them.
 */

/** Kinds of content that Confluence shows in a space's page tree. */
export type NodeType = 'page' | 'folder' | 'whiteboard' | 'database' | 'embed';

export const NODE_TYPES: readonly NodeType[] = ['page', 'folder', 'whiteboard', 'database', 'embed'];

/** One flat record from a listing, before the tree is linked. */
export interface PageRecord {
  id: string;
  title: string;
  type: NodeType;
  /** Parent content id; `null` for a top-level page of the space. */
  parentId: string | null;
  /** Manual sibling position, or `null` when Confluence has none (`"none"` on v1). */
  position: number | null;
  /** Confluence status, such as `current` or `archived`. */
  status: string;
  /** Absolute web URL of the page, when known. */
  url?: string;
}

/** A linked node of the tree. Children are in display order. */
export interface TreeNode {
  id: string;
  title: string;
  type: NodeType;
  position: number | null;
  status: string;
  url?: string;
  /** Depth from the top of the tree; roots have depth 0. */
  depth: number;
  parent: TreeNode | null;
  children: TreeNode[];
  /** True for the space's home page. */
  isHome: boolean;
}

/** A subtree whose parent never arrived in the listing. */
export interface OrphanSubtree {
  /** The parent id that the records point to but that no record has. */
  missingParentId: string;
  node: TreeNode;
}

export interface Tree {
  /** Top-level nodes in display order; the home page first when it is top level. */
  roots: TreeNode[];
  /** Subtrees whose parent is missing, reported instead of being dropped or hoisted. */
  orphans: OrphanSubtree[];
  /** Every node of `roots` and `orphans`, keyed by content id. */
  byId: ReadonlyMap<string, TreeNode>;
  homepageId: string | null;
}
