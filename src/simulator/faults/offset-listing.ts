/**
 * Offset pagination of v1 listings (`start`/`limit`), with the listing faults
 * that real servers show:
 * - capSequence: a server caps page sizes, and the cap can change mid-listing.
 * - ignoreOffset: every `start` returns the first page again (CONFSERVER-52558,
 *   child listings that returned the same 25 items forever).
 * - duplicateAcrossPages: a page repeats the last item of the previous page.
 * - nextPastEnd: the last page still links to a next page, and the empty pages
 *   beyond it do too (CONFSERVER-95396, Data Center 7.19.21, 8.5.8, 8.9.0).
 * - repeatPage: the second page serves the items of the first page again,
 *   and its `next` link goes on as if it had served the real second page.
 */
import type { ActiveFaults } from './active-faults.js';

/** With nextPastEnd, the third empty page past the end finally has no `next`. */
export const EMPTY_PAGES_PAST_END = 3;

export interface OffsetPagePlan {
  /** Listing indexes served on this page, in order. */
  readonly indexes: number[];
  /** Page size applied, reported as `limit`. */
  readonly limit: number;
  /** `start` of the next page, or null when the response has no `next`. */
  readonly nextStart: number | null;
}

/**
 * Plans the page at `start` of a listing of `total` items. `limit` is the
 * requested limit after the endpoint's own cap. The next page starts after the
 * items actually served, never at `start + limit`.
 */
export function planOffsetPage(total: number, start: number, limit: number, faults: ActiveFaults): OffsetPagePlan {
  const applied = faults.capSequence ? Math.min(limit, capAt(faults.capSequence, start, limit)) : limit;
  if (applied === 0) {
    return { indexes: [], limit: 0, nextStart: null };
  }

  const from = faults.ignoreOffset ? 0 : start;
  const to = Math.min(total, from + applied);
  const indexes: number[] = [];
  for (let index = from; index < to; index++) {
    indexes.push(index);
  }
  const served = indexes.length;
  if (faults.duplicateAcrossPages && !faults.ignoreOffset && start > 0 && start <= total) {
    indexes.unshift(start - 1);
  }

  if (faults.repeatPage && start > 0 && start === firstPageSize(faults, limit)) {
    indexes.splice(0, indexes.length, ...range(0, Math.min(total, start)));
  }

  let nextStart: number | null = null;
  if (faults.ignoreOffset) {
    // The server believes it moved on, so it keeps linking to further pages.
    nextStart = total > served ? start + served : null;
  } else if (start + served < total) {
    nextStart = start + served;
  } else if (faults.nextPastEnd) {
    const emptyPagesSoFar = start >= total ? Math.floor((start - total) / applied) + 1 : 0;
    if (emptyPagesSoFar < EMPTY_PAGES_PAST_END) {
      nextStart = start + Math.max(served, applied);
    }
  }

  return { indexes, limit: applied, nextStart };
}

/**
 * Returns the cap of the page that begins at `start`. Page n is capped at
 * `caps[min(n, caps.length - 1)]`. The page number n comes from walking from 0
 * with each page's size, so the result does not depend on earlier requests.
 */
function capAt(caps: readonly number[], start: number, limit: number): number {
  let position = 0;
  for (let page = 0; page < caps.length - 1; page++) {
    if (position >= start) {
      return caps[page]!;
    }
    position += Math.min(limit, caps[page]!);
  }
  return caps[caps.length - 1]!;
}

function firstPageSize(faults: ActiveFaults, limit: number): number {
  return faults.capSequence ? Math.min(limit, faults.capSequence[0]!) : limit;
}

function range(from: number, to: number): number[] {
  const values: number[] = [];
  for (let value = from; value < to; value++) {
    values.push(value);
  }
  return values;
}
