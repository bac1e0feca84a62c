import type { OrphanSubtree, TreeNode } from '../tree/types.js';

/** Orphan subtrees that point to the same missing parent. */
export interface OrphanGroup {
  missingParentId: string;
  nodes: TreeNode[];
}

/** Groups adjacent orphan subtrees with the same missing parent, keeping their order. */
export function groupOrphans(orphans: readonly OrphanSubtree[]): OrphanGroup[] {
  const groups: OrphanGroup[] = [];
  for (const orphan of orphans) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.missingParentId === orphan.missingParentId) {
      last.nodes.push(orphan.node);
    } else {
      groups.push({ missingParentId: orphan.missingParentId, nodes: [orphan.node] });
    }
  }
  return groups;
}
