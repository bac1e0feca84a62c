/**
 * Cursor-paginated v2 listing responses: `{results, _links: {next?, base}}`
 * plus the same `next` in a `Link` header.
 */
import type { Context } from 'hono';
import { HttpError } from '../../http/errors.js';
import { readInteger } from '../../http/params.js';
import { buildCursorNextLink, decodeCursor, encodeCursor, planCursorPage } from '../../pagination/cursor.js';
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
  const offset = cursor === null || cursor === '' ? 0 : decodeCursor(cursor, options.scope);
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
    links.next = buildCursorNextLink(path, encodeCursor(plan.nextOffset, options.scope), leading, query);
    headers.Link = `<${links.next}>; rel="next", <${deps.site.base}>; rel="base"`;
  }
  return respondWithResults(c, results, { _links: links }, headers);
}
