import type { Tree } from '../tree/types.js';

export type Flavor = 'cloud' | 'datacenter';

/** A machine-readable note about something that may make the tree incomplete or uncertain. */
export interface FetchWarning {
  /** Stable identifier, such as `listing-repeated-page` or `missing-parent`. */
  code: string;
  /** One English sentence for people. */
  message: string;
  /** When true, the tree may be missing nodes or links, so `complete` is false. */
  affectsCompleteness: boolean;
  /** Ids or URLs that the warning is about. */
  details?: Record<string, unknown>;
}

/** A node that was listed, but whose content or children could not be read. */
export interface UnreadableNode {
  id: string;
  /** Title from the listing, or an empty string when none was given. */
  title: string;
  /** Reason it could not be read, such as `HTTP 404 when its children were read`. */
  reason: string;
}

export interface SpaceInfo {
  key: string;
  id?: string;
  name?: string;
  homepageId?: string | null;
  /** Absolute web URL of the space. */
  url?: string;
}

export interface FetchStats {
  /** Nodes in the tree, of every type. */
  nodes: number;
  /** Nodes of type `page`. */
  pages: number;
  /** Nodes of type `folder`. */
  folders: number;
  requests: number;
  /** Response body bytes received. */
  bytes: number;
  retries: number;
  durationMs: number;
}

export interface FetchResult {
  space: SpaceInfo;
  flavor: Flavor;
  /** Name of the listing strategy that produced the tree, such as `cloud-v2-space-pages`. */
  strategy: string;
  /**
   * Fallback sources used because the primary listing could not be trusted,
   * such as `children-expand`, `child-listing` or `pagetree-html`; empty when
   * the listing alone gave the tree.
   */
  fallbacks: string[];
  complete: boolean;
  warnings: FetchWarning[];
  stats: FetchStats;
  /**
   * Listed nodes that could not be read. With `unreadable: 'keep'` they stay
   * in the tree; with `'omit'` they and their subtrees are left out.
   */
  unreadable: UnreadableNode[];
  /** ISO 8601 time at which the fetch started. */
  fetchedAt: string;
  /** Id of the subtree root when `root` was requested. */
  rootId: string | null;
  /** Depth cap that was applied, or null for the whole tree. */
  maxDepth: number | null;
  tree: Tree;
}
