/**
 * `GET /wiki/api/v2/{pages|folders|whiteboards|databases|embeds}/{id}/direct-children`:
 * children of every hierarchical type, without parentId, child-position
 * ascending by default. The endpoint is newer than the Feb 2025 spec. Its item
 * fields follow `ConfluenceChildProperties` in hunyadi/md2conf, md2conf/api_types.py.
 */
import { HttpError } from '../../http/errors.js';
import { readChoice, readQuery, requireNumericId } from '../../http/params.js';
import type { NodeType } from '../../types.js';
import type { HandlerFactory } from '../deps.js';
import { CHILD_SORTS, sortChildren } from './child-order.js';
import { respondWithV2Listing } from './listing.js';
import { directChild } from './serialize.js';

export function createDirectChildrenHandler(parentType: NodeType): HandlerFactory {
  return (deps) => (c) => {
    const id = requireNumericId(c.req.param('id') ?? '', parentType);
    const parent = deps.store.findNode(id);
    if (!parent || !parent.readable || parent.type !== parentType) {
      throw new HttpError(404, `No ${parentType} with id ${id}.`);
    }

    const query = readQuery(c.req.url);
    const sort = readChoice(query, 'sort', CHILD_SORTS, 'child-position');
    const children = parent.children.filter((child) => child.status === 'current' || child.status === 'archived');
    return respondWithV2Listing(c, deps, query, {
      items: sortChildren(children, sort),
      serialize: directChild,
    representation: 'DirectChild',
      scope: `direct-children:${id}:${sort}`,
    });
  };
}
