/**
 * Content that changes while a crawl runs: after a set number of requests,
 * some pages move under another parent and some leaf pages are trashed.
 * A client then sees a page twice, or under a parent that no longer contains it,
 * or loses a page between two listing pages. It must still end with a tree.
 *
 * The choice of pages depends only on the seed, so a run is reproducible. The
 * moment is the n-th request, so it also depends on the order of requests.
 */
import type { MiddlewareHandler } from 'hono';
import { createRandom, deriveSeed, type Random } from '../random.js';
import { descendantsOf, type SpaceStore, type StoredNode } from '../store/space-store.js';

export interface MutationPlan {
  readonly afterRequests: number;
  readonly moves: number;
  readonly deletes: number;
  readonly seed: number;
}

/** Applies the plan's moves and deletes to the store once, and returns what changed. */
export function applyMutations(store: SpaceStore, plan: MutationPlan): { moved: string[]; deleted: string[] } {
  const random = createRandom(deriveSeed(plan.seed, 'mutations'));
  const moved: string[] = [];
  const deleted: string[] = [];

  for (let i = 0; i < plan.moves; i++) {
    const node = pickMovablePage(store, random);
    const target = node ? pickNewParent(node, random) : undefined;
    if (node && target) {
      moveNode(node, target);
      moved.push(node.id);
    }
  }
  for (let i = 0; i < plan.deletes; i++) {
    const leaves = store.spaces.flatMap((space) =>
      space.nodes.filter((node) => node.type === 'page' && node.status === 'current' && node.parent !== null && node.children.length === 0),
    );
    if (leaves.length > 0) {
      const leaf = random.pick(leaves);
      leaf.status = 'trashed';
      deleted.push(leaf.id);
    }
  }

  store.invalidate();
  return { moved, deleted };
}

function pickMovablePage(store: SpaceStore, random: Random): StoredNode | undefined {
  const candidates = store.spaces.flatMap((space) =>
    space.nodes.filter((node) => node.type === 'page' && node.status === 'current' && node.parent !== null),
  );
  return candidates.length === 0 ? undefined : random.pick(candidates);
}

/** Picks a current page of the same space outside the node's own subtree and other than its parent. */
function pickNewParent(node: StoredNode, random: Random): StoredNode | undefined {
  const excluded = new Set([node.id, node.parent?.id, ...descendantsOf(node).map((descendant) => descendant.id)]);
  const candidates = node.space.nodes.filter(
    (candidate) => candidate.type === 'page' && candidate.status === 'current' && !excluded.has(candidate.id),
  );
  return candidates.length === 0 ? undefined : random.pick(candidates);
}

function moveNode(node: StoredNode, target: StoredNode): void {
  const siblings = node.parent!.children;
  siblings.splice(siblings.indexOf(node), 1);
  target.children.push(node);
  node.parent = target;

  const shift = target.depth + 1 - node.depth;
  node.depth += shift;
  for (const descendant of descendantsOf(node)) {
    descendant.depth += shift;
  }
}

/** Middleware that counts requests and applies the plan when the count reaches `afterRequests`. */
export function createMutationMiddleware(store: SpaceStore, plan: MutationPlan): MiddlewareHandler {
  let served = 0;
  return async (_c, next) => {
    served++;
    if (served === plan.afterRequests + 1) {
      applyMutations(store, plan);
    }
    await next();
  };
}
