/**
 * Cursor-paginated v1 listings, as Cloud serves `content/search` since offsets
 * were removed there in July 2020: `start` is ignored, and `_links.next`
 * carries an opaque `cursor`. The body keeps the offset listing's fields.
 */
import type { Context } from 'hono';
import { HttpError } from '../../http/errors.js';
import { readInteger, withoutParams } from '../../http/params.js';
import { decodeCursor, encodeCursor, planCursorPage } from '../../pagination/cursor.js';
import { capLimit } from '../../pagination/listing-caps.js';
import type { StoredNode } from '../../store/space-store.js';
import type { HandlerDeps } from '../deps.js';
import { apiPath, readExpand } from './listing.js';
import { respondWithResults } from '../../pagination/json-body.js';
import { v1ContentJson } from './serialize-content.js';

export function respondWithV1CursorListing(
  c: Context,
  deps: HandlerDeps,
  query: URLSearchParams,
  items: readonly StoredNode[],
  scope: string,
): Response {
  const expand = readExpand(query);
  const limit = capLimit(readInteger(query, 'limit', deps.profile.v1.defaultLimit, 1), expand, deps.profile.v1.caps);
  const cursor = query.get('cursor');
  const offset = cursor === null || cursor === '' ? 0 : decodeCursor(cursor, scope);
  if (offset > items.length) {
    throw new HttpError(400, `Invalid cursor "${cursor}": it points beyond the end of the listing.`);
  }

  const plan = planCursorPage(items.length, offset, limit, deps.faults);
  const results = plan.indexes.map((index) => v1ContentJson(items[index]!, deps, expand));
  const path = apiPath(c, deps);
  const links: Record<string, string> = {
    base: deps.site.base,
    context: deps.site.sitePath,
    self: `${deps.site.base}${path}`,
  };
  if (plan.nextOffset !== null) {
    const params = new URLSearchParams(withoutParams(query, ['cursor', 'limit', 'start']));
    params.append('limit', String(limit));
    params.append('cursor', encodeCursor(plan.nextOffset, scope));
    links.next = `${path}?${params.toString()}`;
  }
  return respondWithResults(c, results, { start: 0, limit, size: results.length, _links: links });
}
