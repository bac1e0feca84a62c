/**
 * The fallback listing for Cloud, used when the space's page listing stopped
 * early or failed: it reads the tree again from the top-level pages down with
 * `GET /{type}/{id}/descendants`, ten levels per listing, whose items carry
 * their `parentId`. A subtree whose descendants listing cannot be read to its
 * end is split: its direct children come from `direct-children`, and each
 * child's own descendants are listed in turn, which keeps each listing short.
 *
 * Unlike the page listing, these endpoints list folders, whiteboards,
 * databases and embeds too, so containers with no page below them appear.
 * Their items have no web links, so nodes that only the walk found have no URL.
 */
import { collectAll, isHttpStatusError } from '../../confluence/index.js';
import { normalizePosition } from '../../quirks/position-none.js';
import type { NodeType, PageRecord } from '../../tree/types.js';
import type { StrategyContext } from '../context.js';
import type { UnreadableNode } from '../types.js';
import { isContainerType } from './containers.js';

/** Levels per descendants listing: the endpoint's maximum (1-10). */
const LEVELS = 10;

/** Page size of the walk's listings, the v2 maximum. */
const LIMIT = 250;

const PATH_BY_TYPE: Record<NodeType, string> = {
  page: 'pages',
  folder: 'folders',
  whiteboard: 'whiteboards',
  database: 'databases',
  embed: 'embeds',
};

export interface NodeRef {
  id: string;
  type: NodeType;
}

interface WalkItem {
  id: string | number;
  status?: string;
  title?: string | null;
  type?: string;
  parentId?: string | number | null;
  depth?: number;
  /** Position among siblings: `childPosition` in children listings, `position` in the space's page listing. */
  childPosition?: number | null;
  position?: number | null;
}

export interface CloudWalkOutcome {
  /** Every node reached, of every status the endpoints list (current and archived). */
  records: PageRecord[];
  complete: boolean;
  methods: string[];
  unreadable: UnreadableNode[];
  problems: string[];
}

function typeOf(value: unknown): NodeType {
  return value === 'page' || isContainerType(value) ? value : 'page';
}

function toRecord(item: WalkItem, parentId: string | null): PageRecord {
  return {
    id: String(item.id),
    title: item.title ?? '',
    type: typeOf(item.type),
    parentId,
    position: normalizePosition(item.childPosition ?? item.position),
    status: item.status ?? 'current',
  };
}

/** Reads a listing to its end; `complete` is false when it repeated itself or stopped early. */
async function readListing(context: StrategyContext, path: string, query: Record<string, string | number>): Promise<{ items: WalkItem[]; complete: boolean }> {
  const listing = await collectAll(context.client.paginate<WalkItem>(path, query, { getId: (item) => String(item.id) }));
  return { items: listing.items, complete: listing.end.complete };
}

class CloudWalk {
  readonly records = new Map<string, PageRecord>();
  readonly methods = new Set<string>();
  readonly unreadable: UnreadableNode[] = [];
  readonly problems: string[] = [];
  frontier: NodeRef[] = [];

  constructor(readonly context: StrategyContext) {}

  add(record: PageRecord): boolean {
    if (this.records.has(record.id)) {
      return false;
    }
    this.records.set(record.id, record);
    return true;
  }

  /** Pages and containers whose read failed once and was queued again. */
  readonly retried = new Set<string>();

  /**
   * Records a failed read of `ref`. A failure other than 404 or 403 first
   * queues `ref` once more for the next wave. The client retries each request
   * itself, but a walk of many requests meets a run of failures that outlasts
   * those retries far more often than a short listing does.
   */
  fail(ref: NodeRef, error: unknown): void {
    const denied = isHttpStatusError(error) && (error.status === 404 || error.status === 403);
    if (!denied && !this.retried.has(ref.id)) {
      this.retried.add(ref.id);
      this.frontier.push(ref);
      return;
    }
    if (denied) {
      this.unreadable.push({ id: ref.id, title: this.records.get(ref.id)?.title ?? '', reason: `HTTP ${error.status} when its descendants were read` });
    }
    this.problems.push(`the descendants of ${ref.type} ${ref.id} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Lists the descendants of `ref`; nodes on the deepest level go back to the frontier. */
async function readSubtree(walk: CloudWalk, ref: NodeRef): Promise<void> {
  const path = `/api/v2/${PATH_BY_TYPE[ref.type]}/${encodeURIComponent(ref.id)}`;
  try {
    const listing = await readListing(walk.context, `${path}/descendants`, { depth: LEVELS, limit: LIMIT });
    if (listing.complete) {
      walk.methods.add('descendants');
      for (const item of listing.items) {
        const parentId = item.parentId === null || item.parentId === undefined ? ref.id : String(item.parentId);
        if (walk.add(toRecord(item, parentId)) && item.depth === LEVELS) {
          walk.frontier.push({ id: String(item.id), type: typeOf(item.type) });
        }
      }
      return;
    }
  } catch (error) {
    if (isHttpStatusError(error) && (error.status === 404 || error.status === 403)) {
      walk.fail(ref, error);
      return;
    }
  }
  await readChildren(walk, ref, path);
}

/** Lists only the direct children of `ref`, each of which is walked on its own. */
async function readChildren(walk: CloudWalk, ref: NodeRef, path: string): Promise<void> {
  try {
    const listing = await readListing(walk.context, `${path}/direct-children`, { limit: LIMIT });
    if (!listing.complete) {
      walk.problems.push(`the children of ${ref.type} ${ref.id} could not be listed: the listing repeated itself`);
    }
    walk.methods.add('direct-children');
    for (const item of listing.items) {
      if (walk.add(toRecord(item, ref.id))) {
        walk.frontier.push({ id: String(item.id), type: typeOf(item.type) });
      }
    }
  } catch (error) {
    walk.fail(ref, error);
  }
}

/**
 * Lists the space's top-level pages. A failed listing gets one more try,
 * since without the top level there is little to walk.
 */
async function readTopLevel(walk: CloudWalk, spaceId: string): Promise<WalkItem[]> {
  const path = `/api/v2/spaces/${encodeURIComponent(spaceId)}/pages`;
  const query = { depth: 'root', status: 'current,archived', limit: LIMIT };
  for (let attempt = 1; ; attempt++) {
    try {
      const roots = await readListing(walk.context, path, query);
      if (!roots.complete) {
        walk.problems.push(`the listing of the space's top-level pages repeated itself`);
      }
      return roots.items;
    } catch (error) {
      if (attempt === 2) {
        walk.problems.push(`the space's top-level pages could not be listed: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      }
    }
  }
}

/** Reads subtrees wave by wave until no node is left whose children are unknown. */
async function drain(walk: CloudWalk): Promise<CloudWalkOutcome> {
  while (walk.frontier.length > 0) {
    const wave = walk.frontier;
    walk.frontier = [];
    // The client's limiter bounds how many of these are in flight.
    await Promise.all(wave.map((ref) => readSubtree(walk, ref)));
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

function startFrom(walk: CloudWalk, tops: PageRecord[]): void {
  for (const top of tops) {
    if (walk.add(top)) {
      walk.frontier.push({ id: top.id, type: top.type });
    }
  }
}

/**
 * Walks the space with id `spaceId` from its top-level pages and the top-level
 * containers in `topContainers` (which the page listing cannot name) down.
 */
export async function walkCloudSpace(context: StrategyContext, spaceId: string, topContainers: PageRecord[]): Promise<CloudWalkOutcome> {
  const walk = new CloudWalk(context);
  startFrom(walk, topContainers);
  const roots = await readTopLevel(walk, spaceId);
  startFrom(
    walk,
    roots.map((root) => toRecord({ ...root, type: 'page' }, null)),
  );
  return drain(walk);
}

/** Walks the subtrees below `tops`, such as top-level containers found after the first walk. */
export function walkBelow(context: StrategyContext, tops: PageRecord[]): Promise<CloudWalkOutcome> {
  const walk = new CloudWalk(context);
  startFrom(walk, tops);
  return drain(walk);
}
