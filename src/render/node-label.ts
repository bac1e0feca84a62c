import type { TreeNode } from '../tree/types.js';

/**
 * Returns a node's label before any format escapes it: the title, then the
 * type for non-pages and a home mark, as diagrams show them.
 */
export function plainNodeLabel(node: TreeNode): string {
  let label = node.title;
  if (node.type !== 'page') {
    label += ` [${node.type}]`;
  }
  if (node.isHome) {
    label += ' (home)';
  }
  return label;
}
