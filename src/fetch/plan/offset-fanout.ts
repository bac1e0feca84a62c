/**
 * An offset listing read in parallel once its size is known. The first page
 * reports the applied page size (`limit`, after the server's silent cap) and
 * the number of matches (`totalSize`). The other pages are then requested up
 * to `parallelism` at a time. The listing costs exactly ceil(total / limit)
 * requests when the server keeps to both figures.
 */
import type { JsonResponse, Query } from '../../confluence/types.js';
import type { StrategyContext } from '../context.js';
import { linksBase, warnDuplicates, warnListingFailed, type ListingOutcome } from '../listing.js';

/** A range of offsets still to read, end exclusive. */
interface OffsetRange {
  start: number;
  end: number;
}

interface OffsetPageBody<T> {
  results?: T[];
  limit?: number;
  totalSize?: number;
  _links?: { next?: string };
}

interface FanoutState<T> {
  byStart: Map<number, T[]>;
  seen: Set<string>;
  duplicates: number;
  pages: number;
  /** Set when a page came back empty or entirely repeated, so the offsets cannot be trusted. */
  stopped: string | undefined;
  /** The first request that failed after its retries; the other workers stop. */
  error: unknown;
}

/** Splits [from, total) into ranges of `pageSize`. */
export function planRanges(from: number, total: number, pageSize: number): OffsetRange[] {
  const ranges: OffsetRange[] = [];
  for (let start = from; start < total; start += pageSize) {
    ranges.push({ start, end: Math.min(total, start + pageSize) });
  }
  return ranges;
}

function keepNew<T>(state: FanoutState<T>, start: number, results: T[], getId: (item: T) => string): number {
  const fresh: T[] = [];
  for (const item of results) {
    const id = getId(item);
    if (state.seen.has(id)) {
      state.duplicates += 1;
    } else {
      state.seen.add(id);
      fresh.push(item);
    }
  }
  state.byStart.set(start, fresh);
  return fresh.length;
}

/** Reads one range; a short page leaves the rest of the range in the queue, because the cap can change mid-listing. */
async function readRange<T>(context: StrategyContext, state: FanoutState<T>, queue: OffsetRange[], range: OffsetRange, path: string, query: Query, getId: (item: T) => string): Promise<void> {
  const response = await context.client.getJson<OffsetPageBody<T>>(path, { ...query, start: range.start, limit: range.end - range.start });
  state.pages += 1;
  const results = Array.isArray(response.data.results) ? response.data.results : [];
  if (results.length === 0) {
    state.stopped ??= `the page at start=${range.start} was empty although the total promised more`;
    return;
  }

  const fresh = keepNew(state, range.start, results, getId);
  if (fresh === 0) {
    state.stopped ??= `every item of the page at start=${range.start} was seen before, so the server probably ignores the offset`;
    return;
  }
  if (results.length < range.end - range.start) {
    queue.push({ start: range.start + results.length, end: range.end });
  }
  context.adaptive.onSuccess();
  context.progress('listing', state.seen.size);
}

/** Runs `parallelism` workers over the queue until it is empty or the listing stopped. */
async function drainQueue<T>(context: StrategyContext, state: FanoutState<T>, queue: OffsetRange[], parallelism: number, path: string, query: Query, getId: (item: T) => string): Promise<void> {
  const worker = async (): Promise<void> => {
    for (let range = queue.shift(); range !== undefined && state.stopped === undefined; range = queue.shift()) {
      try {
        await readRange(context, state, queue, range, path, query, getId);
      } catch (error) {
        state.error ??= error;
        state.stopped ??= 'a request failed';
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, parallelism) }, () => worker());
  await Promise.all(workers);
}

function outcomeOf<T>(state: FanoutState<T>, base: string | undefined): ListingOutcome<T> {
  const starts = [...state.byStart.keys()].sort((a, b) => a - b);
  return { items: starts.flatMap((start) => state.byStart.get(start) ?? []), base, pages: state.pages };
}

function warnShortfall<T>(context: StrategyContext, state: FanoutState<T>, total: number, label: string): void {
  if (state.seen.size >= total) {
    return;
  }
  const reason = state.stopped ?? 'the pages returned fewer items than the total';
  context.warn({
    code: 'listing-total-mismatch',
    message: `The ${label} listing reported ${total} items but returned ${state.seen.size}: ${reason}.`,
    affectsCompleteness: true,
    details: { listing: label, total, received: state.seen.size },
  });
}

/**
 * Collects an offset listing that reports `totalSize`, reading the pages
 * after the first `parallelism` at a time. Returns undefined after the first
 * page when it has no `totalSize`, as Cloud's cursor-only CQL search does:
 * without a total, a shifted offset could lose items unseen, so the caller
 * lists another way.
 */
export async function collectOffsetFanout<T>(
  context: StrategyContext,
  path: string,
  query: Query,
  requestedLimit: number,
  parallelism: number,
  getId: (item: T) => string,
  label: string,
): Promise<ListingOutcome<T> | undefined> {
  const first: JsonResponse<OffsetPageBody<T>> = await context.client.getJson<OffsetPageBody<T>>(path, { ...query, start: 0, limit: requestedLimit });
  const results = Array.isArray(first.data.results) ? first.data.results : [];
  const base = linksBase(first.data as Record<string, unknown>);
  const total = first.data.totalSize;
  if (typeof total !== 'number' || !Number.isSafeInteger(total)) {
    return undefined;
  }

  const state: FanoutState<T> = { byStart: new Map(), seen: new Set(), duplicates: 0, pages: 1, stopped: undefined, error: undefined };
  keepNew(state, 0, results, getId);
  context.progress('listing', state.seen.size);

  // The applied limit of the first page is the server's real cap for this
  // query. A later page that returns fewer items leaves the rest of its range queued.
  const pageSize = Math.max(1, Math.min(requestedLimit, typeof first.data.limit === 'number' && first.data.limit > 0 ? first.data.limit : results.length));
  const queue = results.length === 0 ? [] : planRanges(results.length, total, pageSize);
  await drainQueue(context, state, queue, parallelism, path, query, getId);
  if (state.error !== undefined) {
    warnListingFailed(context, state.error, state.seen.size, label);
  }

  warnShortfall(context, state, total, label);
  warnDuplicates(context, state.duplicates, label);
  return outcomeOf(state, base);
}
