import type { ListingEnd, Query } from '../confluence/types.js';
import type { StrategyContext } from './context.js';

/** Items and metadata of one paginated listing. */
export interface ListingOutcome<T> {
  items: T[];
  /** Base of web links, from the first page's `_links.base`. */
  base: string | undefined;
  /** Pages received. */
  pages: number;
}

/** Returns `_links.base` of a listing body, the base of its web links. */
export function linksBase(body: Record<string, unknown>): string | undefined {
  const links = body['_links'];
  if (typeof links === 'object' && links !== null) {
    const base = (links as Record<string, unknown>)['base'];
    return typeof base === 'string' ? base : undefined;
  }
  return undefined;
}

function describeEnd(end: Extract<ListingEnd, { complete: false }>): string {
  switch (end.reason) {
    case 'repeated-url':
      return 'the server sent a next link that was already followed';
    case 'repeated-page':
      return 'the server returned a page of items that were all seen before, so it probably ignores the offset';
    case 'page-limit':
      return 'the listing reached the maximum number of pages';
  }
}

/**
 * Follows one paginated listing to its end and turns every way it can stop
 * early into a warning, keeping the items received so far: a failed request
 * after some pages, a repeated page or a repeated next link.
 */
export async function collectListing<T>(
  context: StrategyContext,
  path: string,
  query: Query,
  getId: (item: T) => string,
  label: string,
): Promise<ListingOutcome<T>> {
  const items: T[] = [];
  let base: string | undefined;
  let pages = 0;
  let duplicates = 0;
  const iterator = context.client.paginate<T>(path, query, { getId });

  try {
    for (;;) {
      const step = await iterator.next();
      if (step.done === true) {
        warnIfEndedEarly(context, step.value, label);
        break;
      }

      const page = step.value;
      pages += 1;
      base ??= linksBase(page.body);
      items.push(...page.items);
      duplicates += page.duplicateIds.length;
      context.adaptive.onSuccess();
      context.progress('listing', items.length);
    }
  } catch (error) {
    // Keep what arrived: a partial tree flagged incomplete beats no tree.
    if (items.length === 0) {
      throw error;
    }
    warnListingFailed(context, error, items.length, label);
  }

  warnDuplicates(context, duplicates, label);
  return { items, base, pages };
}

/** Warns when a listing ended before its end: a repeated page, a repeated next link or the page limit. */
export function warnIfEndedEarly(context: StrategyContext, end: ListingEnd, label: string): void {
  if (end.complete) {
    return;
  }
  context.warn({
    code: `listing-${end.reason}`,
    message: `The ${label} listing stopped early at ${end.url}: ${describeEnd(end)}.`,
    affectsCompleteness: true,
    details: { url: end.url, listing: label },
  });
}

/** Warns that a listing failed after `received` items, which are kept. */
export function warnListingFailed(context: StrategyContext, error: unknown, received: number, label: string): void {
  context.warn({
    code: 'listing-failed',
    message: `The ${label} listing failed after ${received} items: ${error instanceof Error ? error.message : String(error)}`,
    affectsCompleteness: true,
    details: { listing: label, received },
  });
}

/** Warns that a listing returned `duplicates` items more than once. */
export function warnDuplicates(context: StrategyContext, duplicates: number, label: string): void {
  if (duplicates === 0) {
    return;
  }
  context.warn({
    code: 'listing-duplicate-ids',
    message: `The ${label} listing returned ${duplicates} items more than once; each was kept once.`,
    affectsCompleteness: false,
    details: { listing: label, duplicates },
  });
}
