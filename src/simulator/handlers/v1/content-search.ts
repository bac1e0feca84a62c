/**
 * `GET /rest/api/content/search?cql=…&expand&start&limit`: current pages that
 * match the CQL subset of `cql.ts`, with offset pagination and the silent caps.
 * NOTE: real search orders by relevance unless the CQL has an ORDER BY clause.
 * The simulator orders by content id.
 */
import { HttpError } from '../../http/errors.js';
import { readQuery } from '../../http/params.js';
import { ancestorsOf } from '../../store/space-store.js';
import type { HandlerFactory } from '../deps.js';
import { parseCql } from './cql.js';
import { respondWithV1Listing } from './listing.js';

export const createContentSearchHandler: HandlerFactory = (deps) => (c) => {
  const query = readQuery(c.req.url);
  const cql = query.get('cql');
  if (cql === null || cql.trim() === '') {
    throw new HttpError(400, 'Missing cql parameter: send e.g. cql=space = KEY and type = page.');
  }
  const filter = parseCql(cql);

  const spaces =
    filter.spaceKey === undefined
      ? deps.store.spaces
      : [deps.store.findSpaceByKey(filter.spaceKey)].filter((space) => space !== undefined);
  const items = spaces.flatMap((space) =>
    space.nodes.filter(
      (node) =>
        node.type === 'page' &&
        node.status === 'current' &&
        (filter.parentId === undefined || node.parent?.id === filter.parentId) &&
        (filter.ancestorId === undefined || ancestorsOf(node).some((ancestor) => ancestor.id === filter.ancestorId)),
    ),
  );
  return respondWithV1Listing(c, deps, query, items);
};
