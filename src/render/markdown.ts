/**
 * The `md` format: a CommonMark document with a nested bullet list.
 *
 * ```
 * # DOCS — Documentation
 *
 * Fetched 2025-01-02T03:04:05.000Z, complete.
 *
 * - [Home](<https://example.atlassian.net/wiki/spaces/DOCS/pages/1>) *(home)*
 *   - Sales/Marketing
 *   - Archive *(folder)*
 *
 * ## Parent 99 not found
 *
 * - Lost page
 * ```
 *
 * The heading names the space and the paragraph below it states the fetch
 * time and completeness. A node with an http or https URL is a link. Titles
 * go through `escapeMarkdown`, so every node is one list item whose text reads
 * back as the title with control characters shown as escapes.
 *
 * Each level indents by two spaces, the width of `- `, which CommonMark needs
 * for a nested list. Below `maxIndentDepth` levels (default 32) the indentation
 * stops growing and the item starts with `[+N]`, where N is the number of
 * levels left out, so that output size stays linear in the number of nodes.
 */
import type { TreeNode } from '../tree/types.js';
import { describeFetchDetails, describeSpace } from './fetch-metadata.js';
import { escapeMarkdown, markdownLinkDestination } from './markdown-escape.js';
import { groupOrphans } from './orphan-groups.js';
import { readMaxIndentDepth } from './options.js';
import { ChunkBuffer } from './sink.js';
import type { Renderer } from './types.js';
import { walk } from './walk.js';

/** Writes the heading, the metadata paragraph, the tree and one section per missing parent. */
export const renderMarkdown: Renderer = async (result, sink, options = {}) => {
  const maxIndentDepth = readMaxIndentDepth(options.maxIndentDepth);
  const out = new ChunkBuffer(sink);
  const visited = new Set<TreeNode>();

  const details = describeFetchDetails(result);
  const intro = `# ${escapeMarkdown(describeSpace(result))}\n\n${escapeMarkdown(capitalize(details))}.\n`;
  let pending = out.write(intro);
  if (pending) await pending;

  if (result.tree.roots.length > 0) {
    pending = out.write('\n');
    if (pending) await pending;
    await writeList(out, result.tree.roots, maxIndentDepth, visited);
  }

  for (const group of groupOrphans(result.tree.orphans)) {
    pending = out.write(`\n## Parent ${escapeMarkdown(group.missingParentId)} not found\n\n`);
    if (pending) await pending;
    await writeList(out, group.nodes, maxIndentDepth, visited);
  }

  await out.flush();
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function writeList(out: ChunkBuffer, tops: readonly TreeNode[], maxIndentDepth: number, visited: Set<TreeNode>): Promise<void> {
  for (const step of walk(tops, visited)) {
    const shownDepth = Math.min(step.depth, maxIndentDepth);
    const hidden = step.depth - shownDepth;
    const marker = hidden > 0 ? `\\[+${hidden}\\] ` : '';
    const line = '  '.repeat(shownDepth) + '- ' + marker + formatItem(step.node) + '\n';

    const pending = out.write(line);
    if (pending) await pending;
  }
}

/** Returns the item text: the title, as a link when the node has a web URL, then its type, status and home marks. */
function formatItem(node: TreeNode): string {
  const title = escapeMarkdown(node.title);
  const destination = markdownLinkDestination(node.url);
  let item = destination === null ? title : `[${title}](${destination})`;
  if (node.type !== 'page') {
    item += ` *(${node.type})*`;
  }
  if (node.status !== 'current') {
    item += ` *(${escapeMarkdown(node.status)})*`;
  }
  if (node.isHome) {
    item += ' *(home)*';
  }
  return item;
}
