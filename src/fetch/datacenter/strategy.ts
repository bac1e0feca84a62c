import { isHttpStatusError, UnexpectedResponseError } from '../../confluence/index.js';
import { resolveParents, type AncestorInput } from '../../quirks/ancestor-order.js';
import { normalizePosition } from '../../quirks/position-none.js';
import type { PageRecord } from '../../tree/types.js';
import type { StrategyContext } from '../context.js';
import { FlavorDetectionError, SpaceNotFoundError } from '../errors.js';
import { collectListing, type ListingOutcome } from '../listing.js';
import { HeldWarnings } from '../recovery.js';
import { usefulParallelism } from '../plan/cost-model.js';
import { collectOffsetFanout } from '../plan/offset-fanout.js';
import type { StrategyOutput } from '../strategy.js';
import { joinWebUrl } from '../web-url.js';
import { findInconsistentChains } from './chain-check.js';
import { settleWithWalk } from './fallback.js';
import type { V1Content, V1Space } from './wire.js';

/**
 * The documented cap of `GET /rest/api/content` and `content/search` with a
 * non-body expand such as `ancestors` (Atlassian KB 1032258424: 50 with a body
 * expand, 200 with other expands, 1000 with none). Asking for more is
 * silently cut to this, so the strategy requests exactly this and follows
 * `next` links rather than counting on full pages.
 */
export const DATACENTER_ANCESTORS_PAGE_LIMIT = 200;

/** Reads a space with `GET /rest/api/space/KEY?expand=homepage`; undefined when Confluence reports it missing. */
export async function findDatacenterSpace(context: StrategyContext): Promise<V1Space | undefined> {
  try {
    const response = await context.client.getJson<V1Space>(`/rest/api/space/${encodeURIComponent(context.spaceKey)}`, { expand: 'homepage' });
    if (typeof response.data?.key !== 'string') {
      throw new UnexpectedResponseError({ method: 'GET', url: context.client.redactUrl(response.url), attempts: 1, expected: 'a space "key"' });
    }
    return response.data;
  } catch (error) {
    // Confluence explains a missing space in a JSON error body; a bare 404
    // means the URL does not lead to the REST API at all.
    if (isHttpStatusError(error) && error.status === 404 && error.serverMessage !== undefined) {
      return undefined;
    }
    if (isHttpStatusError(error) && error.status === 404) {
      throw new FlavorDetectionError(context.client.site.baseUrl, `GET ${error.url} returned 404 without a Confluence error body`);
    }
    throw error;
  }
}

function ancestorIds(content: V1Content): string[] | undefined {
  return Array.isArray(content.ancestors) ? content.ancestors.map((ancestor) => String(ancestor.id)) : undefined;
}

/** Counts pages whose `ancestors` array was not a clean top-down chain. */
function countDisorderedAncestors(inputs: AncestorInput[], depthOf: Map<string, number>): number {
  let disordered = 0;
  for (const input of inputs) {
    const ids = input.ancestorIds ?? [];
    const distinct = new Set(ids);
    const inDepthOrder = ids.every((id, index) => depthOf.get(id) === undefined || depthOf.get(id) === index);
    if (distinct.size !== ids.length || !inDepthOrder) {
      disordered += 1;
    }
  }
  return disordered;
}

function toRecords(context: StrategyContext, contents: V1Content[], base: string | undefined): PageRecord[] {
  const inputs: AncestorInput[] = contents.map((content) => ({ id: String(content.id), ancestorIds: ancestorIds(content) }));
  const resolutions = resolveParents(inputs);
  const depthOf = new Map(inputs.map((input) => [input.id, new Set(input.ancestorIds ?? []).size]));

  const unknown: string[] = [];
  const uncertain: string[] = [];
  const records = contents.map((content): PageRecord => {
    const id = String(content.id);
    const resolution = resolutions.get(id) ?? { kind: 'unknown' };
    let parentId: string | null = null;
    if (resolution.kind === 'parent') {
      parentId = resolution.parentId;
      if (!resolution.certain) {
        uncertain.push(id);
      }
    } else if (resolution.kind === 'unknown') {
      parentId = UNKNOWN_PARENT;
      unknown.push(id);
    }

    const record: PageRecord = {
      id,
      title: content.title ?? '',
      type: 'page',
      parentId,
      position: normalizePosition(content.extensions?.position),
      status: content.status ?? 'current',
    };
    const url = joinWebUrl(base, content._links?.webui);
    if (url !== undefined) {
      record.url = url;
    }
    return record;
  });

  reportParentProblems(context, unknown, uncertain, countDisorderedAncestors(inputs, depthOf));
  reportInconsistentChains(context, findInconsistentChains(inputs, resolutions));
  return records;
}

/** Parent id given to pages whose ancestors were not returned. */
export const UNKNOWN_PARENT = 'unknown';

function reportParentProblems(context: StrategyContext, unknown: string[], uncertain: string[], disordered: number): void {
  if (unknown.length > 0) {
    context.warn({
      code: 'ancestors-missing',
      message: `${unknown.length} pages came without their ancestors, so their place in the tree is unknown.`,
      affectsCompleteness: true,
      details: { ids: unknown },
    });
  }
  if (uncertain.length > 0) {
    context.warn({
      code: 'parent-uncertain',
      message: `${uncertain.length} pages have ancestors whose depths disagree; their parent was taken from the array order and may be wrong.`,
      affectsCompleteness: true,
      details: { ids: uncertain },
    });
  }
  if (disordered > 0) {
    context.warn({
      code: 'ancestors-disordered',
      message: `${disordered} pages had their ancestors out of order or repeated; their parents were derived from ancestor depths.`,
      affectsCompleteness: false,
      details: { pages: disordered },
    });
  }
}

function reportInconsistentChains(context: StrategyContext, ids: string[]): void {
  if (ids.length === 0) {
    return;
  }
  context.warn({
    code: 'ancestors-inconsistent',
    message: `${ids.length} pages have ancestors that disagree with their parent's own ancestors: the space changed while it was listed, or the server's ancestor data is corrupt.`,
    affectsCompleteness: true,
    details: { ids },
  });
}

/** Lists the pages of one status with `GET /rest/api/content`, in id order, following `next` links. */
function listPages(context: StrategyContext, spaceKey: string, status: string): Promise<ListingOutcome<V1Content>> {
  return collectListing<V1Content>(
    context,
    '/rest/api/content',
    { spaceKey, type: 'page', status, expand: 'ancestors', limit: DATACENTER_ANCESTORS_PAGE_LIMIT },
    (content) => String(content.id),
    `${status} pages`,
  );
}

/**
 * Lists the current pages with CQL `content/search`, whose first page reports
 * `totalSize`, so the other pages are read in parallel. Search orders by
 * relevance unless the CQL has ORDER BY, so the query orders by creation time
 * to keep the pages of one result fixed while they are read in parallel.
 * NOTE: pages created in the same millisecond may still swap places; a shift
 * shows up as fewer items than `totalSize` and makes the result incomplete.
 */
function searchCurrentPages(context: StrategyContext, spaceKey: string, parallelism: number): Promise<ListingOutcome<V1Content> | undefined> {
  return collectOffsetFanout<V1Content>(
    context,
    '/rest/api/content/search',
    { cql: `space = "${spaceKey}" and type = page order by created`, expand: 'ancestors' },
    DATACENTER_ANCESTORS_PAGE_LIMIT,
    parallelism,
    (content) => String(content.id),
    'current pages',
  );
}

function strategyName(searched: boolean, parallelism: number): string {
  if (!searched) {
    return 'datacenter-content-ancestors';
  }
  return parallelism >= 2 ? 'datacenter-search-parallel' : 'datacenter-search';
}

/**
 * Lists a Server/Data Center space, one listing per requested status, and
 * derives each parent from ancestor depths. Current pages come from CQL
 * `content/search`, read in parallel when the cost model expects that to pay:
 * its `totalSize` shows pages lost to offsets that shifted while the listing
 * ran, as when a page is deleted. Other statuses, and spaces whose key CQL
 * cannot quote, use `GET /rest/api/content?spaceKey=KEY&type=page
 * &expand=ancestors`. Doubts about the listing are settled by the children
 * walk (`fallback.ts`). It never calls `descendant/page`, which Server and
 * Data Center reject with 501 (CONFSERVER-59013).
 */
export async function fetchDatacenterSpace(context: StrategyContext, known?: V1Space): Promise<StrategyOutput> {
  const space = known ?? (await findDatacenterSpace(context));
  if (space === undefined) {
    throw new SpaceNotFoundError(context.spaceKey, context.client.site.baseUrl);
  }
  context.progress('space', 0);

  // Listing warnings are held back until the fallback has had a chance to settle them.
  const listingWarnings = new HeldWarnings();
  const listingContext: StrategyContext = { ...context, warn: listingWarnings.warn };
  const parallelism = usefulParallelism(context.link);
  const contents: V1Content[] = [];
  let base: string | undefined;
  let searched = false;
  for (const status of context.statuses) {
    // A key with a quote or backslash would need CQL escaping, so it keeps the plain listing.
    const canSearch = status === 'current' && !/["\\]/.test(space.key);
    const found = canSearch ? await searchCurrentPages(listingContext, space.key, parallelism) : undefined;
    const listing = found ?? (await listPages(listingContext, space.key, status));
    searched ||= found !== undefined;
    base ??= listing.base;
    contents.push(...listing.items.filter((content) => content.type === undefined || content.type === 'page'));
  }
  base ??= space._links?.base;
  const listed = toRecords(listingContext, contents, base);
  const settled = await settleWithWalk(context, space.key, listed, listingWarnings, base);

  const homepageId = space.homepage?.id === undefined ? null : String(space.homepage.id);
  return {
    strategy: strategyName(searched, parallelism),
    space: {
      key: space.key,
      id: space.id === undefined ? undefined : String(space.id),
      name: space.name ?? space.key,
      homepageId,
      url: joinWebUrl(base, space._links?.webui),
    },
    records: settled.records,
    fallbacks: settled.fallbacks,
    unreadable: settled.unreadable,
  };
}
