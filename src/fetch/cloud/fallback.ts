/**
 * Settles doubts about a Cloud page listing with the descendants walk. When
 * the listing stopped early or failed, the walk reads the tree again from the
 * top. Cloud reports no totals, so the walk counts as confirmed when it read
 * every subtree to its end and reached every page that the listing returned.
 */
import type { PageRecord } from '../../tree/types.js';
import type { StrategyContext } from '../context.js';
import { markRecovered, type HeldWarnings } from '../recovery.js';
import type { FetchWarning, UnreadableNode } from '../types.js';
import { walkCloudSpace, type CloudWalkOutcome } from './descendants-walk.js';

export interface SettledCloudListing {
  records: PageRecord[];
  fallbacks: string[];
  unreadable: UnreadableNode[];
}

/** Label of the page listing in warning details, as `listSpacePages` writes it. */
const SPACE_PAGES = 'space pages';

/** Statuses that the walk's endpoints list; a fetch of other statuses cannot use it. */
const WALKABLE = ['current', 'archived'];

function settles(warning: FetchWarning): boolean {
  return warning.code.startsWith('listing-') && warning.details?.['listing'] === SPACE_PAGES;
}

/** Merges the walk into the listing: the walk's nodes of the requested statuses, and the listing's URLs. */
function merge(listing: PageRecord[], walk: CloudWalkOutcome, statuses: string[]): PageRecord[] {
  const byId = new Map(listing.map((record) => [record.id, record]));
  for (const record of walk.records) {
    if (!statuses.includes(record.status)) {
      continue;
    }
    const listed = byId.get(record.id);
    const url = listed?.url;
    byId.set(record.id, url === undefined ? record : { ...record, url });
  }
  return [...byId.values()];
}

function reportUnconfirmed(context: StrategyContext, walk: CloudWalkOutcome, missed: string[]): void {
  const problems = [...walk.problems];
  if (missed.length > 0) {
    problems.push(`${missed.length} pages of the listing are not below the space's top-level pages`);
  }
  context.warn({
    code: walk.complete ? 'fallback-unconfirmed' : 'fallback-incomplete',
    message: `The fallback walk could not settle the listing: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? `; and ${problems.length - 3} more` : ''}.`,
    affectsCompleteness: true,
    details: { problems, missed },
  });
}

/**
 * Reports the held listing warnings, first running the descendants walk when
 * any of them makes the tree incomplete. `containers` are the containers read
 * for the listing; the top-level ones start walks of their own.
 */
export async function settleCloudListing(
  context: StrategyContext,
  spaceId: string,
  records: PageRecord[],
  held: HeldWarnings,
): Promise<SettledCloudListing> {
  const doubts = held.doubts().filter(settles);
  if (doubts.length === 0 || !context.statuses.every((status) => WALKABLE.includes(status))) {
    held.held.forEach((warning) => context.warn(warning));
    return { records, fallbacks: [], unreadable: [] };
  }

  context.logger?.info(`The page listing is not trustworthy (${[...new Set(doubts.map((doubt) => doubt.code))].join(', ')}), so the tree is read again from the top with descendants listings.`);
  const topContainers = records.filter((record) => record.type !== 'page' && record.parentId === null);
  const walk = await walkCloudSpace(context, spaceId, topContainers);
  const reached = new Set(walk.records.map((record) => record.id));
  const missed = records.filter((record) => record.type === 'page' && !reached.has(record.id)).map((record) => record.id);
  const confirmed = walk.complete && missed.length === 0;

  for (const warning of held.held) {
    context.warn(confirmed && warning.affectsCompleteness && settles(warning) ? markRecovered(warning, walk.methods) : warning);
  }
  if (!confirmed) {
    reportUnconfirmed(context, walk, missed);
  }
  return { records: merge(records, walk, context.statuses), fallbacks: walk.methods, unreadable: walk.unreadable };
}
