/**
 * `GET /wiki/api/v2/pages/{id}/children` (deprecated on Cloud): the direct
 * child pages of a page as ChildPage items, child-position ascending by default.
 */
import { HttpError } from '../../http/errors.js';
import { readChoice, readQuery, requireNumericId } from '../../http/params.js';
import type { HandlerFactory } from '../deps.js';
import { CHILD_SORTS, sortChildren } from './child-order.js';
import { respondWithV2Listing } from './listing.js';
import { childPage } from './serialize.js';

export const createPageChildrenHandler: HandlerFactory = (deps) => (c) => {
  const id = requireNumericId(c.req.param('id') ?? '', 'page');
  const parent = deps.store.findNode(id);
  if (!parent || !parent.readable || parent.type !== 'page') {
    throw new HttpError(404, `No page with id ${id}.`);
  }

  const query = readQuery(c.req.url);
  const sort = readChoice(query, 'sort', CHILD_SORTS, 'child-position');
  const children = parent.children.filter(
    (child) => child.type === 'page' && (child.status === 'current' || child.status === 'archived'),
  );
  return respondWithV2Listing(c, deps, query, {
    items: sortChildren(children, sort),
    serialize: childPage,
    representation: 'ChildPage',
    scope: `children:${id}:${sort}`,
  });
};
