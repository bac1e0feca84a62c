/**
 * `GET /rest/api/space/{key}/content/{type}?depth=all|root`: content of one
 * type in a space, "ordered by content ID" (v1 docs). `depth=root` keeps
 * top-level content only. Only current content is listed unless `status` is given.
 */
import { HttpError } from '../../http/errors.js';
import { readChoice, readQuery } from '../../http/params.js';
import type { HandlerFactory } from '../deps.js';
import { readV1Statuses } from './content-list.js';
import { respondWithV1Listing } from './listing.js';

export const createSpaceContentHandler: HandlerFactory = (deps) => (c) => {
  const key = c.req.param('key') ?? '';
  const type = c.req.param('type') ?? 'page';
  const space = deps.store.findSpaceByKey(key);
  if (!space) {
    throw new HttpError(404, `No space with key : ${key}`);
  }

  const query = readQuery(c.req.url);
  const depth = readChoice(query, 'depth', ['all', 'root'] as const, 'all');
  const statuses = readV1Statuses(query);
  const items = deps.store.cached(`space-content:${space.id}:${type}:${depth}:${statuses.join(',')}`, () =>
    space.nodes.filter((node) => node.type === type && statuses.includes(node.status) && (depth === 'all' || node.parent === null)),
  );
  return respondWithV1Listing(c, deps, query, items);
};
