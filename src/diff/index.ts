import type { SnapshotDiff } from './compare.js';
import { renderDiffJson } from './render-json.js';
import { renderDiffMarkdown } from './render-markdown.js';
import { renderDiffText } from './render-text.js';

export { compareSnapshots, hasChanges, longestIncreasingRun, pathOf } from './compare.js';
export type { DiffPage, MovedPage, RenamedPage, ReorderedPage, SnapshotDiff, SnapshotSummary } from './compare.js';
export { loadSnapshot, parseSnapshot, SnapshotError } from './snapshot.js';
export type { Snapshot, SnapshotNode } from './snapshot.js';

export const DIFF_FORMATS = ['text', 'json', 'md'] as const;

export type DiffFormat = (typeof DIFF_FORMATS)[number];

const DIFF_RENDERERS: Record<DiffFormat, (diff: SnapshotDiff) => string> = {
  text: renderDiffText,
  json: renderDiffJson,
  md: renderDiffMarkdown,
};

/** Returns the diff report in `format`. The report is built in memory, as the snapshots are. */
export function renderDiff(format: DiffFormat, diff: SnapshotDiff): string {
  return DIFF_RENDERERS[format](diff);
}
