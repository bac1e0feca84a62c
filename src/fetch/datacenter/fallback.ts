/**
 * Settles doubts about a Server/Data Center listing with the children walk.
 * When the listing stopped early, ignored offsets or gave pages without
 * usable ancestors, the walk reads the tree again from the top. A CQL search
 * then counts the current pages (`totalSize`) to confirm that the walk reached
 * every one, because pages below a parent that is not current are out of its
 * reach. Only a complete, confirmed walk settles the doubts.
 */
import type { PageRecord } from '../../tree/types.js';
import type { StrategyContext } from '../context.js';
import { markRecovered, type HeldWarnings } from '../recovery.js';
import type { FetchWarning, UnreadableNode } from '../types.js';
import { walkSpaceChildren, type WalkOutcome } from './children-walk.js';
import { countByCql } from './cql-count.js';

export interface SettledListing {
  records: PageRecord[];
  fallbacks: string[];
  unreadable: UnreadableNode[];
}

/** Label of the current pages' listing in warning details, as the listing strategies write it. */
const CURRENT_LISTING = 'current pages';

/** Counts the space's current pages with CQL; undefined for a key that CQL cannot quote, or without a count. */
function countCurrentPages(context: StrategyContext, spaceKey: string): Promise<number | undefined> {
  return /["\\]/.test(spaceKey) ? Promise.resolve(undefined) : countByCql(context, `space = "${spaceKey}" and type = page`);
}

/** Returns whether a complete walk settles `warning`: a listing of current pages, or parents of pages the walk reached. */
function settles(warning: FetchWarning, reached: ReadonlySet<string>): boolean {
  const details = warning.details ?? {};
  if (warning.code === 'ancestors-missing' || warning.code === 'parent-uncertain' || warning.code === 'ancestors-inconsistent') {
    const ids = Array.isArray(details['ids']) ? (details['ids'] as string[]) : [];
    return ids.every((id) => reached.has(id));
  }
  return warning.code.startsWith('listing-') && (details['listing'] === undefined || details['listing'] === CURRENT_LISTING);
}

/**
 * Merges the walk into the listing. The walk's parents win, since each comes
 * from a child listing. Once the walk is confirmed, it contains every current
 * page, so current pages that only the listing had are stale and dropped.
 * Pages of other statuses are kept from the listing.
 */
function merge(listing: PageRecord[], walk: WalkOutcome, confirmed: boolean): PageRecord[] {
  const byId = new Map<string, PageRecord>();
  for (const record of listing) {
    if (!(confirmed && record.status === 'current')) {
      byId.set(record.id, record);
    }
  }
  for (const record of walk.records) {
    byId.set(record.id, record);
  }
  return [...byId.values()];
}

function reportWalkProblems(context: StrategyContext, walk: WalkOutcome, expected: number | undefined): void {
  if (!walk.complete) {
    context.warn({
      code: 'fallback-incomplete',
      message: `The fallback walk could not read every parent's children: ${walk.problems.slice(0, 3).join('; ')}${walk.problems.length > 3 ? `; and ${walk.problems.length - 3} more` : ''}.`,
      affectsCompleteness: true,
      details: { problems: walk.problems },
    });
    return;
  }
  const reached = walk.records.length;
  context.warn({
    code: 'fallback-unconfirmed',
    message:
      expected === undefined
        ? `The fallback walk reached ${reached} current pages, but a CQL search gave no count to confirm that this is all of them.`
        : `The fallback walk reached ${reached} current pages, but a CQL search counts ${expected}; pages below a parent that is not current, or pages changed during the crawl, are not in the walk.`,
    affectsCompleteness: true,
    details: { reached, expected: expected ?? null },
  });
}

/**
 * Reports the held listing warnings, first running the children walk when
 * any of them makes the tree incomplete. Returns the records to build the
 * tree from.
 */
export async function settleWithWalk(
  context: StrategyContext,
  spaceKey: string,
  records: PageRecord[],
  listingWarnings: HeldWarnings,
  base: string | undefined,
): Promise<SettledListing> {
  const doubts = listingWarnings.doubts();
  if (doubts.length === 0 || !context.statuses.includes('current')) {
    listingWarnings.warnings.forEach((warning) => context.warn(warning));
    return { records, fallbacks: [], unreadable: [] };
  }

  context.logger?.info(`The listing is not trustworthy (${[...new Set(doubts.map((doubt) => doubt.code))].join(', ')}), so the tree is read again from the top with child listings.`);
  const walk = await walkSpaceChildren(context, spaceKey, base);
  const expected = walk.complete ? await countCurrentPages(context, spaceKey) : undefined;
  const confirmed = walk.complete && expected === walk.records.length;
  const reached = new Set(walk.records.map((record) => record.id));

  for (const warning of listingWarnings.warnings) {
    context.warn(confirmed && warning.affectsCompleteness && settles(warning, reached) ? markRecovered(warning, walk.methods) : warning);
  }
  if (!confirmed) {
    reportWalkProblems(context, walk, expected);
  }
  return { records: merge(records, walk, confirmed), fallbacks: walk.methods, unreadable: walk.unreadable };
}
