/**
 * The `md` diff report: a CommonMark document for a review or a ticket.
 *
 * ```
 * # Changes in DOCS — Documentation
 *
 * 1 added, 0 removed, 1 moved, 0 renamed, 0 reordered.
 *
 * - Old: old.json: fetched 2025-01-02T03:04:05.000Z, 8 nodes, complete
 * - New: new.json: fetched 2025-01-09T03:04:05.000Z, 9 nodes, complete
 *
 * ## Added (1)
 *
 * - **Runbook** (id 9) in Home › Archive
 * ```
 *
 * Every title, path and file name goes through `escapeMarkdown`.
 */
import { escapeMarkdown } from '../render/markdown-escape.js';
import type { SnapshotDiff } from './compare.js';
import { describeCounts, describeDiffSpace, describeParentPath, describePath, describeSide } from './describe.js';

export function renderDiffMarkdown(diff: SnapshotDiff): string {
  const md = escapeMarkdown;
  const lines = [
    `# Changes in ${md(describeDiffSpace(diff))}`,
    '',
    `${md(describeCounts(diff))}.`,
    '',
    `- Old: ${md(describeSide(diff.old))}`,
    `- New: ${md(describeSide(diff.new))}`,
  ];

  const section = (heading: string, items: string[]) => {
    if (items.length > 0) {
      lines.push('', `## ${heading} (${items.length})`, '', ...items.map((item) => `- ${item}`));
    }
  };
  const page = (title: string, id: string) => `**${md(title)}** (id ${md(id)})`;

  section(
    'Added',
    diff.added.map((added) => `${page(added.title, added.id)} in ${md(describeParentPath(added.path))}`),
  );
  section(
    'Removed',
    diff.removed.map((removed) => `${page(removed.title, removed.id)} was in ${md(describeParentPath(removed.path))}`),
  );
  section(
    'Moved',
    diff.moved.map((moved) => `${page(moved.title, moved.id)} from ${md(describeParentPath(moved.oldPath))} to ${md(describeParentPath(moved.newPath))}`),
  );
  section(
    'Renamed',
    diff.renamed.map((renamed) => `${page(renamed.oldTitle, renamed.id)} → **${md(renamed.newTitle)}** in ${md(describeParentPath(renamed.path))}`),
  );
  section(
    'Reordered',
    diff.reordered.map(
      (moved) => `${page(moved.title, moved.id)} in ${md(describePath(moved.parentPath))}: position ${moved.oldIndex + 1} → ${moved.newIndex + 1}`,
    ),
  );
  return lines.join('\n') + '\n';
}
