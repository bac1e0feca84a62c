/**
 * The fallback listing for Server and Data Center, used when the space
 * listing cannot be trusted: it stopped early, ignored the offset, or gave
 * pages without usable ancestors. It walks the tree from the top of the space
 * down, so every parent comes from a child listing rather than from ancestors.
 *
 * Three sources, cheapest first:
 * 1. chained expands, `children.page.children.page...` up to 8 levels per
 *    request (the chain limit: community.developer.atlassian.com t/45070);
 *    servers that allow fewer levels return fewer, and the walk goes on
 *    from wherever the response stops;
 * 2. `content/{id}/child/page` for a parent whose expanded children carried a
 *    `next` link, because an expansion holds only the first page (25 by default);
 * 3. the pagetree `naturalchildren.action` HTML for a parent whose child
 *    listing repeats itself (CONFSERVER-52558), because it has no pagination.
 *
 * The walk reaches current pages only, because expansions and child listings
 * contain no drafts, archived or trashed pages.
 */
import { collectAll, isHttpStatusError } from '../../confluence/index.js';
import { normalizePosition } from '../../quirks/position-none.js';
import { parsePagetreeChildren, type PagetreeChild } from '../../quirks/pagetree-html.js';
import type { PageRecord } from '../../tree/types.js';
import type { StrategyContext } from '../context.js';
import type { UnreadableNode } from '../types.js';
import { joinWebUrl } from '../web-url.js';
import type { V1Content } from './wire.js';

/** Levels asked for per request; the server may cut the chain shorter. */
const CHAIN_LEVELS = 8;

export const CHILDREN_CHAIN = Array.from({ length: CHAIN_LEVELS }, () => 'children.page').join('.');

/** Page size of child listings: the cap of listings with a non-body expand (Atlassian KB 1032258424). */
const CHILD_LISTING_LIMIT = 200;

/** A source the walk used, named in the fetch result. */
export type WalkMethod = 'children-expand' | 'child-listing' | 'pagetree-html';

export interface WalkOutcome {
  /** Current pages reached, each with the parent whose children listed it. */
  records: PageRecord[];
  /** True when the children of every page reached were read in full. */
  complete: boolean;
  methods: WalkMethod[];
  /** Pages that were listed as children but whose own children could not be read. */
  unreadable: UnreadableNode[];
  /** One sentence for each parent whose children could not be read in full. */
  problems: string[];
}

interface ExpandedChildren {
  results?: V1Content[];
  _links?: { next?: string };
}

export type ContentWithChildren = V1Content & { children?: { page?: ExpandedChildren } };

/** State of one walk: what was reached and what is still to be read. */
class Walk {
  readonly records = new Map<string, PageRecord>();
  readonly methods = new Set<WalkMethod>();
  readonly unreadable: UnreadableNode[] = [];
  readonly problems: string[] = [];
  /** Pages whose children were not in the expansion that listed them. */
  toExpand: string[] = [];
  /** Pages with more children than their expansion held. */
  toList: string[] = [];
  /** Pages whose read failed once and was queued again. */
  readonly retried = new Set<string>();

  constructor(
    readonly context: StrategyContext,
    readonly base: string | undefined,
  ) {}

  /**
   * Queues a failed read of `id` once more for the next wave, unless it
   * failed with 404 or 403 or was already retried. The client retries each
   * request itself, but a walk of many requests meets a run of failures that
   * outlasts those retries far more often than a short listing does. Returns
   * false when the failure is final.
   */
  retryLater(id: string, error: unknown, queue: string[]): boolean {
    const denied = isHttpStatusError(error) && (error.status === 404 || error.status === 403);
    if (denied || this.retried.has(id)) {
      return false;
    }
    this.retried.add(id);
    queue.push(id);
    return true;
  }

  /** Records `content` under `parentId`, then its expanded children, depth first. */
  visit(content: ContentWithChildren, parentId: string | null): void {
    const id = String(content.id);
    if (this.records.has(id)) {
      return;
    }
    this.records.set(id, this.toRecord(content, parentId));
    this.visitChildren(content);
  }

  /** Visits the expanded children of `content`, or queues the page when they were not expanded. */
  visitChildren(content: ContentWithChildren): void {
    const id = String(content.id);
    const page = content.children?.page;
    if (page === undefined || !Array.isArray(page.results)) {
      this.toExpand.push(id);
      return;
    }
    for (const child of page.results) {
      this.visit(child, id);
    }
    if (page._links?.next !== undefined) {
      this.toList.push(id);
    }
  }

  toRecord(content: V1Content, parentId: string | null): PageRecord {
    const record: PageRecord = {
      id: String(content.id),
      title: content.title ?? '',
      type: 'page',
      parentId,
      position: normalizePosition(content.extensions?.position),
      status: content.status ?? 'current',
    };
    const url = joinWebUrl(this.base, content._links?.webui);
    if (url !== undefined) {
      record.url = url;
    }
    return record;
  }
}

/** Reads a listing to its end; `complete` is false when it repeated itself or stopped early. */
async function readListing(context: StrategyContext, path: string, query: Record<string, string | number>): Promise<{ items: ContentWithChildren[]; complete: boolean }> {
  const listing = await collectAll(context.client.paginate<ContentWithChildren>(path, query, { getId: (item) => String(item.id) }));
  return { items: listing.items, complete: listing.end.complete };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads the children of `id` below the first chained levels, or queues a full listing. */
async function expand(walk: Walk, id: string): Promise<void> {
  try {
    const response = await walk.context.client.getJson<ContentWithChildren>(`/rest/api/content/${encodeURIComponent(id)}`, { expand: CHILDREN_CHAIN });
    walk.methods.add('children-expand');
    const page = response.data.children?.page;
    if (page === undefined || !Array.isArray(page.results)) {
      // The server ignored the expand; a child listing still works.
      walk.toList.push(id);
      return;
    }
    walk.visitChildren({ ...response.data, id });
  } catch (error) {
    if (!walk.retryLater(id, error, walk.toExpand)) {
      recordFailure(walk, id, error);
    }
  }
}

/** Lists every child of `id`, falling back to the pagetree HTML when the listing repeats itself. */
async function listChildren(walk: Walk, id: string): Promise<void> {
  try {
    const listing = await readListing(walk.context, `/rest/api/content/${encodeURIComponent(id)}/child/page`, { expand: CHILDREN_CHAIN, limit: CHILD_LISTING_LIMIT });
    walk.methods.add('child-listing');
    if (listing.complete) {
      for (const child of listing.items) {
        walk.visit(child, id);
      }
      return;
    }
  } catch (error) {
    if (isHttpStatusError(error) && (error.status === 404 || error.status === 403)) {
      recordFailure(walk, id, error);
      return;
    }
  }
  await readPagetree(walk, id);
}

/**
 * Reads the children of `id` from the pagetree HTML. Its order is the
 * display order, so each child's position becomes its index there, for
 * every child of this parent alike.
 */
async function readPagetree(walk: Walk, id: string): Promise<void> {
  let children: PagetreeChild[] | undefined;
  try {
    const response = await walk.context.client.getText('/plugins/pagetree/naturalchildren.action', {
      decorator: 'none',
      excerpt: 'false',
      sort: 'position',
      reverse: 'false',
      disableLinks: 'false',
      expandCurrent: 'true',
      hasRoot: 'true',
      pageId: id,
      treeId: '0',
      startDepth: '0',
      mobile: 'false',
      treePageId: id,
    });
    children = response.text.trim() === '' ? [] : parsePagetreeChildren(response.text);
  } catch (error) {
    if (!walk.retryLater(id, error, walk.toList)) {
      recordFailure(walk, id, error);
    }
    return;
  }
  if (children === undefined) {
    walk.problems.push(`the children of page ${id} could not be listed: its child listing repeated itself and the pagetree response contained no page list`);
    return;
  }

  walk.methods.add('pagetree-html');
  children.forEach((child, index) => {
    const known = walk.records.get(child.id);
    if (known !== undefined) {
      known.position = index;
      return;
    }
    const record: PageRecord = { id: child.id, title: child.title, type: 'page', parentId: id, position: index, status: 'current' };
    const url = joinWebUrl(walk.base, child.href);
    if (url !== undefined) {
      record.url = url;
    }
    walk.records.set(child.id, record);
    if (child.hasChildren) {
      walk.toExpand.push(child.id);
    }
  });
}

function recordFailure(walk: Walk, id: string, error: unknown): void {
  if (isHttpStatusError(error) && (error.status === 404 || error.status === 403)) {
    const record = walk.records.get(id);
    walk.unreadable.push({ id, title: record?.title ?? '', reason: `HTTP ${error.status} when its children were read` });
  }
  walk.problems.push(`the children of page ${id} could not be read: ${describeError(error)}`);
}

/**
 * Lists the space's top-level pages with their first levels expanded. A
 * failed listing gets one more try, since without the top level there is
 * nothing to walk.
 */
async function readTopLevel(walk: Walk, spaceKey: string): Promise<ContentWithChildren[]> {
  const path = `/rest/api/space/${encodeURIComponent(spaceKey)}/content/page`;
  const query = { depth: 'root', expand: CHILDREN_CHAIN, limit: CHILD_LISTING_LIMIT };
  for (let attempt = 1; ; attempt++) {
    try {
      const listing = await readListing(walk.context, path, query);
      walk.methods.add('children-expand');
      if (!listing.complete) {
        walk.problems.push(`the listing of the space's top-level pages repeated itself`);
      }
      return listing.items;
    } catch (error) {
      if (attempt === 2) {
        walk.problems.push(`the space's top-level pages could not be listed: ${describeError(error)}`);
        return [];
      }
    }
  }
}

/**
 * Walks the current pages of space `spaceKey` from its top-level pages down.
 * `base` is the base of web links, from an earlier listing when known.
 */
export async function walkSpaceChildren(context: StrategyContext, spaceKey: string, base: string | undefined): Promise<WalkOutcome> {
  const walk = new Walk(context, base);
  const roots = await readTopLevel(walk, spaceKey);
  for (const root of roots) {
    walk.visit(root, null);
  }
  return drain(walk);
}

/**
 * Walks the current pages below `root`, a page read with the chained
 * `children.page` expand (`CHILDREN_CHAIN`), which becomes a top-level record.
 */
export function walkBelowPage(context: StrategyContext, root: ContentWithChildren, base: string | undefined): Promise<WalkOutcome> {
  const walk = new Walk(context, base);
  walk.methods.add('children-expand');
  walk.visit(root, null);
  return drain(walk);
}

/** Reads wave by wave until no page is left whose children are unknown. */
async function drain(walk: Walk): Promise<WalkOutcome> {
  while (walk.toExpand.length > 0 || walk.toList.length > 0) {
    const toExpand = walk.toExpand;
    const toList = walk.toList;
    walk.toExpand = [];
    walk.toList = [];
    // The client's limiter bounds how many of these are in flight.
    await Promise.all([...toExpand.map((id) => expand(walk, id)), ...toList.map((id) => listChildren(walk, id))]);
    walk.context.progress('listing', walk.records.size);
  }

  return {
    records: [...walk.records.values()],
    complete: walk.problems.length === 0,
    methods: [...walk.methods],
    unreadable: walk.unreadable,
    problems: walk.problems,
  };
}
