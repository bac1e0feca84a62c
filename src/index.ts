/**
 * conftree's public library surface. Everything else under `src/` is
 * internal and may change without notice.
 */
export { fetchSpaceTree } from './fetch/fetch-space-tree.js';
export type { FetchProgress, FetchTreeOptions, FlavorChoice } from './fetch/options.js';
export type { FetchResult, FetchStats, FetchWarning, Flavor, SpaceInfo } from './fetch/types.js';
export { FlavorDetectionError, InvalidOptionError, RootNotFoundError, SpaceNotFoundError, WrongFlavorError } from './fetch/errors.js';

export { buildTree, selectTree, countNodes, NODE_TYPES } from './tree/index.js';
export type { NodeType, OrphanSubtree, PageRecord, Tree, TreeNode } from './tree/index.js';

export { renderTo } from './render/index.js';
export type { OutputFormat } from './render/index.js';

export * from './confluence/index.js';
export { VERSION } from './version.js';
