import type { TreeNode } from '../tree/types.js';

/** One node reached by `walk`, with its place in the walk. */
export interface WalkStep {
  node: TreeNode;
  /** Levels below the walk's top nodes, which have depth 0. */
  depth: number;
  /** Parent in the walk, or `null` for a top node. */
  parent: TreeNode | null;
  /** True when the node is the first of its siblings (or of the top nodes). */
  isFirst: boolean;
  /** True when the node is the last of its siblings (or of the top nodes). */
  isLast: boolean;
}

interface Frame {
  siblings: readonly TreeNode[];
  next: number;
  parent: TreeNode | null;
}

/**
 * Yields `tops` and their descendants in pre-order, children in array order.
 * It keeps an explicit stack, so a chain of any depth cannot overflow the call
 * stack. Depth is counted from `tops`, not read from `TreeNode.depth`.
 *
 * Throws when a node is reached a second time, which means that the tree has a
 * cycle or a shared node and would otherwise be rendered without end. Pass the
 * same `visited` set to several walks to check them together.
 */
export function* walk(tops: readonly TreeNode[], visited: Set<TreeNode> = new Set()): Generator<WalkStep> {
  const frames: Frame[] = [{ siblings: tops, next: 0, parent: null }];

  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.next >= frame.siblings.length) {
      frames.pop();
      continue;
    }

    const index = frame.next;
    const node = frame.siblings[index]!;
    frame.next = index + 1;

    if (visited.has(node)) {
      throw new Error(`Cannot render the tree: node ${node.id} is reached twice, so the tree has a cycle or a shared node, which is a bug in the code that built it.`);
    }
    visited.add(node);

    yield {
      node,
      depth: frames.length - 1,
      parent: frame.parent,
      isFirst: index === 0,
      isLast: index === frame.siblings.length - 1,
    };

    if (node.children.length > 0) {
      frames.push({ siblings: node.children, next: 0, parent: node });
    }
  }
}
