/**
 * A cursor listing read from both ends at once: one stream sorted by id
 * ascending, one descending, until they meet. Cursor pagination gives no
 * total and no offsets, so two streams are the most that can split one
 * listing without listing any item twice beyond the meeting page.
 */
import type { ListingEnd, ListingPage, Query } from '../../confluence/types.js';
import type { StrategyContext } from '../context.js';
import { linksBase, warnDuplicates, warnIfEndedEarly, warnListingFailed, type ListingOutcome } from '../listing.js';

type Stream<T> = AsyncGenerator<ListingPage<T>, ListingEnd>;

/** Smallest estimated gap, in pages, for which both streams request their next page. */
const BOTH_STREAMS_MIN_GAP_PAGES = 2;

/** Id range of the last page a stream returned, for the density estimate. */
interface PageSpan {
  count: number;
  lowestId: number;
  highestId: number;
}

interface MeetingState<T> {
  items: Map<string, T>;
  base: string | undefined;
  pages: number;
  duplicates: number;
  /** Highest id the ascending stream has returned. */
  ascendingReach: number;
  /** Lowest id the descending stream has returned. */
  descendingReach: number;
  lastAscending: PageSpan | undefined;
  lastDescending: PageSpan | undefined;
  finished: boolean;
}

function spanOf<T>(page: ListingPage<T>, getId: (item: T) => string): PageSpan | undefined {
  if (page.items.length === 0) {
    return undefined;
  }
  const ids = page.items.map((item) => Number(getId(item)));
  return { count: ids.length, lowestId: Math.min(...ids), highestId: Math.max(...ids) };
}

/** Items per unit of id on a page; ids in one space are roughly evenly spread. */
function densityOf(span: PageSpan | undefined): number | undefined {
  return span === undefined ? undefined : span.count / (span.highestId - span.lowestId + 1);
}

/**
 * Estimates how many items lie between the two streams, from the id gap and
 * the density of ids on their last pages. When the estimate is small, only
 * the ascending stream goes on, so the meeting costs no extra request.
 */
export function estimateGap(ascendingReach: number, descendingReach: number, lastAscending?: PageSpan, lastDescending?: PageSpan): number {
  const densities = [densityOf(lastAscending), densityOf(lastDescending)].filter((value): value is number => value !== undefined);
  if (densities.length === 0) {
    return Number.POSITIVE_INFINITY;
  }
  const density = densities.reduce((sum, value) => sum + value, 0) / densities.length;
  return Math.max(0, descendingReach - ascendingReach - 1) * density;
}

function accept<T>(state: MeetingState<T>, page: ListingPage<T>, getId: (item: T) => string): void {
  state.pages += 1;
  state.base ??= linksBase(page.body);
  state.duplicates += page.duplicateIds.length;
  for (const item of page.items) {
    state.items.set(getId(item), item);
  }
}

type Direction = 'ascending' | 'descending';

/** Moves the reach of the stream in `direction` to the far end of `span`. */
function advance<T>(state: MeetingState<T>, direction: Direction, span: PageSpan): void {
  if (direction === 'ascending') {
    state.lastAscending = span;
    state.ascendingReach = Math.max(state.ascendingReach, span.highestId);
  } else {
    state.lastDescending = span;
    state.descendingReach = Math.min(state.descendingReach, span.lowestId);
  }
}

/** Applies one result of the stream in `direction`; returns true when the listing is known in full. */
function applyStep<T>(
  context: StrategyContext,
  state: MeetingState<T>,
  direction: Direction,
  step: IteratorResult<ListingPage<T>, ListingEnd>,
  getId: (item: T) => string,
  label: string,
): boolean {
  if (step.done === true) {
    warnIfEndedEarly(context, step.value, label);
    return true;
  }

  accept(state, step.value, getId);
  const span = spanOf(step.value, getId);
  if (span !== undefined) {
    advance(state, direction, span);
  }
  // A page without a `next` link ends the listing, so the generator's end,
  // which costs no request, need not be awaited before deciding the next round.
  return !step.value.hasNext;
}

/** Runs rounds until the streams meet or one of them reaches the end of the listing. */
async function runRounds<T>(context: StrategyContext, state: MeetingState<T>, streams: [Stream<T>, Stream<T>], pageSize: number, getId: (item: T) => string, label: string): Promise<void> {
  const [ascending, descending] = streams;
  let round = 0;
  while (!state.finished) {
    const gap = estimateGap(state.ascendingReach, state.descendingReach, state.lastAscending, state.lastDescending);
    // The first page goes alone: a listing that fits in it needs no second
    // stream, and one more round trip is small beside a listing long enough to split.
    // Two pages sent for a gap of one page or less list a whole page twice,
    // so both streams go only while the estimate is above twice a page. An
    // estimate 10 % too high did that on a generated space, while a low
    // estimate costs a round trip and never a request.
    const both = round > 0 && gap > BOTH_STREAMS_MIN_GAP_PAGES * pageSize;
    round += 1;
    const [up, down] = await Promise.all([ascending.next(), both ? descending.next() : Promise.resolve(undefined)]);

    const ascendingDone = applyStep(context, state, 'ascending', up, getId, label);
    const descendingDone = down === undefined ? false : applyStep(context, state, 'descending', down, getId, label);
    context.adaptive.onSuccess();
    context.progress('listing', state.items.size);

    // Either stream reaching its end has listed everything; otherwise the
    // union is complete once the ascending reach passes the descending one.
    state.finished = ascendingDone || descendingDone || state.ascendingReach >= state.descendingReach;
  }
}

/**
 * Collects a cursor listing with two streams, `sort=id` and `sort=-id`, that
 * run concurrently and stop when their id ranges meet. Every item is kept
 * once. Failures and early ends become warnings as in `collectListing`.
 */
export async function collectMeetingStreams<T>(
  context: StrategyContext,
  path: string,
  query: Query,
  pageSize: number,
  getId: (item: T) => string,
  label: string,
): Promise<ListingOutcome<T>> {
  const state: MeetingState<T> = {
    items: new Map(),
    base: undefined,
    pages: 0,
    duplicates: 0,
    ascendingReach: Number.NEGATIVE_INFINITY,
    descendingReach: Number.POSITIVE_INFINITY,
    lastAscending: undefined,
    lastDescending: undefined,
    finished: false,
  };
  const ascending = context.client.paginate<T>(path, { ...query, sort: 'id' }, { getId });
  const descending = context.client.paginate<T>(path, { ...query, sort: '-id' }, { getId });

  try {
    await runRounds(context, state, [ascending, descending], pageSize, getId, label);
  } catch (error) {
    if (state.items.size === 0) {
      throw error;
    }
    warnListingFailed(context, error, state.items.size, label);
  } finally {
    await Promise.all([ascending.return({ complete: true }), descending.return({ complete: true })]);
  }

  warnDuplicates(context, state.duplicates, label);
  return { items: [...state.items.values()], base: state.base, pages: state.pages };
}
