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
      throw revisitError(node);
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

function revisitError(node: TreeNode): Error {
  return new Error(`Cannot render the tree: node ${node.id} is reached twice, so the tree has a cycle or a shared node, which is a bug in the code that built it.`);
}

/** Node count and depth of a forest that `surveyForest` proved free of repeated nodes. */
export interface ForestSurvey {
  /** Number of nodes, tops included. */
  nodeCount: number;
  /** Largest depth, counted from 0 at each top as `walk` counts it. */
  maxDepth: number;
}

/**
 * Children arrays up to this length are checked for repeats pair by pair,
 * which allocates nothing and makes at most 1,128 comparisons, and longer ones
 * with a Set.
 */
const PAIRWISE_LIMIT = 48;

/**
 * Walks `groups` of top nodes and their descendants once, without a set of
 * visited nodes, and returns their node count and maximum depth. Returns
 * undefined, possibly after a partial walk, unless the tree meets these
 * conditions:
 *
 * 1. every top has `parent` null, and no top is listed twice;
 * 2. every child in `node.children` has `parent` equal to `node`;
 * 3. no `children` array lists a node twice.
 *
 * Then no node is reached twice. Suppose one is, and take the first second
 * arrival. It is not at a top, because tops are listed once and no child has
 * a null parent. So it is at a child, which only its one parent lists, once,
 * and that parent must have been reached twice before, which contradicts
 * "first". Trees from `buildTree` and `selectTree` meet the conditions, and
 * for any other tree the caller falls back to the checks of `walk`.
 */
export function surveyForest(groups: readonly (readonly TreeNode[])[]): ForestSurvey | undefined {
  const tops = new Set<TreeNode>();
  const stack: TreeNode[] = [];
  const depths: number[] = [];
  for (const group of groups) {
    for (const top of group) {
      if (top.parent !== null || tops.has(top)) {
        return undefined;
      }
      tops.add(top);
      stack.push(top);
      depths.push(0);
    }
  }

  let nodeCount = 0;
  let maxDepth = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    const depth = depths.pop()!;
    nodeCount += 1;
    if (depth > maxDepth) {
      maxDepth = depth;
    }

    const children = node.children;
    if (!childrenAreOwnAndDistinct(node, children)) {
      return undefined;
    }
    for (let index = 0; index < children.length; index += 1) {
      stack.push(children[index]!);
      depths.push(depth + 1);
    }
  }
  return { nodeCount, maxDepth };
}

function childrenAreOwnAndDistinct(node: TreeNode, children: readonly TreeNode[]): boolean {
  const count = children.length;
  for (let index = 0; index < count; index += 1) {
    if (children[index]!.parent !== node) {
      return false;
    }
  }
  if (count > PAIRWISE_LIMIT) {
    return new Set(children).size === count;
  }
  for (let first = 0; first < count; first += 1) {
    const child = children[first];
    for (let second = first + 1; second < count; second += 1) {
      if (children[second] === child) {
        return false;
      }
    }
  }
  return true;
}

/**
 * Stops the walks of one rendering at a node reached twice. With a survey it
 * only counts steps, because `surveyForest` already proved the tree free of
 * repeats, and the count still ends a walk that a cycle added while a renderer
 * awaits its sink would make endless. Without a survey it keeps the set of
 * visited nodes, as `walk` does.
 */
export class VisitGuard {
  readonly #visited: Set<TreeNode> | undefined;
  #remaining: number;

  constructor(survey: ForestSurvey | undefined) {
    this.#visited = survey === undefined ? new Set() : undefined;
    this.#remaining = survey === undefined ? Number.POSITIVE_INFINITY : survey.nodeCount;
  }

  /** Throws when `node` must not be rendered again. */
  visit(node: TreeNode): void {
    const visited = this.#visited;
    if (visited === undefined) {
      this.#remaining -= 1;
      if (this.#remaining < 0) {
        throw new Error(`Cannot render the tree: it gained nodes while it was being rendered, and node ${node.id} is beyond the count taken at the start. Change a tree only after its rendering has finished.`);
      }
      return;
    }
    if (visited.has(node)) {
      throw revisitError(node);
    }
    visited.add(node);
  }
}

/**
 * The pre-order walk of `walk` as a cursor: `advance` moves to the next node
 * and sets the fields, so that a renderer can await its sink between steps
 * without a generator or an object per step.
 */
export class TreeCursor {
  /** The current node, valid after `advance` returned true. */
  node: TreeNode | null = null;
  /** Levels below the top nodes, which have depth 0. */
  depth = 0;
  /** Parent in the walk, or `null` for a top node. */
  parent: TreeNode | null = null;
  /** True when the node is the last of its siblings (or of the top nodes). */
  isLast = false;

  readonly #guard: VisitGuard;
  // One entry per level of the current path: the sibling array, the index of
  // the next sibling to visit, and the parent of those siblings.
  readonly #siblings: (readonly TreeNode[])[];
  readonly #next: number[];
  readonly #parents: (TreeNode | null)[];

  constructor(tops: readonly TreeNode[], guard: VisitGuard) {
    this.#guard = guard;
    this.#siblings = [tops];
    this.#next = [0];
    this.#parents = [null];
  }

  /** Moves to the next node in pre-order. Returns false when the walk is done. */
  advance(): boolean {
    const current = this.node;
    if (current !== null && current.children.length > 0) {
      this.#siblings.push(current.children);
      this.#next.push(0);
      this.#parents.push(current);
    }

    let level = this.#siblings.length - 1;
    while (level >= 0) {
      const siblings = this.#siblings[level]!;
      const index = this.#next[level]!;
      if (index < siblings.length) {
        const node = siblings[index]!;
        this.#guard.visit(node);
        this.#next[level] = index + 1;
        this.node = node;
        this.depth = level;
        this.parent = this.#parents[level]!;
        this.isLast = index === siblings.length - 1;
        return true;
      }
      this.#siblings.pop();
      this.#next.pop();
      this.#parents.pop();
      level -= 1;
    }
    this.node = null;
    return false;
  }
}
