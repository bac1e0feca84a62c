/**
 * Lists a Cloud space's folders, whiteboards, databases and embeds with CQL
 * search, so that they cost one request per page of search results instead
 * of one read each.
 *
 * Why: Cloud REST v2 lists only pages per space, and no v2 endpoint lists a
 * space's folders (the request for one, CONFCLOUD-80566, is unresolved).
 * Cloud's CQL accepts these types. Probes of a live Cloud site recorded in
 * mozilla/markfluence (docs/plans, the `search` command) found `folder`,
 * `whiteboard`, `database` and `embed` valid, and an unknown type rejected
 * with 400 "Unsupported value for type". Its folder lookup reads folder rows
 * from search. Public connectors send `type IN (page, folder)` with
 * `expand=ancestors` to `content/search` for the same purpose. The search
 * also finds containers with no page below them, which no page listing
 * reaches. CQL search returns current content only.
 *
 * NOTE: no captured response shows whether a container's search row carries
 * `extensions.position`, or whether the ancestors of such a row are in order.
 * A row without a position, or whose parent its ancestors do not settle, is
 * read by id instead (`containers.ts`). So are containers that pages name but
 * the search missed, such as archived ones or any that the search index has
 * not caught up with.
 */
import type { ListingEnd, ListingPage } from '../../confluence/types.js';
import { normalizePosition } from '../../quirks/position-none.js';
import type { PageRecord } from '../../tree/types.js';
import type { StrategyContext } from '../context.js';
import type { V1Content } from '../datacenter/wire.js';
import { linksBase } from '../listing.js';
import { joinWebUrl } from '../web-url.js';
import { isContainerType, type ContainerRef } from './containers.js';

/** Page size requested; Cloud may serve fewer, and the search follows `next` links until they end. */
const SEARCH_LIMIT = 250;

/** One container as the search returned it, before its parent is settled. */
export interface ContainerRow {
  ref: ContainerRef;
  title: string;
  status: string;
  /** `extensions.position` as sent; undefined when the row has none. */
  position: unknown;
  /** Ancestors in the order sent, with their types. */
  ancestors: Array<{ id: string; type: string }>;
  url: string | undefined;
}

/** Quotes a CQL string value. */
function cqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function toRow(content: V1Content, base: string | undefined): ContainerRow | undefined {
  if (!isContainerType(content.type)) {
    return undefined;
  }
  const ancestors = (content.ancestors ?? []).map((ancestor) => ({ id: String(ancestor.id), type: String(ancestor.type ?? 'page') }));
  return {
    ref: { id: String(content.id), type: content.type },
    title: content.title ?? '',
    status: content.status ?? 'current',
    position: content.extensions?.position,
    ancestors,
    url: joinWebUrl(base, content._links?.webui),
  };
}

/** Rows of the container search, and why it stopped early when it did. */
export interface ContainerSearch {
  rows: ContainerRow[];
  /** Undefined when the search reached its end; otherwise what stopped it. Rows received before are kept. */
  failure: string | undefined;
}

/**
 * Searches the space for current folders, whiteboards, databases and embeds
 * with their ancestors, following `next` links to the end. A failed request
 * or an early end keeps the rows received so far and names the reason.
 */
export async function searchContainers(context: StrategyContext): Promise<ContainerSearch> {
  const cql = `space = ${cqlString(context.spaceKey)} and type in (folder, whiteboard, database, embed)`;
  const listing = context.client.paginate<V1Content>(
    '/rest/api/content/search',
    { cql, expand: 'ancestors', limit: SEARCH_LIMIT },
    { getId: (content) => String(content.id) },
  );

  const rows: ContainerRow[] = [];
  let base: string | undefined;
  try {
    for (;;) {
      const step: IteratorResult<ListingPage<V1Content>, ListingEnd> = await listing.next();
      if (step.done === true) {
        return { rows, failure: step.value.complete ? undefined : `it stopped early (${step.value.reason} at ${step.value.url})` };
      }

      base ??= linksBase(step.value.body);
      for (const content of step.value.items) {
        const row = toRow(content, base);
        if (row !== undefined) {
          rows.push(row);
        }
      }
    }
  } catch (error) {
    return { rows, failure: error instanceof Error ? error.message : String(error) };
  }
}

/** Settled containers, and those that need a read by id. */
export interface SettledContainers {
  records: PageRecord[];
  /** Containers whose position or parent the search did not settle. */
  unsettled: ContainerRef[];
  /** Parents of settled records that are containers themselves, which the caller reads if the search missed them. */
  parentRefs: ContainerRef[];
}

/**
 * Returns a function that computes the depth of a node, the number of its
 * ancestors. Depths of search rows are given, and a page's depth follows from
 * its parent's in `parents`. The function returns undefined for a node whose
 * chain ends at an unknown parent or runs in a cycle.
 */
function depthFinder(parents: Map<string, string | null>, rowDepths: Map<string, number>): (id: string) => number | undefined {
  const depths = new Map<string, number | undefined>(rowDepths);
  return (start) => {
    const chain: string[] = [];
    const onChain = new Set<string>();
    let id: string | null = start;
    let depth: number | undefined;

    while (id !== null) {
      if (depths.has(id)) {
        depth = depths.get(id);
        break;
      }
      if (!parents.has(id) || onChain.has(id)) {
        depth = undefined;
        break;
      }
      chain.push(id);
      onChain.add(id);
      id = parents.get(id) ?? null;
      if (id === null) {
        depth = -1;
      }
    }

    // Assign depths from the top of the chain down.
    for (let index = chain.length - 1; index >= 0; index -= 1) {
      depth = depth === undefined ? undefined : depth + 1;
      depths.set(chain[index] as string, depth);
    }
    return depths.get(start);
  };
}

/**
 * Settles the parent of each searched container without trusting the order
 * of its ancestors: the parent is the one ancestor whose own depth is one
 * less than the container's, with page depths taken from `pages`.
 */
export function settleContainers(rows: readonly ContainerRow[], pages: readonly PageRecord[]): SettledContainers {
  const parents = new Map<string, string | null>(pages.map((page) => [page.id, page.parentId]));
  const rowDepths = new Map<string, number>();
  for (const row of rows) {
    rowDepths.set(row.ref.id, new Set(row.ancestors.map((ancestor) => ancestor.id)).size);
  }
  const depthOf = depthFinder(parents, rowDepths);

  const records: PageRecord[] = [];
  const unsettled: ContainerRef[] = [];
  const parentRefs: ContainerRef[] = [];
  for (const row of rows) {
    const parentId = settleParent(row, depthOf);
    if (parentId === undefined || row.position === undefined) {
      unsettled.push(row.ref);
      continue;
    }

    const position = normalizePosition(row.position);
    const record: PageRecord = { id: row.ref.id, title: row.title, type: row.ref.type, parentId, position, status: row.status };
    if (row.url !== undefined) {
      record.url = row.url;
    }
    records.push(record);

    const parentType = row.ancestors.find((ancestor) => ancestor.id === parentId)?.type;
    if (parentId !== null && isContainerType(parentType)) {
      parentRefs.push({ id: parentId, type: parentType });
    }
  }
  return { records, unsettled, parentRefs };
}

/** Returns the parent id of `row` (null at the top of the space), or undefined when its ancestors do not settle it. */
function settleParent(row: ContainerRow, depthOf: (id: string) => number | undefined): string | null | undefined {
  const distinct = [...new Set(row.ancestors.map((ancestor) => ancestor.id))].filter((id) => id !== row.ref.id);
  if (distinct.length === 0) {
    return null;
  }
  if (distinct.length === 1) {
    return distinct[0];
  }

  const parentDepth = distinct.length - 1;
  const candidates = distinct.filter((id) => depthOf(id) === parentDepth);
  return candidates.length === 1 ? candidates[0] : undefined;
}
