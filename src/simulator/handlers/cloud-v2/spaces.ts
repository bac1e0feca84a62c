/** `GET /wiki/api/v2/spaces?keys=K1,K2&ids=…`: spaces by key or id, ascending by id. */
import { readList, readQuery } from '../../http/params.js';
import { compareNumericIds } from '../../store/display-order.js';
import type { HandlerFactory } from '../deps.js';
import { respondWithV2Listing } from './listing.js';
import { spaceBulk } from './serialize.js';

export const createSpacesHandler: HandlerFactory = (deps) => (c) => {
  const query = readQuery(c.req.url);
  const keys = readList(query, 'keys').map((key) => key.toUpperCase());
  const ids = readList(query, 'ids');
  const spaces = deps.store.spaces
    .filter((space) => keys.length === 0 || keys.includes(space.key.toUpperCase()))
    .filter((space) => ids.length === 0 || ids.includes(space.id))
    .sort((a, b) => compareNumericIds(a.id, b.id));
  return respondWithV2Listing(c, deps, query, { items: spaces, serialize: spaceBulk, scope: 'spaces' });
};
