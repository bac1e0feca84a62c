import { describe, expect, it } from 'vitest';
import { parsePagetreeChildren } from '../../src/quirks/pagetree-html.js';

/** Builds one `li` as the sidebar markup has it, with `nested` as the HTML of an expanded next level. */
function item(id: string, titleHtml: string, hasChildren: boolean, nested = ''): string {
  const toggle = hasChildren
    ? `<a class="plugin_pagetree_childtoggle aui-icon" id="plusminus${id}-0" href=""></a>`
    : '<span class="no-children icon"></span>';
  return (
    `<li><div class="plugin_pagetree_childtoggle_container">${toggle}</div>` +
    `<div class="plugin_pagetree_children_content"><span class="plugin_pagetree_children_span" id="childrenspan${id}-0">` +
    `<a href="/display/DOC/${id}">${titleHtml}</a></span></div>` +
    `<div class="plugin_pagetree_children_container" id="children${id}-0">${nested}</div></li>`
  );
}

function list(items: string): string {
  return `<ul class="plugin_pagetree_children_list">${items}</ul>`;
}

describe('pagetree naturalchildren HTML', () => {
  it('reads ids, decoded titles, links and leaves in display order', () => {
    const html = list(item('20', 'Zeta &amp; &lt;b&gt;', true) + item('10', 'Alpha', false));

    expect(parsePagetreeChildren(html)).toEqual([
      { id: '20', title: 'Zeta & <b>', href: '/display/DOC/20', hasChildren: true },
      { id: '10', title: 'Alpha', href: '/display/DOC/10', hasChildren: false },
    ]);
  });

  it('skips the nested list of an expanded child', () => {
    const html = list(item('1', 'Parent', true, list(item('2', 'Grandchild', false))) + item('3', 'Sibling', false));

    expect(parsePagetreeChildren(html)?.map((child) => child.id)).toEqual(['1', '3']);
    expect(parsePagetreeChildren(html)?.[0]?.hasChildren).toBe(true);
  });

  it('gives an empty list for a page without children', () => {
    expect(parsePagetreeChildren(list(''))).toEqual([]);
  });

  it('gives undefined for a login page', () => {
    expect(parsePagetreeChildren('<html><body><form id="loginform"></form></body></html>')).toBeUndefined();
  });
});
