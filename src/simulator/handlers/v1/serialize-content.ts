/**
 * REST v1 `Content` objects (v1 OpenAPI document, Aug 2023), as Cloud v1 and
 * Server/Data Center return them.
 */
import { tinyui, cloudWebui, displayWebui } from '../../http/links.js';
import { hashString } from '../../random.js';
import { scrambleAncestors } from '../../faults/scramble-ancestors.js';
import { ancestorsOf, childrenOf, type StoredNode } from '../../store/space-store.js';
import type { HandlerDeps } from '../deps.js';
import { itemJson } from '../../pagination/json-body.js';
import { v1Space } from './serialize-space.js';

/** Body representations that `expand=body.NAME` fills in; other names are ignored. */
const BODY_REPRESENTATIONS = ['storage', 'view', 'export_view', 'styled_view', 'editor', 'anonymous_export_view'];

export function v1Webui(node: StoredNode, deps: HandlerDeps): string {
  return deps.profile.v1.webuiStyle === 'display' ? displayWebui(node) : cloudWebui(node);
}

function expandable(node: StoredNode, expanded: ReadonlySet<string>): Record<string, string> {
  const all: Record<string, string> = {
    container: `/rest/api/space/${node.space.key}`,
    metadata: '',
    operations: '',
    children: `/rest/api/content/${node.id}/child`,
    restrictions: `/rest/api/content/${node.id}/restriction/byOperation`,
    history: `/rest/api/content/${node.id}/history`,
    ancestors: '',
    body: '',
    version: '',
    descendants: `/rest/api/content/${node.id}/descendant`,
    space: `/rest/api/space/${node.space.key}`,
  };
  for (const name of expanded) {
    delete all[name];
  }
  return all;
}

function versionOf(node: StoredNode, deps: HandlerDeps) {
  const by =
    deps.profile.v1.userFormat === 'accountId'
      ? { type: 'known', accountId: node.authorId, accountType: 'atlassian', displayName: node.authorUsername }
      : {
          type: 'known',
          username: node.authorUsername,
          userKey: `ff808081${hashString(node.authorUsername).toString(16).padStart(8, '0')}`,
          displayName: node.authorUsername,
        };
  return { by, when: new Date(node.modifiedMs).toISOString(), message: '', number: node.versionNumber, minorEdit: false };
}

function bodyOf(node: StoredNode, representations: readonly string[]) {
  const body: Record<string, unknown> = {};
  for (const representation of representations) {
    body[representation] = {
      value: `<p>Simulated content of ${escapeHtml(node.title)}.</p>`,
      representation,
      _expandable: { content: `/rest/api/content/${node.id}` },
    };
  }
  return body;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Cuts an expand chain such as `children.page.children.page...` after
 * `maxDepth` sub-expansions (8 on Server and Data Center, community.developer.atlassian.com t/45070).
 * NOTE: whether servers cut the chain or reject the request is not documented.
 * The simulator cuts it silently, which is the harder case for a client.
 */
function limitExpandDepth(item: string, maxDepth: number): string {
  const segments = item.split('.');
  return segments.length > maxDepth + 1 ? segments.slice(0, maxDepth + 1).join('.') : item;
}

/**
 * `children.page` of an expanded content object: the first page of current
 * child pages in display order, with a `next` link to `child/page` when more exist.
 */
function childPages(node: StoredNode, deps: HandlerDeps, childExpands: readonly string[]) {
  const nested = childExpands.filter((item) => item.startsWith('children.page.')).map((item) => item.slice('children.page.'.length));
  const children = childrenOf(node, ['current']).filter((child) => child.type === 'page');
  const limit = deps.profile.v1.defaultLimit;
  const results = children.slice(0, limit).map((child) => v1Content(child, deps, nested));
  const links: Record<string, string> = { self: `${deps.site.base}/rest/api/content/${node.id}/child/page` };
  if (children.length > limit) {
    links.next = `/rest/api/content/${node.id}/child/page?limit=${limit}&start=${limit}`;
  }
  return { results, start: 0, limit, size: results.length, _links: links };
}

/**
 * Serializes one content object. Supported expands: space, container,
 * history, version, ancestors, body.NAME and chains of children.page, and
 * others stay in `_expandable`.
 * `expand` contains the requested expands, e.g.
 * ['ancestors', 'space', 'body.storage']. Ancestors are full content objects
 * from the top of the space down, without their own ancestors. `single` adds
 * the `_links` that a single-content response carries (base, context, collection).
 */
export function v1Content(node: StoredNode, deps: HandlerDeps, requestedExpand: readonly string[], single = false) {
  const expand = requestedExpand.map((item) => limitExpandDepth(item, deps.profile.v1.maxExpandDepth));
  const expanded = new Set(expand.map((item) => item.split('.')[0]!));
  const content: Record<string, unknown> = {
    id: node.id,
    type: node.type,
    status: node.status,
    title: node.title,
  };

  if (expanded.has('space')) {
    content.space = v1Space(node.space, deps, []);
  }
  if (expanded.has('container')) {
    content.container = v1Space(node.space, deps, []);
  }
  if (expanded.has('history')) {
    content.history = { latest: true, createdDate: new Date(node.createdMs).toISOString() };
  }
  if (expanded.has('version')) {
    content.version = versionOf(node, deps);
  }
  if (expanded.has('ancestors')) {
    const ancestors = ancestorsOf(node).map((ancestor) => v1Content(ancestor, deps, []));
    content.ancestors = deps.faults.scrambleAncestors
      ? scrambleAncestors(ancestors, node.id, deps.faults.seed)
      : ancestors;
  }
  const representations = expand
    .filter((item) => item.startsWith('body.'))
    .map((item) => item.slice('body.'.length))
    .filter((representation) => BODY_REPRESENTATIONS.includes(representation));
  if (representations.length > 0) {
    content.body = bodyOf(node, representations);
  }

  const childExpands = expand.filter((item) => item === 'children.page' || item.startsWith('children.page.'));
  if (childExpands.length > 0) {
    content.children = { page: childPages(node, deps, childExpands) };
  }

  content.extensions = { position: node.position ?? 'none' };
  content._expandable = expandable(node, expanded);

  const links: Record<string, string> = {
    webui: v1Webui(node, deps),
    edit: `/pages/resumedraft.action?draftId=${node.id}`,
    tinyui: tinyui(node.id),
    self: `${deps.site.base}/rest/api/content/${node.id}`,
  };
  if (single) {
    links.collection = '/rest/api/content';
    links.base = deps.site.base;
    links.context = deps.site.sitePath;
  }
  content._links = links;
  return content;
}

/** Returns the JSON text of `v1Content(node, deps, expand)`, cached per node and expand list. */
export function v1ContentJson(node: StoredNode, deps: HandlerDeps, expand: readonly string[]): string {
  return itemJson(deps.store, node, `v1:${expand.join(',')}`, () => v1Content(node, deps, expand));
}
