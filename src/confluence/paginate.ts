/**
 * Listing pagination: follow the server's own `next` link page after page, as
 * an async generator, plus `collectAll` to gather every page.
 *
 * The end of a listing comes only from the server: no `next` link, or an empty
 * page. A page with fewer items than requested is not the end, because
 * servers cap `limit` silently: Data Center `content/search` returns at most
 * 50, 200 or 1000 items depending on expansions (Atlassian KB "Searching for
 * content with the REST API and CQL always limits results to 50"). An empty
 * page ends the listing even when it carries a `next` link, because Data
 * Center can keep `next` going past the end of a long listing (CONFSERVER-95396).
 */
import { nextLinkFromHeader } from '../quirks/next-link.js';
import { UnexpectedResponseError } from './http-errors.js';
import type { SiteUrl } from './site-url.js';
import type { CollectedListing, JsonResponse, ListingEnd, ListingOptions, ListingPage } from './types.js';

export const DEFAULT_MAX_PAGES = 100_000;

/** Client methods that a listing uses. */
export interface ListingSource {
  readonly site: SiteUrl;
  getJsonUrl<T>(absoluteUrl: string): Promise<JsonResponse<T>>;
  /** Returns `url` without credentials, for error messages. */
  redactUrl(url: string): string;
}

/** Returns `value` as a plain object, or `undefined`. */
function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Returns the `next` link of a listing page: `_links.next`, else the `Link` header's `rel="next"`. */
export function findNextLink(body: Record<string, unknown>, headers: Headers): string | undefined {
  const next = asRecord(body._links)?.next;
  if (typeof next === 'string' && next.trim() !== '') {
    return next;
  }
  return nextLinkFromHeader(headers.get('link'));
}

/** Resolves a `next` link, raising `UnexpectedResponseError` when it cannot be resolved. */
function resolveNext(source: ListingSource, next: string, url: string): string {
  try {
    return source.site.resolveNext(next, url);
  } catch (error) {
    if (!(error instanceof TypeError)) {
      throw error;
    }
    throw new UnexpectedResponseError({ method: 'GET', url: source.redactUrl(url), attempts: 1, expected: 'a valid "next" link' });
  }
}

/**
 * Yields the pages of a listing that starts at `firstUrl`, following `next`
 * links, and returns how the listing ended:
 *
 * - `{ complete: true }` when a page has no `next` link or no items.
 * - `repeated-url` when a `next` link points at a URL already requested.
 * - `repeated-page` when every item of a non-empty page was seen before, as
 *   when a server ignores `start` and returns the same page forever. That page
 *   is still yielded, with its ids in `duplicateIds`.
 * - `page-limit` when `maxPages` pages were read and a `next` link remains.
 *
 * Items whose id was seen on an earlier page are left out of `items` and
 * listed in `duplicateIds`.
 *
 * @throws {UnexpectedResponseError} when a body is not an object with an array
 *   under `itemsKey`, or its `next` link is not a valid URL.
 */
export async function* paginateListing<T>(
  source: ListingSource,
  firstUrl: string,
  options: ListingOptions<T>,
): AsyncGenerator<ListingPage<T>, ListingEnd> {
  const itemsKey = options.itemsKey ?? 'results';
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const requestedUrls = new Set<string>();
  const seenIds = new Set<string>();
  let url = firstUrl;
  let pages = 0;

  for (;;) {
    requestedUrls.add(url);
    const response = await source.getJsonUrl<unknown>(url);
    pages += 1;

    const body = asRecord(response.data);
    const rawItems = body?.[itemsKey];
    if (body === undefined || !Array.isArray(rawItems)) {
      throw new UnexpectedResponseError({
        method: 'GET',
        url: source.redactUrl(url),
        attempts: 1,
        expected: `a "${itemsKey}" array`,
      });
    }

    const items: T[] = [];
    const duplicateIds: string[] = [];
    for (const item of rawItems as T[]) {
      const id = String(options.getId(item));
      if (seenIds.has(id)) {
        duplicateIds.push(id);
      } else {
        seenIds.add(id);
        items.push(item);
      }
    }

    const next = rawItems.length === 0 ? undefined : findNextLink(body, response.headers);
    yield { items, duplicateIds, url, body, hasNext: next !== undefined };

    if (rawItems.length === 0) {
      return { complete: true };
    }
    if (items.length === 0) {
      return { complete: false, reason: 'repeated-page', url };
    }

    if (next === undefined) {
      return { complete: true };
    }
    const nextUrl = resolveNext(source, next, url);
    if (requestedUrls.has(nextUrl)) {
      return { complete: false, reason: 'repeated-url', url: nextUrl };
    }
    if (pages >= maxPages) {
      return { complete: false, reason: 'page-limit', url: nextUrl };
    }
    url = nextUrl;
  }
}

/**
 * Reads every page of a listing and returns the unique items, the repeated
 * ids, the number of pages and how the listing ended. To stop early, iterate
 * the generator with `for await` and `break` instead.
 */
export async function collectAll<T>(listing: AsyncGenerator<ListingPage<T>, ListingEnd>): Promise<CollectedListing<T>> {
  const items: T[] = [];
  const duplicateIds: string[] = [];
  let pages = 0;

  for (;;) {
    const result = await listing.next();
    if (result.done === true) {
      return { items, duplicateIds, pages, end: result.value };
    }
    pages += 1;
    items.push(...result.value.items);
    duplicateIds.push(...result.value.duplicateIds);
  }
}
