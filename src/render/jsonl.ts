/**
 * The `jsonl` format: JSON Lines, one JSON object per line, each ending with `\n`.
 *
 * The first line describes the fetch and is the only one with `"kind":"meta"`:
 *
 * ```
 * {"kind":"meta","space":{key,id,name,homepageId,url},"fetchedAt","complete",
 *  "flavor","strategy","root","maxDepth","stats":{...},"warnings":[...]}
 * ```
 *
 * Every other line is one node, in display order:
 *
 * ```
 * {"kind":"node","id","parentId","depth","index","path":[titles],"title","type",
 *  "position","status","url","home","orphan"}
 * ```
 *
 * `path` holds the titles from the top node down to this one, so a title such
 * as `Sales/Marketing` stays one element. `index` is the place among its
 * siblings in display order, from 0, and `position` is Confluence's own
 * manual position or null. A top node of an orphan subtree has `parentId` set
 * to the missing parent's id, depth 0 and `orphan: true`, as do its descendants.
 * Titles are written by `JSON.stringify`, which escapes quotes, backslashes and
 * control characters, including line breaks.
 *
 * NOTE: `path` repeats the ancestors' titles, so output size grows with
 * nodes × depth. A chain of 10,000 nested pages writes about 5 × 10^7 titles.
 */
import type { FetchResult } from '../fetch/types.js';
import type { TreeNode } from '../tree/types.js';
import { ChunkBuffer } from './sink.js';
import type { Renderer } from './types.js';
import { walk } from './walk.js';

/** Writes the meta record, then one record per node of the roots and the orphan subtrees. */
export const renderJsonl: Renderer = async (result, sink) => {
  const out = new ChunkBuffer(sink);
  const visited = new Set<TreeNode>();

  let pending = out.write(JSON.stringify(describeMeta(result)) + '\n');
  if (pending) await pending;

  await writeRecords(out, result.tree.roots, null, visited);
  for (const orphan of result.tree.orphans) {
    await writeRecords(out, [orphan.node], orphan.missingParentId, visited);
  }

  await out.flush();
};

function describeMeta(result: FetchResult): Record<string, unknown> {
  const { space, stats } = result;
  return {
    kind: 'meta',
    space: {
      key: space.key,
      id: space.id ?? null,
      name: space.name ?? null,
      homepageId: space.homepageId ?? result.tree.homepageId ?? null,
      url: space.url ?? null,
    },
    fetchedAt: result.fetchedAt,
    complete: result.complete,
    flavor: result.flavor,
    strategy: result.strategy,
    fallbacks: [...result.fallbacks],
    root: result.rootId,
    maxDepth: result.maxDepth,
    stats: { ...stats },
    warnings: result.warnings.map((warning) => ({
      code: warning.code,
      message: warning.message,
      affectsCompleteness: warning.affectsCompleteness,
      details: warning.details ?? {},
    })),
    unreadable: result.unreadable.map((node) => ({ ...node })),
  };
}

/**
 * Writes the records of `tops` and their subtrees. `missingParentId` is the
 * parent id of the top nodes of an orphan subtree, and null for the roots.
 */
async function writeRecords(out: ChunkBuffer, tops: readonly TreeNode[], missingParentId: string | null, visited: Set<TreeNode>): Promise<void> {
  const path: string[] = [];
  const indexes: number[] = [];

  for (const step of walk(tops, visited)) {
    const { node, depth } = step;
    path.length = depth;
    path.push(node.title);
    // indexes[d] counts the siblings written so far at depth d on the current path.
    indexes.length = depth + 1;
    indexes[depth] = step.isFirst ? 0 : (indexes[depth] ?? -1) + 1;

    const record = {
      kind: 'node',
      id: node.id,
      parentId: step.parent?.id ?? missingParentId,
      depth,
      index: indexes[depth],
      path,
      title: node.title,
      type: node.type,
      position: node.position,
      status: node.status,
      url: node.url ?? null,
      home: node.isHome,
      orphan: missingParentId !== null,
    };

    const pending = out.write(JSON.stringify(record) + '\n');
    if (pending) await pending;
  }
}
