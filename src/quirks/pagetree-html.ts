/**
 * Reads the HTML fragment of the page tree sidebar,
 * `/plugins/pagetree/naturalchildren.action?pageId=ID&treeId=0`.
 *
 * Why: it is the one source of a page's children that has no pagination, so
 * it still works when a server's child listings ignore `start` and return the
 * same page forever (CONFSERVER-52558). It is undocumented and its markup may
 * change, so conftree reads it only as a last resort. Server 6.x and Data
 * Center 7-9 serve it; Cloud serves it under `/wiki`.
 *
 * Markup, as the sidebar requests and parses it: a
 * `ul.plugin_pagetree_children_list` of `li`, each holding
 * `span.plugin_pagetree_children_span#childrenspan{id}-{treeId}` around the
 * title link, `span.no-children` in place of the expand toggle of a leaf,
 * and `div#children{id}-{treeId}` for an expanded next level.
 * Only the first level is read: nested lists belong to expanded children.
 */
import { parseFragment } from 'parse5';

/** One child from the fragment, in display order. */
export interface PagetreeChild {
  id: string;
  title: string;
  /** The link's `href`, relative to the site. */
  href: string | undefined;
  /** False when the item shows `span.no-children` instead of an expand toggle. */
  hasChildren: boolean;
}

interface HtmlNode {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  value?: string;
}

const CHILDREN_SPAN_ID = /^childrenspan(\d+)-/;

function attribute(node: HtmlNode, name: string): string | undefined {
  return node.attrs?.find((attr) => attr.name === name)?.value;
}

function hasClass(node: HtmlNode, name: string): boolean {
  return (attribute(node, 'class') ?? '').split(/\s+/).includes(name);
}

/** Finds the first element, depth first, that `matches` accepts, without entering the nested lists of expanded children. */
function findFirst(node: HtmlNode, matches: (candidate: HtmlNode) => boolean): HtmlNode | undefined {
  for (const child of node.childNodes ?? []) {
    if (matches(child)) {
      return child;
    }
    if (hasClass(child, 'plugin_pagetree_children_container')) {
      continue;
    }
    const found = findFirst(child, matches);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

function textOf(node: HtmlNode): string {
  if (node.nodeName === '#text') {
    return node.value ?? '';
  }
  return (node.childNodes ?? []).map(textOf).join('');
}

function readItem(item: HtmlNode): PagetreeChild | undefined {
  const span = findFirst(item, (candidate) => hasClass(candidate, 'plugin_pagetree_children_span'));
  const id = span === undefined ? undefined : CHILDREN_SPAN_ID.exec(attribute(span, 'id') ?? '')?.[1];
  if (span === undefined || id === undefined) {
    return undefined;
  }
  const link = findFirst(span, (candidate) => candidate.nodeName === 'a');
  const leaf = findFirst(item, (candidate) => hasClass(candidate, 'no-children')) !== undefined;
  return { id, title: textOf(link ?? span).trim(), href: link === undefined ? undefined : attribute(link, 'href'), hasChildren: !leaf };
}

/**
 * Returns the children listed at the first level of a `naturalchildren.action`
 * fragment, or undefined when the HTML contains no page tree list at all (a
 * login page or an error page that came with status 200).
 */
export function parsePagetreeChildren(html: string): PagetreeChild[] | undefined {
  const fragment = parseFragment(html) as unknown as HtmlNode;
  const list = findFirst(fragment, (candidate) => candidate.nodeName === 'ul' && hasClass(candidate, 'plugin_pagetree_children_list'));
  if (list === undefined) {
    return undefined;
  }

  const children: PagetreeChild[] = [];
  for (const item of list.childNodes ?? []) {
    if (item.nodeName !== 'li') {
      continue;
    }
    const child = readItem(item);
    if (child !== undefined) {
      children.push(child);
    }
  }
  return children;
}
