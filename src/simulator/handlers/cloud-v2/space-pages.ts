/**
 * `GET /wiki/api/v2/spaces/{id}/pages`: every page of a space, cursor-paginated.
 * Only type 'page' is listed. Folders, whiteboards, databases and embeds
 * appear only as a page's `parentId`/`parentType`.
 */
import { HttpError } from '../../http/errors.js';
import { readChoice, readChoices, readQuery, requireNumericId } from '../../http/params.js';
import { compareNumericIds, compareTitles } from '../../store/display-order.js';
import type { StoredNode } from '../../store/space-store.js';
import type { HandlerFactory } from '../deps.js';
import { respondWithV2Listing } from './listing.js';
import { pageBulk } from './serialize.js';

const PAGE_SORTS = ['id', '-id', 'title', '-title', 'created-date', '-created-date', 'modified-date', '-modified-date'] as const;
type PageSort = (typeof PAGE_SORTS)[number];

const LISTABLE_STATUSES = ['current', 'archived', 'deleted', 'trashed'] as const;
/** The spec's default: "By default, `current` and `archived` are used." */
const DEFAULT_STATUSES = ['current', 'archived'] as const;

const byId = (a: StoredNode, b: StoredNode) => compareNumericIds(a.id, b.id);

/** Returns the comparator of a `sort` value, descending ones included, with ties ordered by id. */
function comparatorOf(sort: PageSort): (a: StoredNode, b: StoredNode) => number {
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  let ascending: (a: StoredNode, b: StoredNode) => number = byId;
  if (field === 'title') {
    ascending = (a, b) => compareTitles(a.title, b.title) || byId(a, b);
  } else if (field === 'created-date') {
    ascending = (a, b) => a.createdMs - b.createdMs || byId(a, b);
  } else if (field === 'modified-date') {
    ascending = (a, b) => a.modifiedMs - b.modifiedMs || byId(a, b);
  }
  return descending ? (a, b) => ascending(b, a) : ascending;
}

function orderValueOf(sort: PageSort): (node: StoredNode) => string | number {
  const field = sort.replace(/^-/, '');
  if (field === 'title') {
    return (node) => node.title;
  }
  if (field === 'created-date') {
    return (node) => node.createdMs;
  }
  if (field === 'modified-date') {
    return (node) => node.modifiedMs;
  }
  return (node) => Number(node.id);
}

export const createSpacePagesHandler: HandlerFactory = (deps) => (c) => {
  const spaceId = requireNumericId(c.req.param('id') ?? '', 'space');
  const space = deps.store.findSpaceById(spaceId);
  if (!space) {
    throw new HttpError(404, `No space with id ${spaceId}.`);
  }

  const query = readQuery(c.req.url);
  const depth = readChoice(query, 'depth', ['all', 'root'] as const, 'all');
  // No stored node is 'deleted', so that status selects nothing.
  const statuses: readonly string[] = readChoices(query, 'status', LISTABLE_STATUSES, DEFAULT_STATUSES);
  // NOTE: Cloud's order without `sort` is undocumented, so the simulator uses id ascending.
  const sort = readChoice(query, 'sort', PAGE_SORTS, 'id');
  const title = query.get('title');

  const compare = comparatorOf(sort);
  const select = () =>
    space.nodes
      .filter(
        (node) =>
          node.type === 'page' &&
          statuses.includes(node.status) &&
          (depth === 'all' || node.parent === null) &&
          (title === null || node.title === title),
      )
      .sort(compare);
  // Title lookups are not cached, so arbitrary titles cannot grow the cache.
  const items = title === null ? deps.store.cached(`space-pages:${spaceId}:${depth}:${statuses.join(',')}:${sort}`, select) : select();

  return respondWithV2Listing(c, deps, query, {
    items,
    serialize: pageBulk,
    representation: 'PageBulk',
    scope: `space-pages:${sort}`,
    keyset: { order: sort, compare, idOf: (node) => node.id, orderValueOf: orderValueOf(sort), find: (id) => deps.store.findNode(id) },
    leadingParams: (limit) => [
      ['depth', depth],
      ['limit', String(limit)],
    ],
  });
};
