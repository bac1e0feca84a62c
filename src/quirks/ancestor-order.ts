/**
 * Derives each page's parent from `expand=ancestors` without trusting the
 * order of the array.
 *
 * Why: on Server the parent is not reliably the last element of `ancestors`
 * (seen on 6.13.8, atlassian-python-api pull request 461), and duplicate
 * ancestors have been seen, caused by a corrupt ancestors table that a daily
 * job repairs from 6.14 on. A page's depth equals the number of its distinct
 * ancestors, so the parent is the ancestor whose own depth is one less than
 * the page's. An absent `ancestors` field means the parent is unknown, not
 * that the page is at the top level.
 */

export interface AncestorInput {
  id: string;
  /** Ancestor ids as the server sent them, or undefined when not expanded. */
  ancestorIds: readonly string[] | undefined;
}

export type ParentResolution =
  | { kind: 'top' }
  | { kind: 'parent'; parentId: string; certain: boolean }
  | { kind: 'unknown' };

/**
 * Resolves the parent of every input. Linear in the total number of
 * ancestor entries.
 */
export function resolveParents(pages: readonly AncestorInput[]): Map<string, ParentResolution> {
  const depthById = new Map<string, number>();
  for (const page of pages) {
    if (page.ancestorIds !== undefined) {
      depthById.set(page.id, new Set(page.ancestorIds).size);
    }
  }

  const resolutions = new Map<string, ParentResolution>();
  for (const page of pages) {
    resolutions.set(page.id, resolveOne(page, depthById));
  }
  return resolutions;
}

function resolveOne(page: AncestorInput, depthById: Map<string, number>): ParentResolution {
  if (page.ancestorIds === undefined) {
    return { kind: 'unknown' };
  }

  const distinct = [...new Set(page.ancestorIds)].filter((id) => id !== page.id);
  if (distinct.length === 0) {
    return { kind: 'top' };
  }

  const parentDepth = distinct.length - 1;
  const byDepth = distinct.filter((id) => depthById.get(id) === parentDepth);
  if (byDepth.length === 1) {
    return { kind: 'parent', parentId: byDepth[0] as string, certain: true };
  }

  // The parent was not listed (hidden, archived or restricted), so its depth
  // is unknown. When exactly one ancestor has an unknown depth, it is the parent.
  const unlisted = distinct.filter((id) => !depthById.has(id));
  if (byDepth.length === 0 && unlisted.length === 1) {
    return { kind: 'parent', parentId: unlisted[0] as string, certain: true };
  }

  // Inconsistent depths: fall back to the last distinct element, flagged.
  let candidates = distinct;
  if (byDepth.length > 0) {
    candidates = byDepth;
  } else if (unlisted.length > 0) {
    candidates = unlisted;
  }
  const lastInArray = [...page.ancestorIds].reverse().find((id) => candidates.includes(id));
  return { kind: 'parent', parentId: lastInArray ?? (candidates[0] as string), certain: false };
}
