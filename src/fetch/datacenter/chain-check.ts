/**
 * A cross-check of `expand=ancestors` across pages: a page's ancestors must be
 * its parent plus the parent's own ancestors. The sets are compared, not the
 * arrays, since Server sends the arrays out of order (see
 * `quirks/ancestor-order.ts`).
 *
 * A mismatch means the two pages were served at different moments of a space
 * that changed in between (a page moved while the listing ran), or that the
 * server's ancestors table is corrupt. Either way the parents in the listing
 * cannot all be right, so the listing is not trusted.
 */
import type { AncestorInput, ParentResolution } from '../../quirks/ancestor-order.js';

/** Returns the ids of pages whose ancestors disagree with their parent's ancestors. */
export function findInconsistentChains(inputs: readonly AncestorInput[], resolutions: ReadonlyMap<string, ParentResolution>): string[] {
  const ancestorsById = new Map<string, Set<string>>();
  for (const input of inputs) {
    if (input.ancestorIds !== undefined) {
      ancestorsById.set(input.id, new Set(input.ancestorIds));
    }
  }

  const inconsistent: string[] = [];
  for (const input of inputs) {
    const resolution = resolutions.get(input.id);
    const own = ancestorsById.get(input.id);
    if (resolution?.kind !== 'parent' || own === undefined) {
      continue;
    }
    const parents = ancestorsById.get(resolution.parentId);
    if (parents !== undefined && !isParentChain(own, resolution.parentId, parents)) {
      inconsistent.push(input.id);
    }
  }
  return inconsistent;
}

/** Returns whether `own` is exactly `parentAncestors` plus `parentId`. */
function isParentChain(own: ReadonlySet<string>, parentId: string, parentAncestors: ReadonlySet<string>): boolean {
  if (own.size !== parentAncestors.size + 1 || !own.has(parentId)) {
    return false;
  }
  for (const id of parentAncestors) {
    if (!own.has(id)) {
      return false;
    }
  }
  return true;
}
