/**
 * `GET /rest/api/content/{id}/child/page`: current direct child pages in
 * display order (position, then title), offset-paginated with the silent caps.
 */
import { HttpError } from '../../http/errors.js';
import { readQuery } from '../../http/params.js';
import { childrenOf } from '../../store/space-store.js';
import type { HandlerFactory } from '../deps.js';
import { respondWithV1Listing } from './listing.js';

export const createChildPageHandler: HandlerFactory = (deps) => (c) => {
  const id = c.req.param('id') ?? '';
  const parent = /^[0-9]+$/.test(id) ? deps.store.findNode(id) : undefined;
  if (!parent || !parent.readable) {
    throw new HttpError(404, `No content found with id: ContentId{id=${id}}`);
  }
  const children = childrenOf(parent, ['current']).filter((child) => child.type === 'page');
  return respondWithV1Listing(c, deps, readQuery(c.req.url), children);
};
