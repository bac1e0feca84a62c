/**
 * Cloud REST v2 response shapes, with the field names and types of the
 * published v2 OpenAPI document (Feb 2025): SpaceBulk, PageBulk, ChildPage,
 * FolderSingle, WhiteboardSingle, DatabaseSingle and SmartLinkSingle (embeds),
 * plus the later `direct-children` and `descendants` items.
 */
import { cloudEditui, cloudWebui, tinyui } from '../../http/links.js';
import type { StoredNode, StoredSpace } from '../../store/space-store.js';

const SPACE_AUTHOR_ID = '557058:3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

function version(node: StoredNode) {
  return {
    createdAt: isoTime(node.modifiedMs),
    message: '',
    number: node.versionNumber,
    minorEdit: false,
    authorId: node.authorId,
  };
}

/**
 * `parentId` and `parentType`, omitted at the top level of a space: the v2
 * document (Feb 2025) declares both as non-nullable strings.
 */
function parentFields(node: StoredNode): { parentId?: string; parentType?: string } {
  return node.parent === null ? {} : { parentId: node.parent.id, parentType: node.parent.type };
}

export function spaceBulk(space: StoredSpace) {
  return {
    id: space.id,
    key: space.key,
    name: space.name,
    type: 'global',
    status: 'current',
    authorId: SPACE_AUTHOR_ID,
    createdAt: isoTime(space.createdMs),
    homepageId: space.homepageId,
    _links: { webui: `/spaces/${space.key}` },
  };
}

/** PageBulk without `body`, which is only sent when `body-format` is requested. */
export function pageBulk(node: StoredNode) {
  return {
    id: node.id,
    status: node.status,
    title: node.title,
    spaceId: node.space.id,
    ...parentFields(node),
    position: node.position,
    authorId: node.authorId,
    ownerId: node.authorId,
    lastOwnerId: null,
    createdAt: isoTime(node.createdMs),
    version: version(node),
    _links: { webui: cloudWebui(node), editui: cloudEditui(node), tinyui: tinyui(node.id) },
  };
}

export function childPage(node: StoredNode) {
  return {
    id: node.id,
    status: node.status,
    title: node.title,
    spaceId: node.space.id,
    childPosition: node.position,
  };
}

/** Item of `GET /{type}/{id}/direct-children`; it has no parentId. */
export function directChild(node: StoredNode) {
  return {
    id: node.id,
    status: node.status,
    title: node.title,
    type: node.type,
    spaceId: node.space.id,
    childPosition: node.position,
  };
}

/** Item of `GET /{type}/{id}/descendants`; `depth` is 1 for a direct child. */
export function descendant(node: StoredNode, depth: number) {
  return {
    id: node.id,
    status: node.status,
    title: node.title,
    type: node.type,
    parentId: node.parent?.id ?? null,
    depth,
    childPosition: node.position,
  };
}

/**
 * Folder, whiteboard, database or embed by id. Folders send `createdAt` as
 * epoch milliseconds where the other types send an ISO string, although the
 * spec declares date-time for both (hunyadi/md2conf, md2conf/api_types.py).
 */
export function typedNode(node: StoredNode) {
  const links: Record<string, string> = { webui: cloudWebui(node) };
  if (node.type === 'whiteboard') {
    links.editui = cloudEditui(node);
  }
  return {
    id: node.id,
    type: node.type,
    status: node.status,
    title: node.title,
    ...parentFields(node),
    position: node.position,
    authorId: node.authorId,
    ownerId: node.authorId,
    createdAt: node.type === 'folder' ? node.createdMs : isoTime(node.createdMs),
    spaceId: node.space.id,
    version: version(node),
    _links: links,
  };
}
