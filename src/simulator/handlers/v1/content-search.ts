/**
 * `GET /rest/api/content/search?cql=…&expand&start&limit`: current content
 * that matches the CQL subset of `cql.ts`, with the silent caps. Cloud also
 * finds folders, whiteboards, databases and embeds by type, as its CQL does. Server and Data
 * Center paginate with offsets, Cloud with cursors only.
 * NOTE: real search orders by relevance unless the CQL has an ORDER BY clause.
 * The simulator orders by content id.
 */
import { HttpError } from '../../http/errors.js';
import { readQuery } from '../../http/params.js';
import { ancestorsOf } from '../../store/space-store.js';
import type { HandlerFactory } from '../deps.js';
import { parseCql, type CqlFilter } from './cql.js';
import { respondWithV1CursorListing } from './cursor-listing.js';
import { respondWithV1Listing } from './listing.js';

type Orderable = { id: string; title: string; createdMs: number; modifiedMs: number };

/** Returns the value that `ORDER BY field` sorts a node by. */
function orderKey(node: Orderable, field: NonNullable<CqlFilter['orderBy']>['field']): number | string {
  if (field === 'created') {
    return node.createdMs;
  }
  if (field === 'lastmodified') {
    return node.modifiedMs;
  }
  return node.title;
}

/** Compares two values of one type: negative, zero or positive. */
function compareValues(left: number | string, right: number | string): number {
  if (left < right) {
    return -1;
  }
  return left > right ? 1 : 0;
}

/** Compares numeric content ids by value. */
function compareIds(a: Orderable, b: Orderable): number {
  return a.id.length - b.id.length || compareValues(a.id, b.id);
}

/**
 * Applies `ORDER BY`, with ties broken by id. Without it the results stay in
 * id order.
 */
// NOTE: real search orders by relevance when the query has no ORDER BY.
function orderResults<T extends Orderable>(filter: CqlFilter, nodes: T[]): T[] {
  const order = filter.orderBy;
  if (order === undefined) {
    return nodes;
  }

  const sorted = [...nodes].sort((a, b) => compareValues(orderKey(a, order.field), orderKey(b, order.field)) || compareIds(a, b));
  return order.descending ? sorted.reverse() : sorted;
}

export const createContentSearchHandler: HandlerFactory = (deps) => (c) => {
  const query = readQuery(c.req.url);
  const cql = query.get('cql');
  if (cql === null || cql.trim() === '') {
    throw new HttpError(400, 'Missing cql parameter: send e.g. cql=space = KEY and type = page.');
  }
  const filter = parseCql(cql);
  const types: readonly string[] = filter.types ?? ['page'];
  // NOTE: what Data Center's CQL does with types its product lacks (folders,
  // whiteboards, databases, embeds) is not documented; the simulator rejects them.
  const missing = types.find((type) => !(deps.profile.nodeTypes as readonly string[]).includes(type));
  if (missing !== undefined) {
    throw new HttpError(400, `Could not parse cql "${cql}": type "${missing}" does not exist on ${deps.profile.product}.`);
  }

  const spaces =
    filter.spaceKey === undefined
      ? deps.store.spaces
      : [deps.store.findSpaceByKey(filter.spaceKey)].filter((space) => space !== undefined);
  const items = deps.store.cached(`search:${JSON.stringify(filter)}`, () =>
    orderResults(filter, spaces.flatMap((space) =>
      space.nodes.filter(
        (node) =>
          types.includes(node.type) &&
          node.status === 'current' &&
          (filter.parentId === undefined || node.parent?.id === filter.parentId) &&
          (filter.ancestorId === undefined || ancestorsOf(node).some((ancestor) => ancestor.id === filter.ancestorId)) &&
          (filter.modifiedAfterMs === undefined || node.modifiedMs >= filter.modifiedAfterMs),
      ),
    )),
  );
  if (deps.profile.v1.searchPagination === 'cursor') {
    return respondWithV1CursorListing(c, deps, query, items, `search:${cql}`);
  }
  // Server and Data Center search results report the number of matches as `totalSize`.
  return respondWithV1Listing(c, deps, query, items, { totalSize: items.length });
};
