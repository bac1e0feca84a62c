/** `GET /rest/api/space/{key}`: one space; `expand=homepage` adds the home page. */
import { HttpError } from '../../http/errors.js';
import { readQuery } from '../../http/params.js';
import type { HandlerFactory } from '../deps.js';
import { readExpand } from './listing.js';
import { v1Space } from './serialize-space.js';

export const createV1SpaceHandler: HandlerFactory = (deps) => (c) => {
  const key = c.req.param('key') ?? '';
  const space = deps.store.findSpaceByKey(key);
  if (!space) {
    throw new HttpError(404, `No space with key : ${key}`);
  }
  return c.json(v1Space(space, deps, readExpand(readQuery(c.req.url)), true));
};
