/**
 * The `text` diff report: a summary first, then one section per kind of
 * change. Titles are made safe for a terminal by `escapeControlCharacters`.
 *
 * ```
 * DOCS — Documentation: 1 added, 0 removed, 1 moved, 0 renamed, 0 reordered
 * old  old.json: fetched 2025-01-02T03:04:05.000Z, 8 nodes, complete
 * new  new.json: fetched 2025-01-09T03:04:05.000Z, 9 nodes, complete
 *
 * Added (1)
 *   + Runbook  [id 9]  in Home › Archive
 * Moved (1)
 *   ~ Meeting notes  [id 4]  from Home › Sales/Marketing  to Home › Archive
 * ```
 */
import { escapeControlCharacters } from '../render/escape-controls.js';
import type { SnapshotDiff } from './compare.js';
import { describeCounts, describeDiffSpace, describeParentPath, describePath, describeSide } from './describe.js';

export function renderDiffText(diff: SnapshotDiff): string {
  const safe = escapeControlCharacters;
  const lines = [
    safe(`${describeDiffSpace(diff)}: ${describeCounts(diff)}`),
    safe(`old  ${describeSide(diff.old)}`),
    safe(`new  ${describeSide(diff.new)}`),
  ];

  const section = (heading: string, items: string[]) => {
    if (items.length > 0) {
      lines.push('', `${heading} (${items.length})`, ...items.map((item) => `  ${safe(item)}`));
    }
  };
  section(
    'Added',
    diff.added.map((page) => `+ ${page.title}  [id ${page.id}]  in ${describeParentPath(page.path)}`),
  );
  section(
    'Removed',
    diff.removed.map((page) => `- ${page.title}  [id ${page.id}]  was in ${describeParentPath(page.path)}`),
  );
  section(
    'Moved',
    diff.moved.map((page) => `~ ${page.title}  [id ${page.id}]  from ${describeParentPath(page.oldPath)}  to ${describeParentPath(page.newPath)}`),
  );
  section(
    'Renamed',
    diff.renamed.map((page) => `~ "${page.oldTitle}" → "${page.newTitle}"  [id ${page.id}]  in ${describeParentPath(page.path)}`),
  );
  section(
    'Reordered',
    diff.reordered.map(
      (page) => `~ ${page.title}  [id ${page.id}]  in ${describePath(page.parentPath)}: position ${page.oldIndex + 1} → ${page.newIndex + 1}`,
    ),
  );
  return lines.join('\n') + '\n';
}
