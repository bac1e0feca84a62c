export { buildTree } from './build.js';
export type { BuildIssues, BuiltTree } from './build.js';
export { selectTree, countNodes } from './select.js';
export type { NodeType, OrphanSubtree, PageRecord, Tree, TreeNode } from './types.js';
export { NODE_TYPES } from './types.js';
