/**
 * The difference between two snapshots of one space, keyed by content id, so
 * that a renamed page is one page renamed and not one removed and one added.
 */
import type { Snapshot, SnapshotNode } from './snapshot.js';
import { SnapshotError } from './snapshot.js';

/** A page as the diff shows it: its id, title and type, and the titles of the path down to it. */
export interface DiffPage {
  id: string;
  title: string;
  type: string;
  parentId: string | null;
  /** Titles from the top level down to the page, the page included. */
  path: string[];
}

export interface MovedPage {
  id: string;
  title: string;
  type: string;
  oldParentId: string | null;
  newParentId: string | null;
  oldPath: string[];
  newPath: string[];
}

export interface RenamedPage {
  id: string;
  type: string;
  oldTitle: string;
  newTitle: string;
  /** Path in the new snapshot, ending with the new title. */
  path: string[];
}

export interface ReorderedPage {
  id: string;
  title: string;
  type: string;
  parentId: string | null;
  /** Titles of the path down to the parent; empty at the top level. */
  parentPath: string[];
  /** Place among the siblings, from 0, in the old and the new snapshot. */
  oldIndex: number;
  newIndex: number;
}

export interface SnapshotSummary {
  file: string;
  fetchedAt: string;
  complete: boolean;
  /** Nodes of every type, folders included. */
  nodes: number;
}

export interface SnapshotDiff {
  spaceKey: string;
  spaceName: string | null;
  old: SnapshotSummary;
  new: SnapshotSummary;
  /** In new display order. */
  added: DiffPage[];
  /** In old display order. */
  removed: DiffPage[];
  moved: MovedPage[];
  renamed: RenamedPage[];
  reordered: ReorderedPage[];
}

/** Returns true when the diff lists at least one change. */
export function hasChanges(diff: SnapshotDiff): boolean {
  return diff.added.length + diff.removed.length + diff.moved.length + diff.renamed.length + diff.reordered.length > 0;
}

/** Returns the origin of the snapshot's space URL, or null when it has none. */
function siteOf(snapshot: Snapshot): string | null {
  if (snapshot.spaceUrl === null) {
    return null;
  }
  try {
    return new URL(snapshot.spaceUrl).origin;
  } catch {
    return null;
  }
}

/**
 * Compares two snapshots of one space. A page in both is `moved` when its
 * parent id differs, `renamed` when its title differs (it can be both), and
 * `reordered` when it kept its parent but its order among the siblings that
 * also kept that parent changed. Of those siblings, the fewest pages whose
 * moves explain the new order are reported, which are the ones outside a
 * longest run that kept its relative order.
 *
 * Throws a `SnapshotError` when the snapshots are of different spaces: other
 * keys, other space ids, or the same key on different sites (such as staging
 * and production).
 */
export function compareSnapshots(older: Snapshot, newer: Snapshot): SnapshotDiff {
  if (older.spaceKey !== newer.spaceKey) {
    throw new SnapshotError(
      `Snapshot ${older.file} is of space ${older.spaceKey} and ${newer.file} of space ${newer.spaceKey}: pass two snapshots of the same space.`,
    );
  }
  const olderSite = siteOf(older);
  const newerSite = siteOf(newer);
  if (olderSite !== null && newerSite !== null && olderSite !== newerSite) {
    throw new SnapshotError(
      `Snapshot ${older.file} is from ${olderSite} and ${newer.file} from ${newerSite}: pass two snapshots of the same site.`,
    );
  }
  if (older.spaceId !== null && newer.spaceId !== null && older.spaceId !== newer.spaceId) {
    throw new SnapshotError(
      `Snapshots ${older.file} and ${newer.file} are of two different spaces with key ${older.spaceKey} (ids ${older.spaceId} and ${newer.spaceId}): pass two snapshots of the same space.`,
    );
  }

  const diff: SnapshotDiff = {
    spaceKey: newer.spaceKey,
    spaceName: newer.spaceName ?? older.spaceName,
    old: summarize(older),
    new: summarize(newer),
    added: [],
    removed: [],
    moved: [],
    renamed: [],
    reordered: [],
  };

  for (const node of newer.nodes.values()) {
    const before = older.nodes.get(node.id);
    if (before === undefined) {
      diff.added.push(describePage(newer, node));
      continue;
    }
    if (before.parentId !== node.parentId) {
      diff.moved.push({
        id: node.id,
        title: node.title,
        type: node.type,
        oldParentId: before.parentId,
        newParentId: node.parentId,
        oldPath: pathOf(older, before),
        newPath: pathOf(newer, node),
      });
    }
    if (before.title !== node.title) {
      diff.renamed.push({ id: node.id, type: node.type, oldTitle: before.title, newTitle: node.title, path: pathOf(newer, node) });
    }
  }

  for (const node of older.nodes.values()) {
    if (!newer.nodes.has(node.id)) {
      diff.removed.push(describePage(older, node));
    }
  }

  diff.reordered = findReordered(older, newer);
  return diff;
}

function summarize(snapshot: Snapshot): SnapshotSummary {
  return { file: snapshot.file, fetchedAt: snapshot.fetchedAt, complete: snapshot.complete, nodes: snapshot.nodes.size };
}

function describePage(snapshot: Snapshot, node: SnapshotNode): DiffPage {
  return { id: node.id, title: node.title, type: node.type, parentId: node.parentId, path: pathOf(snapshot, node) };
}

/**
 * Returns the titles from the top down to `node`. The path of a node in an
 * orphan subtree starts at the top of that subtree, because the titles above
 * the missing parent are unknown.
 */
export function pathOf(snapshot: Snapshot, node: SnapshotNode): string[] {
  const titles = [node.title];
  let parentId = node.parentId;
  // A snapshot is a nested document, so a parent chain has no cycle, except
  // when an orphan's missing parent id names a node of its own subtree.
  // The step limit stops that case.
  for (let steps = 0; parentId !== null && steps < snapshot.nodes.size; steps++) {
    const parent = snapshot.nodes.get(parentId);
    if (parent === undefined) {
      break;
    }
    titles.push(parent.title);
    parentId = parent.parentId;
  }
  return titles.reverse();
}

/** Returns the pages that kept their parent but changed their order among the siblings that also kept it. */
function findReordered(older: Snapshot, newer: Snapshot): ReorderedPage[] {
  // Siblings that kept their parent, grouped by parent, in new display order.
  const groups = new Map<string | null, SnapshotNode[]>();
  for (const node of newer.nodes.values()) {
    const before = older.nodes.get(node.id);
    if (before === undefined || before.parentId !== node.parentId) {
      continue;
    }
    const group = groups.get(node.parentId);
    if (group === undefined) {
      groups.set(node.parentId, [node]);
    } else {
      group.push(node);
    }
  }

  const reordered: ReorderedPage[] = [];
  for (const [parentId, siblings] of groups) {
    const oldIndexes = siblings.map((node) => older.nodes.get(node.id)!.index);
    const inOrder = longestIncreasingRun(oldIndexes);
    siblings.forEach((node, i) => {
      if (inOrder.has(i)) {
        return;
      }
      const parent = parentId === null ? undefined : newer.nodes.get(parentId);
      reordered.push({
        id: node.id,
        title: node.title,
        type: node.type,
        parentId,
        parentPath: parent === undefined ? [] : pathOf(newer, parent),
        oldIndex: oldIndexes[i]!,
        newIndex: node.index,
      });
    });
  }
  return reordered;
}

/**
 * Returns the positions in `values` of one longest strictly increasing
 * subsequence, in O(n log n) by patience sorting.
 */
export function longestIncreasingRun(values: readonly number[]): Set<number> {
  // tails[k] is the position of the smallest last value of an increasing run of length k + 1.
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);

  values.forEach((value, position) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]!]! < value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    previous[position] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = position;
  });

  const run = new Set<number>();
  let position = tails.length > 0 ? tails[tails.length - 1]! : -1;
  while (position !== -1) {
    run.add(position);
    position = previous[position]!;
  }
  return run;
}
