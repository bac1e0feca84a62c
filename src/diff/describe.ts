/** Wording shared by the text and Markdown diff reports. The strings are raw: each report escapes them. */
import type { SnapshotDiff, SnapshotSummary } from './compare.js';

/** Separator of titles in a path. A slash is not used because titles such as `Sales/Marketing` contain one. */
export const PATH_SEPARATOR = ' › ';

/** Returns `DOCS — Documentation`, or the key alone when the space has no name. */
export function describeDiffSpace(diff: SnapshotDiff): string {
  return diff.spaceName === null || diff.spaceName === '' ? diff.spaceKey : `${diff.spaceKey} — ${diff.spaceName}`;
}

/** Returns a line such as `2 added, 1 removed, 0 moved, 1 renamed, 0 reordered`, or `no changes`. */
export function describeCounts(diff: SnapshotDiff): string {
  const counts = [
    `${diff.added.length} added`,
    `${diff.removed.length} removed`,
    `${diff.moved.length} moved`,
    `${diff.renamed.length} renamed`,
    `${diff.reordered.length} reordered`,
  ];
  const total = diff.added.length + diff.removed.length + diff.moved.length + diff.renamed.length + diff.reordered.length;
  return total === 0 ? `no changes (${diff.new.nodes} nodes in both)` : counts.join(', ');
}

/** Returns `FILE: fetched TIME, N nodes, complete`. */
export function describeSide(side: SnapshotSummary): string {
  const state = side.complete ? 'complete' : 'INCOMPLETE, so pages may be missing from it';
  return `${side.file}: fetched ${side.fetchedAt}, ${side.nodes} nodes, ${state}`;
}

/** Returns `top level` for an empty path, or the titles joined by `PATH_SEPARATOR`. */
export function describePath(path: readonly string[]): string {
  return path.length === 0 ? 'top level' : path.join(PATH_SEPARATOR);
}

/** Returns the path of the parent: the page's own path without its last title. */
export function describeParentPath(path: readonly string[]): string {
  return describePath(path.slice(0, -1));
}
