import type { Tree, TreeNode } from './types.js';

/** Copies `top` and its descendants down to `maxDepth` levels, re-basing depths at 0. */
function copySubtree(top: TreeNode, maxDepth: number | null): TreeNode {
  const copyTop: TreeNode = { ...top, depth: 0, parent: null, children: [] };
  const stack: Array<[TreeNode, TreeNode]> = [[top, copyTop]];

  while (stack.length > 0) {
    const [source, copy] = stack.pop() as [TreeNode, TreeNode];
    if (maxDepth !== null && copy.depth + 1 >= maxDepth) {
      continue;
    }
    for (const child of source.children) {
      const childCopy: TreeNode = { ...child, depth: copy.depth + 1, parent: copy, children: [] };
      copy.children.push(childCopy);
      stack.push([child, childCopy]);
    }
  }
  return copyTop;
}

function indexNodes(tops: TreeNode[]): Map<string, TreeNode> {
  const byId = new Map<string, TreeNode>();
  const stack = [...tops];
  while (stack.length > 0) {
    const node = stack.pop() as TreeNode;
    byId.set(node.id, node);
    stack.push(...node.children);
  }
  return byId;
}

/**
 * Returns the part of `tree` below `rootId` (the whole tree when null), cut
 * after `maxDepth` levels (all levels when null). `maxDepth` 1 keeps only the
 * top level, like `tree -L 1`. Returns undefined when `rootId` is not in the tree.
 */
export function selectTree(tree: Tree, rootId: string | null, maxDepth: number | null): Tree | undefined {
  if (rootId === null && maxDepth === null) {
    return tree;
  }

  if (rootId !== null) {
    const top = tree.byId.get(rootId);
    if (top === undefined) {
      return undefined;
    }
    const root = copySubtree(top, maxDepth);
    return { roots: [root], orphans: [], byId: indexNodes([root]), homepageId: tree.homepageId };
  }

  const roots = tree.roots.map((root) => copySubtree(root, maxDepth));
  const orphans = tree.orphans.map((orphan) => ({ ...orphan, node: copySubtree(orphan.node, maxDepth) }));
  const byId = indexNodes([...roots, ...orphans.map((orphan) => orphan.node)]);
  return { roots, orphans, byId, homepageId: tree.homepageId };
}

/** Counts nodes of `tree`: all of them, pages and folders. */
export function countNodes(tree: Tree): { total: number; pages: number; folders: number } {
  let pages = 0;
  let folders = 0;
  for (const node of tree.byId.values()) {
    if (node.type === 'page') {
      pages += 1;
    } else if (node.type === 'folder') {
      folders += 1;
    }
  }
  return { total: tree.byId.size, pages, folders };
}
