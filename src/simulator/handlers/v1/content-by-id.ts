/**
 * `GET /rest/api/content/{id}`: one content object with the requested expands.
 * Current and archived content is returned by default. Drafts and trashed
 * content need a matching `status`.
 */
import { HttpError } from '../../http/errors.js';
import { readList, readQuery } from '../../http/params.js';
import type { HandlerFactory } from '../deps.js';
import { readExpand } from './listing.js';
import { v1Content } from './serialize-content.js';

export const createContentByIdHandler: HandlerFactory = (deps) => (c) => {
  const id = c.req.param('id') ?? '';
  const query = readQuery(c.req.url);
  const requested = readList(query, 'status');
  const statuses = requested.length === 0 ? ['current', 'archived'] : requested;

  const node = /^[0-9]+$/.test(id) ? deps.store.findNode(id) : undefined;
  if (!node || !node.readable || !(statuses.includes(node.status) || statuses.includes('any'))) {
    throw new HttpError(404, `No content found with id: ContentId{id=${id}}`);
  }
  return c.json(v1Content(node, deps, readExpand(query), true));
};
