/**
 * `GET /rest/api/content?spaceKey=K&type=page&status=current&expand&start&limit`:
 * content of a space (or of every space without spaceKey), ascending by id.
 * Only pages exist in the simulator, so other types give an empty listing.
 */
import { readChoices, readQuery } from '../../http/params.js';
import type { HandlerFactory } from '../deps.js';
import { respondWithV1Listing } from './listing.js';

const CONTENT_STATUSES = ['current', 'archived', 'draft', 'trashed', 'historical', 'any'] as const;

/** Reads `status` (default current); 'any' selects every status. */
export function readV1Statuses(query: URLSearchParams): readonly string[] {
  const statuses = readChoices(query, 'status', CONTENT_STATUSES, ['current']);
  return statuses.includes('any') ? ['current', 'archived', 'draft', 'trashed'] : statuses;
}

export const createContentListHandler: HandlerFactory = (deps) => (c) => {
  const query = readQuery(c.req.url);
  const type = query.get('type') || 'page';
  const spaceKey = query.get('spaceKey');
  const statuses = readV1Statuses(query);
  const title = query.get('title');

  const spaces = spaceKey === null ? deps.store.spaces : [deps.store.findSpaceByKey(spaceKey)].filter((space) => space !== undefined);
  const select = () =>
    spaces.flatMap((space) =>
      space.nodes.filter((node) => node.type === type && statuses.includes(node.status) && (title === null || node.title === title)),
    );
  // Title lookups are not cached, so arbitrary titles cannot grow the cache.
  const items = title === null ? deps.store.cached(`content:${spaceKey}:${type}:${statuses.join(',')}`, select) : select();
  return respondWithV1Listing(c, deps, query, items);
};
