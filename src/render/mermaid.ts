/**
 * The `mermaid` format: a Mermaid flowchart, left to right.
 *
 * ```
 * flowchart LR
 * %% conftree: DOCS — Documentation, fetched 2025-01-02T03:04:05.000Z, complete
 *   n1["Home #40;home#41;"]
 *   n2["Sales#47;Marketing"]
 *   n1 --> n2
 *   m1["parent 99 not found"]
 *   m1 -.-> n7
 * ```
 *
 * Nodes are named `n1`, `n2`, ... in display order, so that no page id or title
 * ends up in Mermaid syntax outside a quoted, escaped label. An orphan subtree
 * hangs from a placeholder `mN` for its missing parent, by a dotted edge.
 * Page URLs are left out because a `click` line would need a second escaping
 * scheme and Mermaid ignores it unless `securityLevel` allows it.
 *
 * Mermaid refuses a diagram with more than 500 edges (`maxEdges`) or more
 * than 50,000 characters (`maxTextSize`) unless its configuration raises them.
 * Both are the defaults in the "Mermaid Config Schema" at mermaid.js.org. Past either limit the output is
 * still written in full, and `onWarning` receives one message naming the
 * largest `--depth` that fits.
 */
import { plainNodeLabel } from './node-label.js';
import type { TreeNode } from '../tree/types.js';
import { countNodesByDepth, deepestFittingLevels, depthAdvice } from './diagram-size.js';
import { escapeControlCharacters } from './escape-controls.js';
import { describeFetch } from './fetch-metadata.js';
import { escapeMermaidLabel } from './mermaid-escape.js';
import { groupOrphans } from './orphan-groups.js';
import { ChunkBuffer } from './sink.js';
import type { RenderSink, Renderer } from './types.js';
import { walk } from './walk.js';

/** Mermaid's default `maxEdges`. */
export const MERMAID_MAX_EDGES = 500;

/** Mermaid's default `maxTextSize`, in UTF-16 code units. */
export const MERMAID_MAX_TEXT_SIZE = 50_000;

/** Writes the flowchart header, the metadata comment, the nodes and the edges. */
export const renderMermaid: Renderer = async (result, sink, options = {}) => {
  const counting = new CountingSink(sink);
  const out = new ChunkBuffer(counting);
  const visited = new Set<TreeNode>();
  const names = new NodeNames();

  // A comment is a line that starts with %%; escaping keeps it on one line.
  let pending = out.write(`flowchart LR\n%% conftree: ${escapeControlCharacters(describeFetch(result))}\n`);
  if (pending) await pending;

  await writeNodes(out, result.tree.roots, null, names, visited);
  let placeholders = 0;
  for (const group of groupOrphans(result.tree.orphans)) {
    placeholders++;
    const placeholder = `m${placeholders}`;
    pending = out.write(`  ${placeholder}["${escapeMermaidLabel(`parent ${group.missingParentId} not found`)}"]\n`);
    if (pending) await pending;
    await writeNodes(out, group.nodes, placeholder, names, visited);
  }
  await out.flush();

  const countsByDepth = countNodesByDepth(result);
  const nodeCount = countsByDepth.reduce((sum, count) => sum + count, 0);
  const edgeCount = nodeCount - result.tree.roots.length;
  const warning = sizeWarning(countsByDepth, nodeCount, edgeCount, counting.characters);
  if (warning !== null) {
    options.onWarning?.(warning);
  }
};

/**
 * Writes `tops` and their subtrees: one node line each, and an edge from its
 * parent, or a dotted edge from `placeholder` for a top node of an orphan subtree.
 */
async function writeNodes(
  out: ChunkBuffer,
  tops: readonly TreeNode[],
  placeholder: string | null,
  names: NodeNames,
  visited: Set<TreeNode>,
): Promise<void> {
  for (const step of walk(tops, visited)) {
    const name = names.assign(step.node);
    let lines = `  ${name}["${escapeMermaidLabel(plainNodeLabel(step.node))}"]\n`;
    if (step.parent !== null) {
      lines += `  ${names.nameOf(step.parent)} --> ${name}\n`;
    } else if (placeholder !== null) {
      lines += `  ${placeholder} -.-> ${name}\n`;
    }

    const pending = out.write(lines);
    if (pending) await pending;
  }
}

function sizeWarning(countsByDepth: readonly number[], nodeCount: number, edgeCount: number, characters: number): string | null {
  const overEdges = edgeCount > MERMAID_MAX_EDGES;
  const overText = characters > MERMAID_MAX_TEXT_SIZE;
  if (!overEdges && !overText) {
    return null;
  }

  // Nodes that fit: the edge limit plus the top nodes, and the text limit at
  // this diagram's average characters per node, which is an estimate.
  const byEdges = MERMAID_MAX_EDGES + (countsByDepth[0] ?? 0);
  const byText = Math.floor(MERMAID_MAX_TEXT_SIZE / Math.max(1, characters / Math.max(1, nodeCount)));
  const levels = deepestFittingLevels(countsByDepth, Math.min(byEdges, byText));

  const limits: string[] = [];
  if (overEdges) limits.push(`${edgeCount} edges, over Mermaid's default maxEdges of ${MERMAID_MAX_EDGES}`);
  if (overText) limits.push(`${characters} characters, over Mermaid's default maxTextSize of ${MERMAID_MAX_TEXT_SIZE}`);
  return `The Mermaid diagram has ${limits.join(' and ')}, so Mermaid will refuse to draw it: ${depthAdvice(levels)}.`;
}

/** Names nodes `n1`, `n2`, ... in the order they are written. */
class NodeNames {
  readonly #names = new Map<TreeNode, string>();

  assign(node: TreeNode): string {
    const name = `n${this.#names.size + 1}`;
    this.#names.set(node, name);
    return name;
  }

  nameOf(node: TreeNode): string {
    const name = this.#names.get(node);
    if (name === undefined) {
      throw new Error(`Cannot render the Mermaid diagram: node ${node.id} has no name yet, although the walk reaches parents first.`);
    }
    return name;
  }
}

/** Passes chunks on to a sink and counts their UTF-16 code units. */
class CountingSink implements RenderSink {
  characters = 0;
  readonly #sink: RenderSink;

  constructor(sink: RenderSink) {
    this.#sink = sink;
  }

  write(chunk: string): void | Promise<void> {
    this.characters += chunk.length;
    return this.#sink.write(chunk);
  }
}
