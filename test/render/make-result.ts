/**
 * Builds `FetchResult`s for renderer tests from nested literals, without the
 * tree builder, so that these tests depend on the renderers alone.
 */
import type { FetchResult, FetchWarning, SpaceInfo } from '../../src/fetch/types.js';
import type { NodeType, OrphanSubtree, TreeNode } from '../../src/tree/types.js';
import type { RenderSink } from '../../src/render/types.js';

export interface NodeSpec {
  id: string;
  title: string;
  type?: NodeType;
  home?: boolean;
  url?: string;
  position?: number | null;
  status?: string;
  children?: NodeSpec[];
}

export interface ResultSpec {
  space?: SpaceInfo;
  roots: NodeSpec[];
  orphans?: { missingParentId: string; node: NodeSpec }[];
  warnings?: FetchWarning[];
}

export function makeResult(spec: ResultSpec): FetchResult {
  const byId = new Map<string, TreeNode>();
  let homepageId: string | null = null;

  const link = (nodeSpec: NodeSpec, parent: TreeNode | null, depth: number): TreeNode => {
    const node: TreeNode = {
      id: nodeSpec.id,
      title: nodeSpec.title,
      type: nodeSpec.type ?? 'page',
      position: nodeSpec.position ?? null,
      status: nodeSpec.status ?? 'current',
      depth,
      parent,
      children: [],
      isHome: nodeSpec.home === true,
    };
    if (nodeSpec.url !== undefined) {
      node.url = nodeSpec.url;
    }
    if (node.isHome) {
      homepageId = node.id;
    }
    byId.set(node.id, node);
    node.children = (nodeSpec.children ?? []).map((child) => link(child, node, depth + 1));
    return node;
  };

  const roots = spec.roots.map((root) => link(root, null, 0));
  const orphans: OrphanSubtree[] = (spec.orphans ?? []).map((orphan) => ({
    missingParentId: orphan.missingParentId,
    node: link(orphan.node, null, 0),
  }));

  return wrapTree(spec.space ?? { key: 'DOCS', name: 'Documentation' }, roots, orphans, byId, homepageId, spec.warnings ?? []);
}

/** Returns a result whose tree is one chain of `length` nested pages, built without recursion. */
export function makeChain(length: number): FetchResult {
  const byId = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  let parent: TreeNode | null = null;
  for (let i = 0; i < length; i++) {
    const node: TreeNode = makePage(String(i + 1), `Level ${i}`, parent, i);
    if (parent === null) {
      roots.push(node);
    } else {
      parent.children.push(node);
    }
    byId.set(node.id, node);
    parent = node;
  }
  return wrapTree({ key: 'DEEP' }, roots, [], byId, null, []);
}

/** Returns a result whose tree is `count` top-level pages without children. */
export function makeFlatList(count: number): FetchResult {
  const byId = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  for (let i = 0; i < count; i++) {
    const node = makePage(String(i + 1), `Page ${i}`, null, 0);
    roots.push(node);
    byId.set(node.id, node);
  }
  return wrapTree({ key: 'FLAT' }, roots, [], byId, null, []);
}

function makePage(id: string, title: string, parent: TreeNode | null, depth: number): TreeNode {
  return { id, title, type: 'page', position: null, status: 'current', depth, parent, children: [], isHome: false };
}

function wrapTree(
  space: SpaceInfo,
  roots: TreeNode[],
  orphans: OrphanSubtree[],
  byId: Map<string, TreeNode>,
  homepageId: string | null,
  warnings: FetchWarning[],
): FetchResult {
  const folders = [...byId.values()].filter((node) => node.type === 'folder').length;
  return {
    space,
    flavor: 'cloud',
    strategy: 'test-literal',
    fallbacks: [],
    unreadable: [],
    complete: orphans.length === 0,
    warnings,
    stats: { nodes: byId.size, pages: byId.size - folders, folders, requests: 3, bytes: 1024, retries: 0, durationMs: 12 },
    fetchedAt: '2025-01-02T03:04:05.000Z',
    rootId: null,
    maxDepth: null,
    tree: { roots, orphans, byId, homepageId },
  };
}

/** Returns a sink that counts characters and line breaks and keeps only the last 200 characters, for outputs too large to keep. */
export function countingSink(): RenderSink & { characters: number; lineBreaks: number; tail: string } {
  const sink = {
    characters: 0,
    lineBreaks: 0,
    tail: '',
    write(chunk: string): void {
      sink.characters += chunk.length;
      let index = chunk.indexOf('\n');
      while (index !== -1) {
        sink.lineBreaks++;
        index = chunk.indexOf('\n', index + 1);
      }
      sink.tail = (sink.tail + chunk).slice(-200);
    },
  };
  return sink;
}

/** Returns the sample space of the structure tests of every format. */
export function makeSampleResult(): FetchResult {
  return makeResult({
    space: { key: 'DOCS', id: '65537', name: 'Documentation', homepageId: '1', url: 'https://example.atlassian.net/wiki/spaces/DOCS' },
    roots: [
      {
        id: '1',
        title: 'Home',
        home: true,
        position: 0,
        url: 'https://example.atlassian.net/wiki/spaces/DOCS/pages/1',
        children: [
          { id: '2', title: 'Sales/Marketing', position: 0, children: [{ id: '4', title: 'Meeting notes', position: 0 }] },
          { id: '3', title: 'Archive', type: 'folder', position: 1, children: [{ id: '5', title: 'Meeting notes', position: 0 }] },
        ],
      },
      { id: '6', title: 'Release notes', position: 1 },
    ],
    orphans: [{ missingParentId: '99', node: { id: '7', title: 'Lost page', children: [{ id: '8', title: 'Lost child' }] } }],
    warnings: [
      { code: 'missing-parent', message: 'Page 7 points to parent 99, which the listing did not return.', affectsCompleteness: true, details: { pageId: '7', parentId: '99' } },
      { code: 'slow-server', message: 'The server answered slowly.', affectsCompleteness: false },
    ],
  });
}

/**
 * Titles that need escaping in some format: markup and punctuation, formula
 * starts, typographic and double quotes, line breaks, tabs, an ANSI escape
 * sequence, emoji and CJK text. `formula` marks the titles that a spreadsheet
 * could read as a formula.
 */
export const SPECIAL_TITLES: readonly { id: string; title: string; formula: boolean }[] = [
  { id: '101', title: 'What? & <b>bold</b>', formula: false },
  { id: '102', title: '(Leading paren', formula: false },
  { id: '103', title: '=SUM(A1:A2)', formula: true },
  { id: '104', title: '+1', formula: true },
  { id: '105', title: '-x', formula: true },
  { id: '106', title: '@who', formula: true },
  { id: '107', title: '’quoted’', formula: false },
  { id: '108', title: '"double"', formula: false },
  { id: '109', title: 'Line one\r\nLine two', formula: false },
  { id: '110', title: 'Tab\tinside', formula: false },
  { id: '111', title: '\tLeading tab', formula: true },
  { id: '112', title: '\u001b[31mred', formula: false },
  { id: '113', title: 'Launch 🚀 plan', formula: false },
  { id: '114', title: '日本語', formula: false },
  { id: '115', title: ' =1+1', formula: true },
  { id: '116', title: '＝1', formula: true },
  { id: '117', title: 'Comma, quote " and CR\r', formula: false },
  { id: '118', title: '\r=starts with CR', formula: true },
  { id: '119', title: 'Sales/Marketing', formula: false },
];

/** Returns a space with one top-level page whose children have the `SPECIAL_TITLES`. */
export function makeSpecialTitlesResult(): FetchResult {
  return makeResult({
    roots: [{ id: '100', title: 'Specials', children: SPECIAL_TITLES.map(({ id, title }) => ({ id, title })) }],
  });
}
