/**
 * `GET /wiki/api/v2/{pages|folders|whiteboards|databases|embeds}/{id}/ancestors`:
 * `{id, type}` of the ancestors, the highest first. There is no cursor. When a
 * node has more than `limit` ancestors, the response contains the `limit` nearest
 * ones, and a client asks again from the first of them (v2 spec, Feb 2025).
 */
import { HttpError } from '../../http/errors.js';
import { readQuery, requireNumericId } from '../../http/params.js';
import { ancestorsOf } from '../../store/space-store.js';
import type { NodeType } from '../../types.js';
import type { HandlerFactory } from '../deps.js';
import { readV2Limit } from './listing.js';

export function createAncestorsHandler(nodeType: NodeType): HandlerFactory {
  return (deps) => (c) => {
    const id = requireNumericId(c.req.param('id') ?? '', nodeType);
    const node = deps.store.findNode(id);
    if (!node || node.type !== nodeType || !node.readable) {
      throw new HttpError(404, `No ${nodeType} with id ${id}.`);
    }

    const limit = readV2Limit(readQuery(c.req.url), deps);
    const ancestors = ancestorsOf(node).slice(-limit);
    return c.json({
      results: ancestors.map((ancestor) => ({ id: ancestor.id, type: ancestor.type })),
      _links: { base: deps.site.base },
    });
  };
}
