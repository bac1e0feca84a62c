import { UnexpectedResponseError } from '../../confluence/index.js';
import { normalizePosition } from '../../quirks/position-none.js';
import type { PageRecord } from '../../tree/types.js';
import type { StrategyContext } from '../context.js';
import type { StrategyOutput } from '../strategy.js';
import { joinWebUrl } from '../web-url.js';
import { searchContainers, settleContainers, type ContainerSearch } from './container-search.js';
import { isContainerType, readContainers, type ContainerRef } from './containers.js';
import type { V2Page, V2Space, V2SpaceList } from './wire.js';
import { InvalidOptionError, SpaceNotFoundError } from '../errors.js';
import { collectListing, type ListingOutcome } from '../listing.js';
import { usefulParallelism } from '../plan/cost-model.js';
import { collectMeetingStreams } from '../plan/meeting-streams.js';
import { HeldWarnings } from '../recovery.js';
import { settleCloudListing } from './fallback.js';

/** Cloud REST v2 serves at most 250 items per page of `spaces/{id}/pages`. */
export const CLOUD_V2_PAGE_LIMIT = 250;

/** Looks up a space by key with `GET /api/v2/spaces?keys=KEY`; undefined when no such space is visible. */
export async function findCloudSpace(context: StrategyContext): Promise<V2Space | undefined> {
  const response = await context.client.getJson<V2SpaceList>('/api/v2/spaces', { keys: context.spaceKey, limit: 1 });
  const results = Array.isArray(response.data?.results) ? response.data.results : undefined;
  if (results === undefined) {
    throw new UnexpectedResponseError({ method: 'GET', url: context.client.redactUrl(response.url), attempts: 1, expected: 'a "results" array of spaces' });
  }
  return results.find((space) => space.key === context.spaceKey) ?? results[0];
}

function toRecord(page: V2Page, base: string | undefined): PageRecord {
  const parentId = page.parentId === null || page.parentId === undefined ? null : String(page.parentId);
  const record: PageRecord = {
    id: String(page.id),
    title: page.title ?? '',
    type: 'page',
    parentId,
    position: normalizePosition(page.position),
    status: page.status ?? 'current',
  };
  const url = joinWebUrl(base, page._links?.webui);
  if (url !== undefined) {
    record.url = url;
  }
  return record;
}

/** Collects the containers that pages name as parents and that are not pages. */
function containerParents(pages: V2Page[]): ContainerRef[] {
  const refs = new Map<string, ContainerRef>();
  for (const page of pages) {
    if (page.parentId !== null && page.parentId !== undefined && isContainerType(page.parentType)) {
      refs.set(String(page.parentId), { id: String(page.parentId), type: page.parentType });
    }
  }
  return [...refs.values()];
}

/** Statuses that `spaces/{id}/pages` accepts as a filter; drafts cannot be listed there. */
const LISTABLE_STATUSES = ['current', 'archived', 'deleted', 'trashed'];

function rejectUnlistableStatuses(statuses: string[]): void {
  const unlistable = statuses.filter((status) => !LISTABLE_STATUSES.includes(status));
  if (unlistable.length > 0) {
    throw new InvalidOptionError(
      `Status "${unlistable.join(', ')}" cannot be listed on Confluence Cloud: REST v2 lists only ${LISTABLE_STATUSES.filter((status) => status !== 'deleted').join(', ')} pages, so leave it out of --include.`,
    );
  }
}

/** Removes items whose `spaceId` names another space, which a correct server never returns, and reports them. */
function dropForeignPages(context: StrategyContext, pages: V2Page[], spaceId: string): V2Page[] {
  const foreign = pages.filter((page) => page.spaceId !== undefined && String(page.spaceId) !== spaceId);
  if (foreign.length === 0) {
    return pages;
  }

  context.warn({
    code: 'foreign-space-pages',
    message: `The listing of space ${spaceId} returned ${foreign.length} pages of other spaces; they were left out, and the listing may be unreliable.`,
    affectsCompleteness: true,
    details: { ids: foreign.map((page) => String(page.id)) },
  });
  return pages.filter((page) => !foreign.includes(page));
}

/**
 * Lists the pages of a space at 250 per page: as one stream, or, when the cost
 * model expects overlapping requests to pay, as two streams from both ends of
 * the id order that stop where they meet.
 */
function listSpacePages(context: StrategyContext, spaceId: string, twoWay: boolean): Promise<ListingOutcome<V2Page>> {
  const path = `/api/v2/spaces/${encodeURIComponent(spaceId)}/pages`;
  const query = { depth: 'all', status: context.statuses.join(','), limit: CLOUD_V2_PAGE_LIMIT };
  const getId = (page: V2Page) => String(page.id);
  if (twoWay) {
    return collectMeetingStreams<V2Page>(context, path, query, CLOUD_V2_PAGE_LIMIT, getId, 'space pages');
  }
  return collectListing<V2Page>(context, path, query, getId, 'space pages');
}

/**
 * Warns about containers with no page below them that may be missing: any
 * of them when the search failed, and those of other statuses than current,
 * which the search cannot see.
 */
function warnOfUnlistedContainers(context: StrategyContext, search: ContainerSearch | undefined): void {
  if (search?.failure !== undefined) {
    context.warn({
      code: 'container-search-incomplete',
      message: `The search for folders, whiteboards, databases and embeds failed after ${search.rows.length} of them: ${search.failure}. Those with no page below them may be missing from the tree; fetch again to retry.`,
      affectsCompleteness: true,
      details: { received: search.rows.length },
    });
  }

  // NOTE: Cloud offers no listing of archived containers, so one with no page
  // below it is missing whenever archived content is requested.
  const others = context.statuses.filter((status) => status !== 'current');
  if (others.length > 0) {
    context.warn({
      code: 'cloud-pageless-containers-not-listed',
      message: `Cloud search returns only current content, so ${others.join(', ')} folders, whiteboards, databases and embeds with no page below them are not in the tree.`,
      affectsCompleteness: false,
      details: { statuses: others },
    });
  }
}

/**
 * Lists a Cloud space with REST v2: `spaces/{id}/pages?depth=all` at 250
 * items per page (see `listSpacePages`), and beside it a CQL search for the
 * space's folders, whiteboards, databases and embeds (`container-search.ts`).
 * Containers that the search did not settle are read by id. A listing that
 * stopped early or failed is read again with the descendants walk
 * (`fallback.ts`).
 */
export async function fetchCloudSpace(context: StrategyContext, known?: V2Space): Promise<StrategyOutput> {
  rejectUnlistableStatuses(context.statuses);
  const space = known ?? (await findCloudSpace(context));
  if (space === undefined) {
    throw new SpaceNotFoundError(context.spaceKey, context.client.site.baseUrl);
  }
  context.progress('space', 0);

  const spaceId = String(space.id);
  const twoWay = usefulParallelism(context.link) >= 2;
  // The search lists current content only, so it runs only when current pages are requested.
  const search = context.statuses.includes('current') ? searchContainers(context) : Promise.resolve(undefined);
  // Listing warnings are held back until the fallback has had a chance to settle them.
  const listingWarnings = new HeldWarnings();
  const listing = await listSpacePages({ ...context, warn: listingWarnings.warn }, spaceId, twoWay);

  const pages = dropForeignPages(context, listing.items, spaceId);
  const records = pages.map((page) => toRecord(page, listing.base));
  const searched = await search;
  const settled = searched === undefined ? undefined : settleContainers(searched.rows, records);
  const haveRecords = new Set([...records, ...(settled?.records ?? [])].map((record) => record.id));
  const toRead = [...(settled?.unsettled ?? []), ...(settled?.parentRefs ?? []), ...containerParents(pages)];
  const containers = await readContainers(context, toRead, haveRecords);
  const containerRecords = [...(settled?.records ?? []), ...containers.records];
  const recovered = await settleCloudListing(context, spaceId, [...records, ...containerRecords], listingWarnings);

  warnOfUnlistedContainers(context, searched);

  return {
    strategy: twoWay ? 'cloud-v2-space-pages-two-way' : 'cloud-v2-space-pages',
    space: {
      key: space.key,
      id: spaceId,
      name: space.name ?? space.key,
      homepageId: space.homepageId === null || space.homepageId === undefined ? null : String(space.homepageId),
      url: joinWebUrl(listing.base ?? space._links?.base, space._links?.webui),
    },
    records: recovered.records,
    fallbacks: recovered.fallbacks,
    unreadable: [...containers.unreadable, ...recovered.unreadable],
    explainedParents: containers.failed,
  };
}
