/**
 * Fetches only the subtree below a root page or folder, for `rootId`: the
 * flavor's walk from that node costs requests in proportion to the subtree,
 * where the space listing costs them in proportion to the whole space. The
 * space's home page is the exception: its subtree is usually the whole
 * space, which the listing reads in fewer requests.
 */
import { isHttpStatusError } from '../confluence/index.js';
import { normalizePosition } from '../quirks/position-none.js';
import type { NodeType, PageRecord } from '../tree/types.js';
import { walkBelow, type CloudWalkOutcome } from './cloud/descendants-walk.js';
import type { V2Container } from './cloud/wire.js';
import type { StrategyContext } from './context.js';
import { CHILDREN_CHAIN, walkBelowPage, type ContentWithChildren, type WalkOutcome } from './datacenter/children-walk.js';
import { countByCql } from './datacenter/cql-count.js';
import type { Detection } from './detect.js';
import { RootNotFoundError } from './errors.js';
import type { StrategyOutput } from './strategy.js';
import type { SpaceInfo } from './types.js';
import { joinWebUrl } from './web-url.js';

/** Cloud paths of each node type, in the order the root is looked for: pages are the common case. */
const CLOUD_TYPES: readonly [NodeType, string][] = [
  ['page', 'pages'],
  ['folder', 'folders'],
  ['whiteboard', 'whiteboards'],
  ['database', 'databases'],
  ['embed', 'embeds'],
];

type CloudNode = V2Container & { spaceId?: string | number };

/**
 * Reads the Cloud node `rootId` of any type. A 404 for one type moves on to
 * the next, and undefined means that every type returned 404.
 */
async function readCloudRoot(context: StrategyContext, rootId: string, space: SpaceInfo): Promise<PageRecord | undefined> {
  for (const [type, path] of CLOUD_TYPES) {
    try {
      const response = await context.client.getJson<CloudNode>(`/api/v2/${path}/${encodeURIComponent(rootId)}`);
      const node = response.data;
      if (node.spaceId !== undefined && space.id !== undefined && String(node.spaceId) !== space.id) {
        throw new RootNotFoundError(rootId, space.key);
      }
      const record: PageRecord = { id: rootId, title: node.title ?? '', type, parentId: null, position: normalizePosition(node.position), status: node.status ?? 'current' };
      const url = joinWebUrl(node._links?.base, node._links?.webui);
      if (url !== undefined) {
        record.url = url;
      }
      return record;
    } catch (error) {
      if (!(isHttpStatusError(error) && error.status === 404)) {
        throw error;
      }
    }
  }
  return undefined;
}

/** Reads the Data Center page `rootId` with its first levels of children, or returns undefined on a 404. */
async function readDatacenterRoot(context: StrategyContext, rootId: string, space: SpaceInfo): Promise<{ root: ContentWithChildren; base: string | undefined } | undefined> {
  try {
    const response = await context.client.getJson<ContentWithChildren & { _links?: { base?: string } }>(`/rest/api/content/${encodeURIComponent(rootId)}`, {
      expand: `space,${CHILDREN_CHAIN}`,
    });
    const root = response.data;
    if (root.space?.key !== undefined && root.space.key !== space.key) {
      throw new RootNotFoundError(rootId, space.key);
    }
    return { root, base: root._links?.base };
  } catch (error) {
    if (isHttpStatusError(error) && error.status === 404) {
      return undefined;
    }
    throw error;
  }
}

function warnIncomplete(context: StrategyContext, walk: WalkOutcome | CloudWalkOutcome): void {
  if (walk.complete) {
    return;
  }
  context.warn({
    code: 'subtree-walk-incomplete',
    message: `The subtree could not be read in full: ${walk.problems.slice(0, 3).join('; ')}${walk.problems.length > 3 ? `; and ${walk.problems.length - 3} more` : ''}.`,
    affectsCompleteness: true,
    details: { problems: walk.problems },
  });
}

/**
 * Warns unless a CQL count of the current pages below the root equals the
 * pages the walk reached. The Data Center walk reaches current pages only,
 * so the count shows pages below a page of another status.
 */
async function confirmCount(context: StrategyContext, rootId: string, reached: number): Promise<void> {
  const expected = await countByCql(context, `ancestor = ${rootId} and type = page`);
  if (expected === reached) {
    return;
  }
  context.warn({
    code: 'subtree-count-mismatch',
    message:
      expected === undefined
        ? `The walk reached ${reached} pages below ${rootId}, but a CQL search gave no count to confirm that this is all of them.`
        : `The walk reached ${reached} pages below ${rootId}, but a CQL search counts ${expected}; pages below a page that is not current are not in the walk.`,
    affectsCompleteness: true,
    details: { reached, expected: expected ?? null },
  });
}

/** Returns the space as the result names it, from the space read during detection. */
export function spaceInfoOf(detection: Detection): SpaceInfo {
  const space = detection.space;
  const homepageId = detection.flavor === 'cloud' ? detection.space.homepageId : detection.space.homepage?.id;
  return {
    key: space.key,
    id: space.id === undefined ? undefined : String(space.id),
    name: space.name ?? space.key,
    homepageId: homepageId === null || homepageId === undefined ? null : String(homepageId),
    url: joinWebUrl(space._links?.base, space._links?.webui),
  };
}

/** Statuses that both walks list; a fetch of others needs the space listing. */
const WALKABLE_STATUSES = ['current', 'archived'];

/**
 * Returns whether the subtree below `rootId` is better read by a walk than
 * cut from the space listing: not for the home page, whose subtree is usually the
 * whole space, nor for statuses that the walks cannot list.
 */
export function prefersSubtreeWalk(context: StrategyContext, detection: Detection, rootId: string | null): rootId is string {
  const statuses = detection.flavor === 'cloud' ? WALKABLE_STATUSES : ['current'];
  return rootId !== null && rootId !== spaceInfoOf(detection).homepageId && context.statuses.every((status) => statuses.includes(status));
}

/**
 * Fetches the subtree below `rootId` of the detected space. Returns undefined
 * when reading the root returns 404, because the root may be missing or
 * listed but not readable by id, and only the space listing shows which.
 */
export async function fetchSubtree(context: StrategyContext, detection: Detection, rootId: string): Promise<StrategyOutput | undefined> {
  const space = spaceInfoOf(detection);
  context.progress('listing', 0);
  if (detection.flavor === 'cloud') {
    const root = await readCloudRoot(context, rootId, space);
    if (root === undefined) {
      return undefined;
    }
    const walk = await walkBelow(context, [root]);
    warnIncomplete(context, walk);
    const records = walk.records.filter((record) => record.id === rootId || context.statuses.includes(record.status));
    return { strategy: 'cloud-v2-descendants-subtree', space, records, unreadable: walk.unreadable };
  }

  const read = await readDatacenterRoot(context, rootId, space);
  if (read === undefined) {
    return undefined;
  }
  const walk = await walkBelowPage(context, read.root, read.base);
  warnIncomplete(context, walk);
  if (walk.complete) {
    await confirmCount(context, rootId, walk.records.length - 1);
  }
  return { strategy: 'datacenter-children-subtree', space, records: walk.records, unreadable: walk.unreadable };
}
