/**
 * Size checks for the diagram formats, whose drawing tools fail or become
 * unusable on large trees. A renderer counts the nodes before it writes them
 * and reports one warning through `onWarning` when the tree is past the limit,
 * naming the largest `--depth` that fits.
 */
import type { FetchResult } from '../fetch/types.js';
import type { TreeNode } from '../tree/types.js';
import { walk } from './walk.js';

/** Number of nodes at each depth of the roots and orphan subtrees, index 0 being the top level. */
export function countNodesByDepth(result: FetchResult): number[] {
  const counts: number[] = [];
  const visited = new Set<TreeNode>();
  const groups = [result.tree.roots, ...result.tree.orphans.map((orphan) => [orphan.node])];
  for (const tops of groups) {
    for (const step of walk(tops, visited)) {
      counts[step.depth] = (counts[step.depth] ?? 0) + 1;
    }
  }
  return counts;
}

/**
 * Returns the largest number of levels whose nodes number at most `maxNodes`,
 * or 0 when even the top level has more.
 */
export function deepestFittingLevels(countsByDepth: readonly number[], maxNodes: number): number {
  let total = 0;
  for (let depth = 0; depth < countsByDepth.length; depth++) {
    total += countsByDepth[depth] ?? 0;
    if (total > maxNodes) {
      return depth;
    }
  }
  return countsByDepth.length;
}

/** Returns the advice part of a size warning: which `--depth` would fit, or that none does. */
export function depthAdvice(levels: number): string {
  return levels === 0 ? 'even the top level is too large, so pick a smaller subtree with --root' : `pass --depth ${levels} or less, or pick a subtree with --root`;
}
