/**
 * Cursor-paginated v2 listing responses: `{results, _links: {next?, base}}`
 * plus the same `next` in a `Link` header.
 */
import type { Context } from 'hono';
import { HttpError } from '../../http/errors.js';
import { readInteger } from '../../http/params.js';
import { buildCursorNextLink, decodeCursor, decodeKeysetCursor, encodeCursor, encodeKeysetCursor, planCursorPage } from '../../pagination/cursor.js';
import { itemJson, respondWithResults } from '../../pagination/json-body.js';
import type { StoredNode } from '../../store/space-store.js';
import type { HandlerDeps } from '../deps.js';

export interface V2ListingOptions<T> {
  readonly items: readonly T[];
  readonly serialize: (item: T) => unknown;
  /**
   * Name of the item representation, such as 'PageBulk'. When set, each item's
   * JSON is cached per node, so `serialize` must depend on the node only.
   */
  readonly representation?: T extends StoredNode ? string : never;
  /** Identifies the listing and its order; a cursor from another scope is rejected. */
  readonly scope: string;
  /** Parameters placed right after `cursor` in the `next` link, before the request's others. */
  readonly leadingParams?: (limit: number) => [string, string][];
  /** When set, cursors name the last item served instead of an offset (see `encodeKeysetCursor`). */
  readonly keyset?: Keyset<T>;
}

export interface Keyset<T> {
  /** The listing's order as the cursor names it, such as `id` or `-title`. */
  readonly order: string;
  /** The order of `items`, so that the place of any item can be found. */
  readonly compare: (a: T, b: T) => number;
  readonly idOf: (item: T) => string;
  readonly orderValueOf: (item: T) => string | number;
  /** Finds an item by id even after it left the listing (moved or deleted). */
  readonly find: (id: string) => T | undefined;
}

/** Returns the index of the first item that comes after `last` in the listing's order. */
function indexAfter<T>(items: readonly T[], last: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(items[middle] as T, last) <= 0) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

function offsetOf<T>(cursor: string | null, options: V2ListingOptions<T>): number {
  if (cursor === null || cursor === '') {
    return 0;
  }
  const keyset = options.keyset;
  if (keyset === undefined) {
    return decodeCursor(cursor, options.scope);
  }
  const last = keyset.find(decodeKeysetCursor(cursor, keyset.order));
  if (last === undefined) {
    throw new HttpError(400, `Invalid cursor "${cursor}": use the cursor from the previous response's next link.`);
  }
  return indexAfter(options.items, last, keyset.compare);
}

function nextCursor<T>(options: V2ListingOptions<T>, nextOffset: number): string {
  const keyset = options.keyset;
  if (keyset === undefined) {
    return encodeCursor(nextOffset, options.scope);
  }
  const last = options.items[nextOffset - 1] as T;
  return encodeKeysetCursor(keyset.idOf(last), keyset.order, keyset.orderValueOf(last));
}

/**
 * Returns the `limit` parameter: default and maximum from the profile, values
 * below 1 rejected with 400.
 * NOTE: the spec allows 1-250 but does not say what Cloud does above 250. The
 * simulator clamps such values to 250 instead of rejecting them.
 */
export function readV2Limit(query: URLSearchParams, deps: HandlerDeps): number {
  const limit = readInteger(query, 'limit', deps.profile.v2.defaultLimit, 1);
  return Math.min(limit, deps.profile.v2.maxLimit);
}

export function respondWithV2Listing<T>(
  c: Context,
  deps: HandlerDeps,
  query: URLSearchParams,
  options: V2ListingOptions<T>,
): Response {
  const limit = readV2Limit(query, deps);
  const cursor = query.get('cursor');
  const offset = offsetOf(cursor, options);
  if (offset > options.items.length) {
    throw new HttpError(400, `Invalid cursor "${cursor}": it points beyond the end of the listing.`);
  }

  const plan = planCursorPage(options.items.length, offset, limit, deps.faults);
  const results = plan.indexes.map((index) => {
    const item = options.items[index] as T;
    const representation = options.representation;
    return representation === undefined
      ? JSON.stringify(options.serialize(item))
      : itemJson(deps.store, item as StoredNode, representation, () => options.serialize(item));
  });

  const links: { next?: string; base: string } = { base: deps.site.base };
  const headers: Record<string, string> = {};
  if (plan.nextOffset !== null) {
    const leading = options.leadingParams?.(limit) ?? [['limit', String(limit)]];
    const path = new URL(c.req.url).pathname;
    links.next = buildCursorNextLink(path, nextCursor(options, plan.nextOffset), leading, query);
    headers.Link = `<${links.next}>; rel="next", <${deps.site.base}>; rel="base"`;
  }
  return respondWithResults(c, results, { _links: links }, headers);
}
