/** `GET /wiki/api/v2/spaces/{id}`: one space, with `homepageId`. */
import { HttpError } from '../../http/errors.js';
import { requireNumericId } from '../../http/params.js';
import type { HandlerFactory } from '../deps.js';
import { spaceBulk } from './serialize.js';

export const createSpaceByIdHandler: HandlerFactory = (deps) => (c) => {
  const id = requireNumericId(c.req.param('id') ?? '', 'space');
  const space = deps.store.findSpaceById(id);
  if (!space) {
    throw new HttpError(404, `No space with id ${id}.`);
  }
  const body = spaceBulk(space);
  return c.json({ ...body, _links: { ...body._links, base: deps.site.base } });
};
