/**
 * `GET /wiki/api/v2/{folders|whiteboards|databases|embeds}/{id}`: one node of
 * that type. An id of another type gives 404.
 */
import { HttpError } from '../../http/errors.js';
import { requireNumericId } from '../../http/params.js';
import type { NodeType } from '../../types.js';
import type { HandlerFactory } from '../deps.js';
import { typedNode } from './serialize.js';

export function createTypedNodeHandler(type: Exclude<NodeType, 'page'>): HandlerFactory {
  return (deps) => (c) => {
    const id = requireNumericId(c.req.param('id') ?? '', type);
    const node = deps.store.findNode(id);
    if (!node || !node.readable || node.type !== type || node.status === 'draft') {
      throw new HttpError(404, `No ${type} with id ${id}.`);
    }
    const body = typedNode(node);
    return c.json({ ...body, _links: { ...body._links, base: deps.site.base } });
  };
}
