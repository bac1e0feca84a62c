/**
 * Offset-paginated v1 listing responses:
 * `{results, start, limit, size, _links: {base, context, self, next?}}`.
 * `limit` is the limit applied after the silent caps, and `next` is relative
 * to `_links.base`, so it does not repeat the context path.
 */
import type { Context } from 'hono';
import { readInteger, readList, withoutParams } from '../../http/params.js';
import { planOffsetPage } from '../../faults/offset-listing.js';
import { capLimit } from '../../pagination/listing-caps.js';
import type { StoredNode } from '../../store/space-store.js';
import type { HandlerDeps } from '../deps.js';
import { respondWithResults } from '../../pagination/json-body.js';
import { v1ContentJson } from './serialize-content.js';

export function readExpand(query: URLSearchParams): string[] {
  return readList(query, 'expand');
}

/** Returns the request path relative to the site base, e.g. '/rest/api/content'. */
export function apiPath(c: Context, deps: HandlerDeps): string {
  return new URL(c.req.url).pathname.slice(deps.site.sitePath.length);
}

/**
 * Responds with one page of `items`. The caps of the profile apply to every v1
 * listing here.
 * NOTE: Atlassian documents the caps for `content/search` only (KB 1032258424).
 * Applying them to the other listings is an assumption of the simulator.
 */
export function respondWithV1Listing(
  c: Context,
  deps: HandlerDeps,
  query: URLSearchParams,
  items: readonly StoredNode[],
  extraFields: Record<string, unknown> = {},
): Response {
  const expand = readExpand(query);
  const requested = readInteger(query, 'limit', deps.profile.v1.defaultLimit, 0);
  const start = readInteger(query, 'start', 0, 0);
  const plan = planOffsetPage(items.length, start, capLimit(requested, expand, deps.profile.v1.caps), deps.faults);
  const results = plan.indexes.map((index) => v1ContentJson(items[index]!, deps, expand));

  const path = apiPath(c, deps);
  const links: Record<string, string> = {
    base: deps.site.base,
    context: deps.site.sitePath,
    self: `${deps.site.base}${path}`,
  };
  if (plan.nextStart !== null) {
    const params = new URLSearchParams(withoutParams(query, ['start', 'limit']));
    params.append('limit', String(plan.limit));
    params.append('start', String(plan.nextStart));
    links.next = `${path}?${params.toString()}`;
  }
  return respondWithResults(c, results, { start, limit: plan.limit, size: results.length, ...extraFields, _links: links });
}
