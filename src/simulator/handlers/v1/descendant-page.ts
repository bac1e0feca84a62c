/**
 * `GET /rest/api/content/{id}/descendant/page`.
 *
 * Cloud v1 lists the descendant pages at every level (`depth` all, root or
 * 1-100). Server and Data Center respond with 501 for pages (CONFSERVER-59013,
 * seen on 6.4.2), because only comments are supported descendants there.
 */
import { HttpError } from '../../http/errors.js';
import { readQuery } from '../../http/params.js';
import { compareNumericIds } from '../../store/display-order.js';
import { descendantsOf } from '../../store/space-store.js';
import type { HandlerFactory } from '../deps.js';
import { respondWithV1Listing } from './listing.js';

/** Returns the level limit of `depth`: 'all' is unlimited, 'root' is 1. */
function readDepth(query: URLSearchParams): number {
  const raw = query.get('depth') ?? 'all';
  if (raw === 'all') {
    return Number.POSITIVE_INFINITY;
  }
  if (raw === 'root') {
    return 1;
  }
  const levels = Number(raw);
  if (!/^[0-9]+$/.test(raw) || levels < 1 || levels > 100) {
    throw new HttpError(400, `Invalid depth "${raw}": use all, root or an integer from 1 to 100.`);
  }
  return levels;
}

/**
 * Cloud: current descendant pages, ascending by id, offset-paginated.
 * NOTE: the order of real responses is undocumented, so id order is an assumption.
 */
export const createDescendantPageHandler: HandlerFactory = (deps) => (c) => {
  const id = c.req.param('id') ?? '';
  const root = /^[0-9]+$/.test(id) ? deps.store.findNode(id) : undefined;
  if (!root || !root.readable) {
    throw new HttpError(404, `No content found with id: ContentId{id=${id}}`);
  }
  const query = readQuery(c.req.url);
  const maxLevels = readDepth(query);
  const pages = descendantsOf(root)
    .filter((node) => node.type === 'page' && node.status === 'current' && node.depth - root.depth <= maxLevels)
    .sort((a, b) => compareNumericIds(a.id, b.id));
  return respondWithV1Listing(c, deps, query, pages);
};

/** Server/Data Center: 501 with the body that CONFSERVER-59013 shows. */
export const createDescendantPageNotImplementedHandler: HandlerFactory = () => () => {
  throw new HttpError(501, 'Page children is currently only supported for direct children');
};
