/**
 * `GET /plugins/pagetree/naturalchildren.action?pageId=ID&treeId=0&...`: the
 * HTML fragment that the page tree sidebar loads, one level at a time. It is
 * undocumented, so the markup follows what the web UI requests and parses:
 * `ul.plugin_pagetree_children_list` of `li`, each with a toggle
 * `a#plusminus{id}-{treeId}` (or `span.no-children`), a title link in
 * `span#childrenspan{id}-{treeId}`, and `div#children{id}-{treeId}`, which
 * contains the next level for the ids listed in `ancestors` (the expanded path).
 * Without `pageId`, `spaceKey` lists the top level of the space.
 */
import { HttpError } from '../../http/errors.js';
import { readList, readQuery } from '../../http/params.js';
import { childrenOf, rootsOf, type StoredNode } from '../../store/space-store.js';
import type { HandlerFactory } from '../deps.js';
import { v1Webui } from '../v1/serialize-content.js';

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

interface TreeRequest {
  readonly treeId: string;
  readonly expanded: ReadonlySet<string>;
  readonly sitePath: string;
  readonly webui: (node: StoredNode) => string;
}

function renderList(nodes: readonly StoredNode[], request: TreeRequest): string {
  const items = nodes.map((node) => renderItem(node, request)).join('');
  return `<ul class="plugin_pagetree_children_list">${items}</ul>`;
}

function renderItem(node: StoredNode, request: TreeRequest): string {
  const id = escapeHtml(node.id);
  const tree = escapeHtml(request.treeId);
  const children = childrenOf(node, ['current']);
  const toggle =
    children.length > 0
      ? `<a class="plugin_pagetree_childtoggle aui-icon aui-icon-small aui-iconfont-chevron-right" id="plusminus${id}-${tree}" data-type="toggle" data-page-id="${id}" href=""></a>`
      : '<span class="no-children icon"></span>';
  const href = escapeHtml(`${request.sitePath}${request.webui(node)}`);
  const nested = request.expanded.has(node.id) ? renderList(children, request) : '';
  return (
    '<li>' +
    `<div class="plugin_pagetree_childtoggle_container">${toggle}</div>` +
    `<div class="plugin_pagetree_children_content"><span class="plugin_pagetree_children_span" id="childrenspan${id}-${tree}"><a href="${href}">${escapeHtml(node.title)}</a></span></div>` +
    `<div class="plugin_pagetree_children_container" id="children${id}-${tree}">${nested}</div>` +
    '</li>'
  );
}

export const createNaturalChildrenHandler: HandlerFactory = (deps) => (c) => {
  const query = readQuery(c.req.url);
  const pageId = query.get('pageId');
  const spaceKey = query.get('spaceKey');

  let level: StoredNode[];
  if (pageId !== null && pageId !== '') {
    const parent = /^[0-9]+$/.test(pageId) ? deps.store.findNode(pageId) : undefined;
    if (!parent || !parent.readable) {
      throw new HttpError(404, `No page with id ${pageId}.`);
    }
    level = childrenOf(parent, ['current']);
  } else if (spaceKey !== null) {
    const space = deps.store.findSpaceByKey(spaceKey);
    if (!space) {
      throw new HttpError(404, `No space with key ${spaceKey}.`);
    }
    level = rootsOf(space, ['current']);
  } else {
    throw new HttpError(400, 'Missing pageId or spaceKey parameter: send pageId=ID for the children of a page.');
  }

  const reverse = query.get('reverse') === 'true';
  const request: TreeRequest = {
    treeId: query.get('treeId') ?? '0',
    expanded: new Set(readList(query, 'ancestors')),
    sitePath: deps.site.sitePath,
    webui: (node) => v1Webui(node, deps),
  };
  return c.html(renderList(reverse ? [...level].reverse() : level, request));
};
