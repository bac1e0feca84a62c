/**
 * `GET /wiki/api/v2/{pages|folders|whiteboards|databases|embeds}/{id}/descendants`:
 * descendants of every hierarchical type, level by level from the top, each
 * level in display order. `depth` (1-10, default 2) limits the levels; for
 * more, a client asks again from the deepest descendants. Items carry their
 * own `depth` (1 for direct children) and `parentId`. Current and archived
 * nodes are listed.
 * The endpoint is newer than the Feb 2025 v2 document; its parameters and
 * item fields follow Atlassian's 2026 v2 specification of descendants.
 * NOTE: "top-to-bottom" is read here as breadth-first. Cloud may order
 * depth-first instead; clients should not depend on either.
 */
import { HttpError } from '../../http/errors.js';
import { readInteger, readQuery, requireNumericId } from '../../http/params.js';
import { sortSiblings } from '../../store/display-order.js';
import type { StoredNode } from '../../store/space-store.js';
import type { NodeType } from '../../types.js';
import type { HandlerFactory } from '../deps.js';
import { respondWithV2Listing } from './listing.js';
import { descendant } from './serialize.js';

const MAX_DEPTH = 10;
const DEFAULT_DEPTH = 2;

interface LeveledNode {
  readonly node: StoredNode;
  /** 1 for a direct child of the requested node. */
  readonly level: number;
}

function isListed(node: StoredNode): boolean {
  return node.status === 'current' || node.status === 'archived';
}

/** Returns the listed descendants down to `maxLevel`, level by level. */
function levelOrder(root: StoredNode, maxLevel: number): LeveledNode[] {
  const result: LeveledNode[] = [];
  let level: StoredNode[] = [root];
  for (let depth = 1; depth <= maxLevel && level.length > 0; depth++) {
    const next = level.flatMap((parent) => sortSiblings(parent.children.filter(isListed)));
    for (const node of next) {
      result.push({ node, level: depth });
    }
    level = next;
  }
  return result;
}

export function createDescendantsHandler(parentType: NodeType): HandlerFactory {
  return (deps) => (c) => {
    const id = requireNumericId(c.req.param('id') ?? '', parentType);
    const parent = deps.store.findNode(id);
    if (!parent || parent.type !== parentType || !parent.readable) {
      throw new HttpError(404, `No ${parentType} with id ${id}.`);
    }

    const query = readQuery(c.req.url);
    const depth = readInteger(query, 'depth', DEFAULT_DEPTH, 1);
    if (depth > MAX_DEPTH) {
      throw new HttpError(400, `Invalid depth ${depth}: the maximum is ${MAX_DEPTH}.`);
    }
    const items = deps.store.cached(`descendants:${id}:${depth}`, () => levelOrder(parent, depth));
    return respondWithV2Listing(c, deps, query, {
      items,
      serialize: (item) => descendant(item.node, item.level),
      scope: `descendants:${id}:${depth}`,
    });
  };
}
