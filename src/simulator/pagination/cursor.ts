/**
 * Opaque cursors and `next` links of Cloud REST v2 listings.
 *
 * Cloud sends the next page's URL in `_links.next` and in a `Link` header, as
 * a path starting with `/wiki/api/v2/`, and omits both on the last page. The
 * cursor parameter comes first in that URL, so a client that cuts the query
 * at `cursor=` loses the parameters after it.
 */
import { Buffer } from 'node:buffer';
import { HttpError } from '../http/errors.js';
import type { ActiveFaults } from '../faults/active-faults.js';

interface CursorPayload {
  /** Index of the first item of the page in the listing. */
  offset: number;
  /** Listing the cursor belongs to, e.g. the sort order. */
  scope: string;
}

/**
 * Encodes a cursor as base64 of JSON, padded so that it always ends in '=',
 * which a client must URL-encode.
 */
export function encodeCursor(offset: number, scope: string): string {
  let json = JSON.stringify({ offset, scope } satisfies CursorPayload);
  if (json.length % 3 === 0) {
    json += ' ';
  }
  return Buffer.from(json, 'utf8').toString('base64');
}

/** Returns the offset stored in a cursor, or throws HttpError 400 for a foreign or broken cursor. */
export function decodeCursor(cursor: string, scope: string): number {
  let payload: Partial<CursorPayload>;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as Partial<CursorPayload>;
  } catch {
    throw new HttpError(400, `Invalid cursor "${cursor}": use the cursor from the previous response's next link.`);
  }
  if (typeof payload.offset !== 'number' || !Number.isInteger(payload.offset) || payload.offset < 0 || payload.scope !== scope) {
    throw new HttpError(400, `Invalid cursor "${cursor}": use the cursor from the previous response's next link.`);
  }
  return payload.offset;
}

interface KeysetPayload {
  /** Id of the last item served. */
  id: string;
  /** The listing's order, such as `id` or `-title`. */
  contentOrder: string;
  /** The last item's value of the order field. */
  contentOrderValue: string | number;
}

/**
 * Encodes a keyset cursor: the last item served and its place in the order,
 * as Cloud's `spaces/{id}/pages` does. A `Link` header captured from Cloud
 * carries `cursor=eyJpZCI6IjM5OTc2OTciLCJjb250ZW50T3JkZXIiOiJpZCIsImNvbnRlbnRPcmRlclZhbHVlIjozOTk3Njk3fQ==`,
 * which is base64 of `{"id":"3997697","contentOrder":"id","contentOrderValue":3997697}`.
 * Because the next page starts after that item rather than at an offset, pages
 * deleted while a client reads the listing shift nothing.
 */
export function encodeKeysetCursor(id: string, contentOrder: string, contentOrderValue: string | number): string {
  return Buffer.from(JSON.stringify({ id, contentOrder, contentOrderValue } satisfies KeysetPayload), 'utf8').toString('base64');
}

/** Returns the id in a keyset cursor of the order `contentOrder`, or throws HttpError 400 for a foreign or broken cursor. */
export function decodeKeysetCursor(cursor: string, contentOrder: string): string {
  let payload: Partial<KeysetPayload>;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as Partial<KeysetPayload>;
  } catch {
    throw new HttpError(400, `Invalid cursor "${cursor}": use the cursor from the previous response's next link.`);
  }
  if (typeof payload.id !== 'string' || payload.contentOrder !== contentOrder) {
    throw new HttpError(400, `Invalid cursor "${cursor}": use the cursor from the previous response's next link.`);
  }
  return payload.id;
}

export interface CursorPagePlan {
  readonly indexes: number[];
  /** Offset of the next page, or null on the last page. */
  readonly nextOffset: number | null;
}

/**
 * Plans one page. With duplicateAcrossPages, pages after the first start with
 * the previous page's last item. With repeatPage, the second page repeats the first.
 */
export function planCursorPage(total: number, offset: number, limit: number, faults: ActiveFaults): CursorPagePlan {
  const indexes: number[] = [];
  if (faults.duplicateAcrossPages && offset > 0 && offset <= total) {
    indexes.push(offset - 1);
  }
  const end = Math.min(total, offset + limit);
  // With repeatPage, the second page serves the first page's items again.
  const from = faults.repeatPage && offset > 0 && offset === limit ? 0 : offset;
  for (let index = from; index < end - offset + from; index++) {
    indexes.push(index);
  }
  return { indexes, nextOffset: end < total ? end : null };
}

/**
 * Builds a `next` link: `path?cursor=…` followed by `leading` parameters and
 * then the request's other parameters in their original order.
 */
export function buildCursorNextLink(
  path: string,
  cursor: string,
  leading: readonly [string, string][],
  query: URLSearchParams,
): string {
  const params = new URLSearchParams([['cursor', cursor], ...leading]);
  const skipped = new Set(['cursor', ...leading.map(([name]) => name)]);
  for (const [name, value] of query) {
    if (!skipped.has(name)) {
      params.append(name, value);
    }
  }
  return `${path}?${params.toString()}`;
}
