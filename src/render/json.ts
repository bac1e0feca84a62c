/**
 * The `json` format: one JSON document with a trailing newline.
 *
 * ```
 * { "space": {key, id, name, homepageId, url}, "complete", "flavor", "strategy",
 *   "fetchedAt", "root", "maxDepth",
 *   "stats": {nodes, pages, folders, requests, bytes, retries, durationMs},
 *   "warnings": [{code, message, affectsCompleteness, details}],
 *   "roots": [Node], "orphans": [{missingParentId, node: Node}] }
 *
 * Node = { "id", "title", "type", "position": number|null, "status",
 *          "url": string|null, "depth", "home": boolean, "children": [Node] }
 * ```
 *
 * Absent optional fields are written as `null`, and a warning without details
 * has `"details": {}`. `home` is present on every node and true only on the home
 * page. `depth` counts levels from the node's entry in `roots` or `orphans`,
 * which has depth 0. Children are in display order.
 *
 * Up to `maxIndentDepth` the output matches `JSON.stringify(document, null, 2)`.
 * Nodes are written one at a time from an explicit stack, so neither a deep
 * chain nor a long list builds one large string or overflows the call stack.
 */
import type { FetchResult } from '../fetch/types.js';
import type { TreeNode } from '../tree/types.js';
import { readMaxIndentDepth } from './options.js';
import { ChunkBuffer } from './sink.js';
import type { Renderer } from './types.js';
import { walk } from './walk.js';

/** Indentation rules of one document. Levels count two-space steps from the left margin. */
class JsonLayout {
  readonly compact: boolean;
  readonly maxIndentDepth: number;
  readonly #newlines: string[] = [];

  constructor(compact: boolean, maxIndentDepth: number) {
    this.compact = compact;
    this.maxIndentDepth = maxIndentDepth;
  }

  /** Returns whether the node at tree depth `depth` is pretty-printed. Depth -1 is the array of top nodes. */
  isPretty(depth: number): boolean {
    return !this.compact && depth <= this.maxIndentDepth;
  }

  /** Returns a line break followed by the indentation of `level`. */
  newline(level: number): string {
    let text = this.#newlines[level];
    if (text === undefined) {
      text = '\n' + '  '.repeat(level);
      this.#newlines[level] = text;
    }
    return text;
  }

  /** Returns a key and its colon, on a new line at `level` when `pretty` is true. */
  key(name: string, level: number, pretty: boolean): string {
    return pretty ? `${this.newline(level)}"${name}": ` : `"${name}":`;
  }

  /** Returns a small value as JSON, indented to continue at `level`. */
  value(value: unknown, level: number): string {
    if (this.compact) {
      return JSON.stringify(value);
    }
    // JSON.stringify escapes line breaks inside strings, so every "\n" here is one it added.
    return JSON.stringify(value, null, 2).replaceAll('\n', this.newline(level));
  }
}

/** Writes the whole document. */
export const renderJson: Renderer = async (result, sink, options = {}) => {
  const layout = new JsonLayout(options.compact === true, readMaxIndentDepth(options.maxIndentDepth));
  const pretty = !layout.compact;
  const out = new ChunkBuffer(sink);
  const visited = new Set<TreeNode>();

  let head = '{';
  for (const [name, value] of Object.entries(describeResult(result))) {
    head += layout.key(name, 1, pretty) + layout.value(value, 1) + ',';
  }
  head += layout.key('roots', 1, pretty);
  let pending = out.write(head);
  if (pending) await pending;

  await writeNodes(out, result.tree.roots, layout, visited, { topLevel: 2, inArray: true });

  pending = out.write(',' + layout.key('orphans', 1, pretty));
  if (pending) await pending;

  await writeOrphans(out, result, layout, visited);

  pending = out.write((pretty ? layout.newline(0) : '') + '}\n');
  if (pending) await pending;
  await out.flush();
};

/** Returns the document's fields before `roots`, in output order. */
function describeResult(result: FetchResult): Record<string, unknown> {
  const { space, stats } = result;
  return {
    space: {
      key: space.key,
      id: space.id ?? null,
      name: space.name ?? null,
      homepageId: space.homepageId ?? result.tree.homepageId ?? null,
      url: space.url ?? null,
    },
    complete: result.complete,
    flavor: result.flavor,
    strategy: result.strategy,
    fallbacks: [...result.fallbacks],
    fetchedAt: result.fetchedAt,
    root: result.rootId,
    maxDepth: result.maxDepth,
    stats: {
      nodes: stats.nodes,
      pages: stats.pages,
      folders: stats.folders,
      requests: stats.requests,
      bytes: stats.bytes,
      retries: stats.retries,
      durationMs: stats.durationMs,
    },
    warnings: result.warnings.map((warning) => ({
      code: warning.code,
      message: warning.message,
      affectsCompleteness: warning.affectsCompleteness,
      details: warning.details ?? {},
    })),
    unreadable: result.unreadable.map((node) => ({ ...node })),
  };
}

async function writeOrphans(out: ChunkBuffer, result: FetchResult, layout: JsonLayout, visited: Set<TreeNode>): Promise<void> {
  const orphans = result.tree.orphans;
  const pretty = !layout.compact;
  if (orphans.length === 0) {
    const pending = out.write('[]');
    if (pending) await pending;
    return;
  }

  let pending = out.write('[');
  if (pending) await pending;

  for (let i = 0; i < orphans.length; i++) {
    const orphan = orphans[i]!;
    let opening = i > 0 ? ',' : '';
    opening += (pretty ? layout.newline(2) : '') + '{';
    opening += layout.key('missingParentId', 3, pretty) + JSON.stringify(orphan.missingParentId) + ',';
    opening += layout.key('node', 3, pretty);
    pending = out.write(opening);
    if (pending) await pending;

    await writeNodes(out, [orphan.node], layout, visited, { topLevel: 3, inArray: false });

    pending = out.write((pretty ? layout.newline(2) : '') + '}');
    if (pending) await pending;
  }

  pending = out.write((pretty ? layout.newline(1) : '') + ']');
  if (pending) await pending;
}

interface NodePlacement {
  /** Indentation level of the top nodes' braces. */
  topLevel: number;
  /** True when the top nodes are the items of a JSON array, written with `[` and `]` here. */
  inArray: boolean;
}

/**
 * Writes `tops` and their subtrees as Node objects. Each node's opening part,
 * up to `"children": [`, is written when the walk reaches it, and the children
 * array is closed when the walk leaves its subtree.
 */
async function writeNodes(
  out: ChunkBuffer,
  tops: readonly TreeNode[],
  layout: JsonLayout,
  visited: Set<TreeNode>,
  placement: NodePlacement,
): Promise<void> {
  const objectLevel = (depth: number): number => placement.topLevel + 2 * depth;

  const closeNode = (depth: number): string => {
    const pretty = layout.isPretty(depth);
    const keyIndent = pretty ? layout.newline(objectLevel(depth) + 1) : '';
    const braceIndent = pretty ? layout.newline(objectLevel(depth)) : '';
    return keyIndent + ']' + braceIndent + '}';
  };

  if (placement.inArray) {
    const opening = tops.length === 0 ? '[]' : '[';
    const pending = out.write(opening);
    if (pending) await pending;
    if (tops.length === 0) {
      return;
    }
  }

  // The nodes at depths 0 to openDepths - 1 on the current path have their
  // children array open, because every ancestor of the current node has children.
  let openDepths = 0;

  for (const step of walk(tops, visited)) {
    const { node, depth } = step;
    let text = '';
    while (openDepths > depth) {
      openDepths--;
      text += closeNode(openDepths);
    }

    if (!step.isFirst) {
      text += ',';
    }
    const isArrayItem = depth > 0 || placement.inArray;
    if (isArrayItem && layout.isPretty(depth - 1)) {
      text += layout.newline(objectLevel(depth));
    }
    text += openNode(node, depth, objectLevel(depth) + 1, layout);

    if (node.children.length > 0) {
      text += '[';
      openDepths = depth + 1;
    } else {
      text += '[]' + (layout.isPretty(depth) ? layout.newline(objectLevel(depth)) : '') + '}';
    }

    const pending = out.write(text);
    if (pending) await pending;
  }

  let closing = '';
  while (openDepths > 0) {
    openDepths--;
    closing += closeNode(openDepths);
  }
  if (placement.inArray) {
    closing += (layout.compact ? '' : layout.newline(placement.topLevel - 1)) + ']';
  }
  const pending = out.write(closing);
  if (pending) await pending;
}

/** Returns a node object's text from `{` up to and including the `"children"` key. */
function openNode(node: TreeNode, depth: number, keyLevel: number, layout: JsonLayout): string {
  const pretty = layout.isPretty(depth);
  return (
    '{' +
    layout.key('id', keyLevel, pretty) + JSON.stringify(node.id) + ',' +
    layout.key('title', keyLevel, pretty) + JSON.stringify(node.title) + ',' +
    layout.key('type', keyLevel, pretty) + JSON.stringify(node.type) + ',' +
    layout.key('position', keyLevel, pretty) + JSON.stringify(node.position ?? null) + ',' +
    layout.key('status', keyLevel, pretty) + JSON.stringify(node.status) + ',' +
    layout.key('url', keyLevel, pretty) + JSON.stringify(node.url ?? null) + ',' +
    layout.key('depth', keyLevel, pretty) + String(depth) + ',' +
    layout.key('home', keyLevel, pretty) + String(node.isHome === true) + ',' +
    layout.key('children', keyLevel, pretty)
  );
}
