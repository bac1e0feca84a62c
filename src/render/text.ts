/**
 * The `text` format: an indented tree in the style of `tree(1)`.
 *
 * ```
 * DOCS — Documentation (fetched 2025-01-02T03:04:05.000Z, complete)
 * ├── Home (home)
 * │   ├── Guides
 * │   └── Archive [folder]
 * └── Release notes
 * (parent 123 not found)
 * └── Lost page
 * ```
 *
 * Every line after the first is one node, except the `(parent ID not found)`
 * lines that introduce orphan subtrees. Titles are made safe for a terminal by
 * `escapeControlCharacters`, so a title never spans two lines or sends an escape
 * sequence. The output is meant for reading, so use the `json` format for exact titles.
 */
import type { SpaceInfo } from '../fetch/types.js';
import type { TreeNode } from '../tree/types.js';
import { escapeControlCharacters } from './escape-controls.js';
import { describeFetchDetails } from './fetch-metadata.js';
import { readMaxIndentDepth } from './options.js';
import { ChunkBuffer } from './sink.js';
import type { Renderer } from './types.js';
import { surveyForest, TreeCursor, VisitGuard } from './walk.js';

const BRANCH = '├── ';
const LAST_BRANCH = '└── ';
const GUIDE = '│   ';
const BLANK_GUIDE = '    ';
/** Length of each guide string in UTF-16 code units. */
const GUIDE_WIDTH = 4;

interface TextLayout {
  showIds: boolean;
  maxIndentDepth: number;
}

/** Writes the space heading, the roots with their subtrees, then the orphan subtrees. */
export const renderText: Renderer = async (result, sink, options = {}) => {
  const layout: TextLayout = {
    showIds: options.showIds === true,
    maxIndentDepth: readMaxIndentDepth(options.maxIndentDepth),
  };
  const out = new ChunkBuffer(sink);
  const orphans = result.tree.orphans;
  const guard = new VisitGuard(surveyForest([result.tree.roots, ...orphans.map((orphan) => [orphan.node])]));

  const pending = out.write(`${formatSpaceHeading(result.space)} (${escapeControlCharacters(describeFetchDetails(result))})\n`);
  if (pending) await pending;

  await writeSubtrees(out, new TreeCursor(result.tree.roots, guard), layout);

  // Adjacent orphan subtrees with the same missing parent share one heading line.
  let start = 0;
  while (start < orphans.length) {
    const missingParentId = orphans[start]!.missingParentId;
    let end = start + 1;
    while (end < orphans.length && orphans[end]!.missingParentId === missingParentId) {
      end++;
    }

    const heading = out.write(`(parent ${escapeControlCharacters(missingParentId)} not found)\n`);
    if (heading) await heading;
    const group = orphans.slice(start, end).map((orphan) => orphan.node);
    await writeSubtrees(out, new TreeCursor(group, guard), layout);
    start = end;
  }

  await out.flush();
};

function formatSpaceHeading(space: SpaceInfo): string {
  const key = escapeControlCharacters(space.key);
  if (space.name === undefined || space.name === '') {
    return key;
  }
  return `${key} — ${escapeControlCharacters(space.name)}`;
}

async function writeSubtrees(out: ChunkBuffer, cursor: TreeCursor, layout: TextLayout): Promise<void> {
  const maxWidth = layout.maxIndentDepth * GUIDE_WIDTH;
  // guides[i] is the column drawn below the ancestor at depth i. It is a line
  // when that ancestor has siblings after it, and blank otherwise.
  const guides: string[] = [];
  // The guide columns drawn on the previous line, at most maxWidth characters.
  let visible = '';
  let previousDepth = -1;

  while (cursor.advance()) {
    const depth = cursor.depth;

    // A sibling has the same guides as the previous line, and a first child
    // adds its parent's guide to them. Only a step back up rebuilds them from
    // `guides`, so a deep chain costs O(1) joins per line instead of O(depth).
    if (depth === previousDepth + 1 && depth > 0) {
      visible += guides[depth - 1];
      if (visible.length > maxWidth) {
        visible = visible.slice(visible.length - maxWidth);
      }
    } else if (depth !== previousDepth) {
      visible = guides.slice(Math.max(0, depth - layout.maxIndentDepth), depth).join('');
    }
    previousDepth = depth;

    const hidden = depth - layout.maxIndentDepth;
    const marker = hidden > 0 ? `[+${hidden}] ` : '';
    const connector = cursor.isLast ? LAST_BRANCH : BRANCH;
    const line = marker + visible + connector + formatLabel(cursor.node!, layout) + '\n';

    guides.length = depth;
    guides.push(cursor.isLast ? BLANK_GUIDE : GUIDE);

    const pending = out.write(line);
    if (pending) await pending;
  }
}

function formatLabel(node: TreeNode, layout: TextLayout): string {
  let label = escapeControlCharacters(node.title);
  if (node.type !== 'page') {
    label += ` [${node.type}]`;
  }
  // Only `--include` brings in other statuses; without a mark they look like duplicates of current pages.
  if (node.status !== 'current') {
    label += ` [${escapeControlCharacters(node.status)}]`;
  }
  if (node.isHome) {
    label += ' (home)';
  }
  if (layout.showIds) {
    label += `  [id ${escapeControlCharacters(node.id)}]`;
  }
  return label;
}
