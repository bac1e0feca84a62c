/**
 * The `dot` format: a Graphviz digraph, left to right.
 *
 * ```
 * // conftree: DOCS — Documentation, fetched 2025-01-02T03:04:05.000Z, complete
 * digraph conftree {
 *   graph [rankdir=LR, labelloc=t, label=<DOCS — Documentation<br/>fetched 2025-01-02T03:04:05.000Z, complete>];
 *   node [shape=box];
 *   n1 [label=<Home (home)>, id="page-1", URL="https://example.atlassian.net/wiki/spaces/DOCS/pages/1"];
 *   n2 [label=<Sales/Marketing>, id="page-2"];
 *   n1 -> n2;
 *   m1 [label=<parent 99 not found>, style=dashed];
 *   m1 -> n7 [style=dashed];
 * }
 * ```
 *
 * The space, fetch time and completeness are in a `//` comment and in the
 * graph label, which Graphviz draws above the picture. Nodes are named `n1`,
 * `n2`, ... in display order. Titles are HTML-like labels (`dotHtmlLabel`). The
 * page id is the node's `id` attribute, which Graphviz copies into SVG output,
 * and its URL becomes a link in SVG. An id or URL that contains a quote, a
 * backslash or a control character is left out. Folders have `shape=folder`.
 * An orphan subtree hangs from a dashed placeholder for its missing parent.
 */
import { plainNodeLabel } from './node-label.js';
import type { TreeNode } from '../tree/types.js';
import { countNodesByDepth, deepestFittingLevels, depthAdvice } from './diagram-size.js';
import { dotHtmlLabel, dotPlainString } from './dot-escape.js';
import { escapeControlCharacters } from './escape-controls.js';
import { describeFetch, describeFetchDetails, describeSpace } from './fetch-metadata.js';
import { groupOrphans } from './orphan-groups.js';
import { ChunkBuffer } from './sink.js';
import type { Renderer } from './types.js';
import { walk } from './walk.js';

/**
 * Number of nodes past which the `dot` layout becomes impractical.
 * NOTE: Graphviz has no hard limit, so this is an estimate. Graphviz issue
 * 1284 reports `dot` running for minutes on a graph of 1,307 nodes, and the
 * Graphviz gallery page "Undirected Large Graph Layout Using sfdp" shows a
 * graph of 1,054 nodes.
 */
export const DOT_MAX_NODES = 1000;

/** Writes the comment, the graph header, the nodes and edges, and the closing brace. */
export const renderDot: Renderer = async (result, sink, options = {}) => {
  const out = new ChunkBuffer(sink);
  const visited = new Set<TreeNode>();
  const names = new Map<TreeNode, string>();

  const graphLabel = `${dotHtmlLabel(describeSpace(result)).slice(0, -1)}<br/>${dotHtmlLabel(describeFetchDetails(result)).slice(1)}`;
  let pending = out.write(
    `// conftree: ${escapeControlCharacters(describeFetch(result))}\n` +
      'digraph conftree {\n' +
      `  graph [rankdir=LR, labelloc=t, label=${graphLabel}];\n` +
      '  node [shape=box];\n',
  );
  if (pending) await pending;

  await writeNodes(out, result.tree.roots, null, names, visited);
  let placeholders = 0;
  for (const group of groupOrphans(result.tree.orphans)) {
    placeholders++;
    const placeholder = `m${placeholders}`;
    pending = out.write(`  ${placeholder} [label=${dotHtmlLabel(`parent ${group.missingParentId} not found`)}, style=dashed];\n`);
    if (pending) await pending;
    await writeNodes(out, group.nodes, placeholder, names, visited);
  }

  pending = out.write('}\n');
  if (pending) await pending;
  await out.flush();

  const countsByDepth = countNodesByDepth(result);
  const nodeCount = countsByDepth.reduce((sum, count) => sum + count, 0);
  if (nodeCount > DOT_MAX_NODES) {
    const levels = deepestFittingLevels(countsByDepth, DOT_MAX_NODES);
    options.onWarning?.(
      `The Graphviz graph has ${nodeCount} nodes, more than the ${DOT_MAX_NODES} that dot lays out in reasonable time: ${depthAdvice(levels)}, or lay it out with sfdp.`,
    );
  }
};

async function writeNodes(
  out: ChunkBuffer,
  tops: readonly TreeNode[],
  placeholder: string | null,
  names: Map<TreeNode, string>,
  visited: Set<TreeNode>,
): Promise<void> {
  for (const step of walk(tops, visited)) {
    const name = `n${names.size + 1}`;
    names.set(step.node, name);

    let lines = `  ${name} [${formatAttributes(step.node)}];\n`;
    if (step.parent !== null) {
      lines += `  ${names.get(step.parent)} -> ${name};\n`;
    } else if (placeholder !== null) {
      lines += `  ${placeholder} -> ${name} [style=dashed];\n`;
    }

    const pending = out.write(lines);
    if (pending) await pending;
  }
}

function formatAttributes(node: TreeNode): string {
  const attributes = [`label=${dotHtmlLabel(plainNodeLabel(node))}`];
  const id = dotPlainString(`page-${node.id}`);
  if (id !== null) {
    attributes.push(`id=${id}`);
  }
  const url = node.url !== undefined && /^https?:\/\//i.test(node.url) ? dotPlainString(node.url) : null;
  if (url !== null) {
    attributes.push(`URL=${url}`);
  }
  if (node.type === 'folder') {
    attributes.push('shape=folder');
  }
  return attributes.join(', ');
}
