/**
 * The second source for parents that never arrived in a listing: one read of
 * the parent by id explains why it is missing. The listing may have lost it:
 * then it is a current page of this space, and it is added. It may be left
 * out on purpose: archived, draft or trashed, or in another space. Or the
 * user may not read it (404 or 403). The reads are few, because a missing
 * parent is rare, and `MAX_PARENT_READS` bounds them.
 */
import { isHttpStatusError } from '../../confluence/index.js';
import { normalizePosition } from '../../quirks/position-none.js';
import type { PageRecord } from '../../tree/types.js';
import { isContainerType, type ContainerRef } from '../cloud/containers.js';
import type { V2Page } from '../cloud/wire.js';
import type { StrategyContext } from '../context.js';
import type { V1Content } from '../datacenter/wire.js';
import type { Flavor, SpaceInfo } from '../types.js';
import { joinWebUrl } from '../web-url.js';

/** Parent reads per fetch; parents beyond this keep their warning unexplained. */
export const MAX_PARENT_READS = 20;

export type ParentFinding =
  /**
   * A current page of this space that the listing lost. `record` links it to
   * its own parent, and `container` names that parent when it is a folder or
   * another container, because page endpoints cannot read those.
   */
  | { kind: 'lost'; record: PageRecord; container?: ContainerRef }
  /** A page that exists but is not listed: another status, or another space. */
  | { kind: 'not-listed'; explanation: string }
  | { kind: 'unreadable'; httpStatus: number }
  | { kind: 'failed'; message: string };

type V1ContentWithSpace = V1Content & { space?: { key?: string } };

/** Reads the parent through REST v1: any status, with its ancestors and space. */
async function readDatacenterParent(context: StrategyContext, id: string, space: SpaceInfo, parentIn: (ids: string[]) => string | null): Promise<ParentFinding> {
  const response = await context.client.getJson<V1ContentWithSpace>(`/rest/api/content/${encodeURIComponent(id)}`, { status: 'any', expand: 'ancestors,space' });
  const content = response.data;
  const status = content.status ?? 'current';
  const spaceKey = content.space?.key;
  if (spaceKey !== undefined && spaceKey !== space.key) {
    return { kind: 'not-listed', explanation: `it belongs to space ${spaceKey}` };
  }
  if (status !== 'current' || (content.type !== undefined && content.type !== 'page')) {
    return { kind: 'not-listed', explanation: `it is ${status === 'current' ? `a ${content.type}` : status}` };
  }
  const ancestors = (content.ancestors ?? []).map((ancestor) => String(ancestor.id));
  const record: PageRecord = {
    id,
    title: content.title ?? '',
    type: 'page',
    parentId: ancestors.length === 0 ? null : parentIn(ancestors),
    position: normalizePosition(content.extensions?.position),
    status,
  };
  const url = joinWebUrl(content._links?.base, content._links?.webui);
  if (url !== undefined) {
    record.url = url;
  }
  return { kind: 'lost', record };
}

/** Reads the parent through Cloud REST v2 `pages/{id}`, any status. */
async function readCloudParent(context: StrategyContext, id: string, space: SpaceInfo): Promise<ParentFinding> {
  const response = await context.client.getJson<V2Page & { _links?: { base?: string; webui?: string } }>(`/api/v2/pages/${encodeURIComponent(id)}`, {
    status: 'current,archived,trashed,draft',
  });
  const page = response.data;
  const status = page.status ?? 'current';
  if (page.spaceId !== undefined && space.id !== undefined && String(page.spaceId) !== space.id) {
    return { kind: 'not-listed', explanation: `it belongs to the space with id ${String(page.spaceId)}` };
  }
  if (status !== 'current') {
    return { kind: 'not-listed', explanation: `it is ${status}` };
  }
  const record: PageRecord = {
    id,
    title: page.title ?? '',
    type: 'page',
    parentId: page.parentId === null || page.parentId === undefined ? null : String(page.parentId),
    position: normalizePosition(page.position),
    status,
  };
  const url = joinWebUrl(page._links?.base, page._links?.webui);
  if (url !== undefined) {
    record.url = url;
  }
  const parentType = page.parentType;
  return record.parentId !== null && isContainerType(parentType) ? { kind: 'lost', record, container: { id: record.parentId, type: parentType } } : { kind: 'lost', record };
}

/**
 * Reads one missing parent. `parentIn` picks a page's parent from its
 * ancestor ids, using the depths already in the tree.
 */
export async function readMissingParent(
  context: StrategyContext,
  flavor: Flavor,
  id: string,
  space: SpaceInfo,
  parentIn: (ancestorIds: string[]) => string | null,
): Promise<ParentFinding> {
  try {
    return flavor === 'cloud' ? await readCloudParent(context, id, space) : await readDatacenterParent(context, id, space, parentIn);
  } catch (error) {
    if (isHttpStatusError(error) && (error.status === 404 || error.status === 403)) {
      return { kind: 'unreadable', httpStatus: error.status };
    }
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
