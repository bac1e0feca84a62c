/**
 * `GET /wiki/api/v2/pages/{id}`: one page. Ids of folders and other non-page
 * types give 404, as on Cloud. Drafts need `get-draft=true` or `status=draft`.
 */
import { HttpError } from '../../http/errors.js';
import { readChoices, readQuery, requireNumericId } from '../../http/params.js';
import type { HandlerFactory } from '../deps.js';
import { pageBulk } from './serialize.js';

const PAGE_STATUSES = ['current', 'archived', 'trashed', 'deleted', 'historical', 'draft'] as const;

export const createPageByIdHandler: HandlerFactory = (deps) => (c) => {
  const id = requireNumericId(c.req.param('id') ?? '', 'page');
  const query = readQuery(c.req.url);
  const statuses: string[] = readChoices(query, 'status', PAGE_STATUSES, ['current', 'archived']);
  if (query.get('get-draft') === 'true') {
    statuses.push('draft');
  }

  const node = deps.store.findNode(id);
  if (!node || !node.readable || node.type !== 'page' || !statuses.includes(node.status)) {
    throw new HttpError(404, `No page with id ${id}.`);
  }
  const body = pageBulk(node);
  return c.json({ ...body, _links: { ...body._links, base: deps.site.base } });
};
