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
import { isContainerType, readContainers, type ContainerRef } from './containers.js';
import { walkBelow, walkCloudSpace, type CloudWalkOutcome } from './descendants-walk.js';

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

/** Ancestor reads per walk, when looking for top-level containers. */
const MAX_ANCESTOR_READS = 20;

function missedPages(records: PageRecord[], walk: CloudWalkOutcome): string[] {
  const reached = new Set(walk.records.map((record) => record.id));
  return records.filter((record) => record.type === 'page' && !reached.has(record.id)).map((record) => record.id);
}

function joinOutcomes(first: CloudWalkOutcome, second: CloudWalkOutcome): CloudWalkOutcome {
  return {
    records: [...first.records, ...second.records],
    complete: first.complete && second.complete,
    methods: [...new Set([...first.methods, ...second.methods])],
    unreadable: [...first.unreadable, ...second.unreadable],
    problems: [...first.problems, ...second.problems],
  };
}

/** Reads the top of the ancestors of page `id` (`GET /pages/{id}/ancestors`, top first); undefined when it is not a container. */
async function topContainerOf(context: StrategyContext, id: string): Promise<ContainerRef | undefined> {
  try {
    const response = await context.client.getJson<{ results?: Array<{ id?: unknown; type?: unknown }> }>(`/api/v2/pages/${encodeURIComponent(id)}/ancestors`, { limit: 250 });
    const top = response.data.results?.[0];
    return top !== undefined && top.id !== undefined && isContainerType(top.type) ? { id: String(top.id), type: top.type } : undefined;
  } catch {
    // A page whose ancestors cannot be read stays missed and keeps the result unconfirmed.
    return undefined;
  }
}

/**
 * Extends the walk to listed pages out of its reach. They sit below a
 * top-level container that no listed page names as its parent, and their
 * ancestors name it. Each round reads the ancestors of one missed page, then
 * walks below the container found, at most `MAX_ANCESTOR_READS` rounds.
 */
async function reachMissedPages(context: StrategyContext, records: PageRecord[], first: CloudWalkOutcome): Promise<CloudWalkOutcome> {
  let walk = first;
  const tried = new Set<string>();
  for (let round = 0; round < MAX_ANCESTOR_READS; round++) {
    const next = missedPages(records, walk).find((id) => !tried.has(id));
    if (next === undefined) {
      break;
    }
    tried.add(next);
    const reached = new Set(walk.records.map((record) => record.id));
    const ref = await topContainerOf(context, next);
    if (ref === undefined || reached.has(ref.id)) {
      continue;
    }
    const tops = (await readContainers(context, [ref], reached)).records.filter((record) => record.id === ref.id);
    walk = joinOutcomes(walk, await walkBelow(context, tops));
  }
  return walk;
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
  listingWarnings: HeldWarnings,
): Promise<SettledCloudListing> {
  const doubts = listingWarnings.doubts().filter(settles);
  if (doubts.length === 0 || !context.statuses.every((status) => WALKABLE.includes(status))) {
    listingWarnings.warnings.forEach((warning) => context.warn(warning));
    return { records, fallbacks: [], unreadable: [] };
  }

  context.logger?.info(`The page listing is not trustworthy (${[...new Set(doubts.map((doubt) => doubt.code))].join(', ')}), so the tree is read again from the top with descendants listings.`);
  const topContainers = records.filter((record) => record.type !== 'page' && record.parentId === null);
  const walk = await reachMissedPages(context, records, await walkCloudSpace(context, spaceId, topContainers));
  const missed = missedPages(records, walk);
  const reached = new Set(walk.records.map((record) => record.id));
  const confirmed = walk.complete && missed.length === 0;

  for (const warning of listingWarnings.warnings) {
    context.warn(confirmed && warning.affectsCompleteness && settles(warning) ? markRecovered(warning, walk.methods) : warning);
  }
  if (!confirmed) {
    reportUnconfirmed(context, walk, missed);
  }
  return { records: merge(records, walk, context.statuses), fallbacks: walk.methods, unreadable: walk.unreadable };
}
