/**
 * The `opml` format: OPML 2.0 (opml.org/spec2.opml), which outliners import.
 *
 * ```
 * <?xml version="1.0" encoding="UTF-8"?>
 * <opml version="2.0">
 *   <head>
 *     <title>DOCS — Documentation, fetched 2025-01-02T03:04:05.000Z, complete</title>
 *     <dateCreated>Thu, 02 Jan 2025 03:04:05 GMT</dateCreated>
 *     <docs>http://opml.org/spec2.opml</docs>
 *   </head>
 *   <body>
 *     <outline text="Home" id="1" nodeType="page" home="true" type="link" url="https://...">
 *       <outline text="Sales/Marketing" id="2" nodeType="page"/>
 *     </outline>
 *     <outline text="parent 99 not found" missingParentId="99">
 *       <outline text="Lost page" id="7" nodeType="page"/>
 *     </outline>
 *   </body>
 * </opml>
 * ```
 *
 * OPML 2.0 defines no head element for completeness, so the `<title>` carries
 * the space, the fetch time and the completeness, and `<dateCreated>` the
 * fetch time in the RFC 822 form that the specification asks for. The
 * specification lets an outline have attributes of its own: `id`, `nodeType`,
 * `home` and, on the placeholder of a missing parent, `missingParentId`. A node
 * with a web URL has `type="link"` and `url`, as the specification describes
 * for links. Every title, id and URL goes through `escapeXmlAttribute`.
 *
 * Nesting is the XML structure, so indentation is only for reading. Below
 * `maxIndentDepth` levels (default 32) it stops growing, so that output size
 * stays linear in the number of nodes.
 */
import type { FetchResult } from '../fetch/types.js';
import type { TreeNode } from '../tree/types.js';
import { describeFetch } from './fetch-metadata.js';
import { groupOrphans } from './orphan-groups.js';
import { readMaxIndentDepth } from './options.js';
import { ChunkBuffer } from './sink.js';
import type { Renderer } from './types.js';
import { walk } from './walk.js';
import { escapeXmlAttribute, escapeXmlText } from './xml-escape.js';

/** Writes the XML declaration, the head and the body. */
export const renderOpml: Renderer = async (result, sink, options = {}) => {
  const maxIndentDepth = readMaxIndentDepth(options.maxIndentDepth);
  const out = new ChunkBuffer(sink);
  const visited = new Set<TreeNode>();

  let pending = out.write(formatHead(result));
  if (pending) await pending;

  await writeOutlines(out, result.tree.roots, 0, maxIndentDepth, visited);
  for (const group of groupOrphans(result.tree.orphans)) {
    const id = escapeXmlAttribute(group.missingParentId);
    pending = out.write(`    <outline text="parent ${id} not found" missingParentId="${id}">\n`);
    if (pending) await pending;
    await writeOutlines(out, group.nodes, 1, maxIndentDepth, visited);
    pending = out.write('    </outline>\n');
    if (pending) await pending;
  }

  pending = out.write('  </body>\n</opml>\n');
  if (pending) await pending;
  await out.flush();
};

function formatHead(result: FetchResult): string {
  const created = new Date(result.fetchedAt);
  const dateCreated = Number.isNaN(created.getTime()) ? '' : `    <dateCreated>${created.toUTCString()}</dateCreated>\n`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<opml version="2.0">\n' +
    '  <head>\n' +
    `    <title>${escapeXmlText(describeFetch(result))}</title>\n` +
    dateCreated +
    '    <docs>http://opml.org/spec2.opml</docs>\n' +
    '  </head>\n' +
    '  <body>\n'
  );
}

/**
 * Writes `tops` and their subtrees as nested `<outline>` elements, with
 * `baseLevel` extra levels of indentation. A node with children stays open
 * until the walk leaves its subtree.
 */
async function writeOutlines(
  out: ChunkBuffer,
  tops: readonly TreeNode[],
  baseLevel: number,
  maxIndentDepth: number,
  visited: Set<TreeNode>,
): Promise<void> {
  const indent = (depth: number): string => '  '.repeat(2 + baseLevel + Math.min(depth, maxIndentDepth));
  // Nodes at depths 0 to openDepths - 1 on the current path have an open element.
  let openDepths = 0;

  for (const step of walk(tops, visited)) {
    let text = '';
    while (openDepths > step.depth) {
      openDepths--;
      text += `${indent(openDepths)}</outline>\n`;
    }

    const hasChildren = step.node.children.length > 0;
    text += `${indent(step.depth)}<outline ${formatAttributes(step.node)}${hasChildren ? '>' : '/>'}\n`;
    if (hasChildren) {
      openDepths = step.depth + 1;
    }

    const pending = out.write(text);
    if (pending) await pending;
  }

  let closing = '';
  while (openDepths > 0) {
    openDepths--;
    closing += `${indent(openDepths)}</outline>\n`;
  }
  const pending = out.write(closing);
  if (pending) await pending;
}

function formatAttributes(node: TreeNode): string {
  let attributes = `text="${escapeXmlAttribute(node.title)}" id="${escapeXmlAttribute(node.id)}" nodeType="${node.type}"`;
  if (node.isHome) {
    attributes += ' home="true"';
  }
  if (node.url !== undefined && /^https?:\/\//i.test(node.url)) {
    attributes += ` type="link" url="${escapeXmlAttribute(node.url)}"`;
  }
  return attributes;
}
