/**
 * `GET /rest/api/content/scan?spaceKey=K&limit&cursor&expand` (Data Center
 * 7.18+): current pages ascending by id, cursor-paginated without offsets.
 * Cursors have the form `content:false:<lastId>`, and `_links.next` looks like
 * `/rest/api/content/scan?cursor=content:false:393229&limit=2`.
 * NOTE: whether real servers honour `expand=ancestors` here is uncertain. The
 * simulator honours every expand it supports elsewhere.
 */
import { HttpError } from '../../http/errors.js';
import { readInteger, readQuery, withoutParams } from '../../http/params.js';
import { planOffsetPage } from '../../faults/offset-listing.js';
import { capLimit } from '../../pagination/listing-caps.js';
import { compareNumericIds } from '../../store/display-order.js';
import type { StoredNode } from '../../store/space-store.js';
import type { HandlerFactory } from '../deps.js';
import { apiPath, readExpand } from './listing.js';
import { v1Content } from './serialize-content.js';

const SCAN_CURSOR = /^content:(true|false):([0-9]+)$/;

/**
 * Returns the listing index where the requested page starts. A forward cursor
 * names the last id already served. A backward cursor ("content:true:<firstId>")
 * names the first id of the page after the one requested.
 */
function resolveScanStart(pages: readonly StoredNode[], backward: boolean, id: string, limit: number): number {
  const firstIndexWhere = (predicate: (page: StoredNode) => boolean): number => {
    const index = pages.findIndex(predicate);
    return index === -1 ? pages.length : index;
  };
  if (backward) {
    return Math.max(0, firstIndexWhere((page) => compareNumericIds(page.id, id) >= 0) - limit);
  }
  return firstIndexWhere((page) => compareNumericIds(page.id, id) > 0);
}

export const createContentScanHandler: HandlerFactory = (deps) => (c) => {
  const query = readQuery(c.req.url);
  const expand = readExpand(query);
  const spaceKey = query.get('spaceKey');
  const limit = capLimit(readInteger(query, 'limit', deps.profile.v1.defaultLimit, 1), expand, deps.profile.v1.caps);

  const cursor = query.get('cursor');
  const cursorMatch = cursor === null ? null : SCAN_CURSOR.exec(cursor);
  if (cursor !== null && !cursorMatch) {
    throw new HttpError(400, `Invalid cursor "${cursor}": use the nextCursor of the previous response.`);
  }

  const spaces = spaceKey === null ? deps.store.spaces : [deps.store.findSpaceByKey(spaceKey)].filter((space) => space !== undefined);
  const pages = deps.store.cached(`scan:${spaceKey}`, () =>
    spaces
      .flatMap((space) => space.nodes.filter((node) => node.type === 'page' && node.status === 'current'))
      .sort((a, b) => compareNumericIds(a.id, b.id)),
  );

  const start = cursorMatch ? resolveScanStart(pages, cursorMatch[1] === 'true', cursorMatch[2]!, limit) : 0;

  // Only the faults that make sense without offsets apply to scan.
  const faults = { ...deps.faults, ignoreOffset: false, nextPastEnd: false };
  const plan = planOffsetPage(pages.length, start, limit, faults);
  const served = plan.indexes.map((index) => pages[index]!);
  const results = served.map((page) => v1Content(page, deps, expand));

  const path = apiPath(c, deps);
  const links: Record<string, string> = {
    base: deps.site.base,
    context: deps.site.sitePath,
    self: `${deps.site.base}${path}`,
  };
  const body: Record<string, unknown> = { results };
  if (cursor !== null) {
    body.cursor = cursor;
  }
  const rest = new URLSearchParams(withoutParams(query, ['cursor', 'limit'])).toString();
  const linkTo = (target: string) => `${path}?cursor=${target}&limit=${plan.limit}${rest ? `&${rest}` : ''}`;
  const lastServed = served[served.length - 1];
  if (plan.nextStart !== null && lastServed) {
    body.nextCursor = `content:false:${lastServed.id}`;
    links.next = linkTo(body.nextCursor as string);
  }
  const firstServed = served[0];
  if (start > 0 && firstServed) {
    body.prevCursor = `content:true:${firstServed.id}`;
    links.prev = linkTo(body.prevCursor as string);
  }
  body.limit = plan.limit;
  body.size = results.length;
  body._links = links;
  return c.json(body);
};
