/**
 * The `json` diff report: one document with a trailing newline.
 *
 * ```
 * { "space": {key, name}, "changed": boolean,
 *   "old": {file, fetchedAt, complete, nodes}, "new": {...},
 *   "summary": {added, removed, moved, renamed, reordered},
 *   "added": [{id, title, type, parentId, path}], "removed": [...same],
 *   "moved": [{id, title, type, oldParentId, newParentId, oldPath, newPath}],
 *   "renamed": [{id, type, oldTitle, newTitle, path}],
 *   "reordered": [{id, title, type, parentId, parentPath, oldIndex, newIndex}] }
 * ```
 *
 * Paths are arrays of titles from the top level down, so a title that contains
 * a slash stays one element. Indexes count siblings in display order from 0.
 */
import { hasChanges, type SnapshotDiff } from './compare.js';

export function renderDiffJson(diff: SnapshotDiff): string {
  const document = {
    space: { key: diff.spaceKey, name: diff.spaceName },
    changed: hasChanges(diff),
    old: diff.old,
    new: diff.new,
    summary: {
      added: diff.added.length,
      removed: diff.removed.length,
      moved: diff.moved.length,
      renamed: diff.renamed.length,
      reordered: diff.reordered.length,
    },
    added: diff.added,
    removed: diff.removed,
    moved: diff.moved,
    renamed: diff.renamed,
    reordered: diff.reordered,
  };
  return JSON.stringify(document, null, 2) + '\n';
}
