import { describe, expect, test } from 'vitest';

import { renderToString } from '../../src/render/index.js';
import { makeChain, makeResult, makeSampleResult, makeSpecialTitlesResult, SPECIAL_TITLES } from './make-result.js';

interface JsonNode {
  id: string;
  title: string;
  type: string;
  position: number | null;
  status: string;
  url: string | null;
  depth: number;
  home: boolean;
  children: JsonNode[];
}

function jsonNode(id: string, title: string, depth: number, extra: Partial<JsonNode> = {}): JsonNode {
  return { id, title, type: 'page', position: null, status: 'current', url: null, depth, home: false, children: [], ...extra };
}

const SAMPLE_DOCUMENT = {
  space: { key: 'DOCS', id: '65537', name: 'Documentation', homepageId: '1', url: 'https://example.atlassian.net/wiki/spaces/DOCS' },
  complete: false,
  flavor: 'cloud',
  strategy: 'test-literal',
  fallbacks: [],
  fetchedAt: '2025-01-02T03:04:05.000Z',
  root: null,
  maxDepth: null,
  stats: { nodes: 8, pages: 7, folders: 1, requests: 3, bytes: 1024, retries: 0, durationMs: 12 },
  warnings: [
    {
      code: 'missing-parent',
      message: 'Page 7 points to parent 99, which the listing did not return.',
      affectsCompleteness: true,
      details: { pageId: '7', parentId: '99' },
    },
    { code: 'slow-server', message: 'The server answered slowly.', affectsCompleteness: false, details: {} },
  ],
  unreadable: [],
  roots: [
    jsonNode('1', 'Home', 0, {
      position: 0,
      url: 'https://example.atlassian.net/wiki/spaces/DOCS/pages/1',
      home: true,
      children: [
        jsonNode('2', 'Sales/Marketing', 1, { position: 0, children: [jsonNode('4', 'Meeting notes', 2, { position: 0 })] }),
        jsonNode('3', 'Archive', 1, { type: 'folder', position: 1, children: [jsonNode('5', 'Meeting notes', 2, { position: 0 })] }),
      ],
    }),
    jsonNode('6', 'Release notes', 0, { position: 1 }),
  ],
  orphans: [{ missingParentId: '99', node: jsonNode('7', 'Lost page', 0, { children: [jsonNode('8', 'Lost child', 1)] }) }],
};

describe('json renderer', () => {
  test('sample tree matches JSON.stringify layout', async () => {
    const text = await renderToString('json', makeSampleResult());
    expect(text).toBe(JSON.stringify(SAMPLE_DOCUMENT, null, 2) + '\n');
  });

  test('compact output is one line', async () => {
    const text = await renderToString('json', makeSampleResult(), { compact: true });
    expect(text).toBe(JSON.stringify(SAMPLE_DOCUMENT) + '\n');
  });

  test('empty tree has empty arrays', async () => {
    const result = makeResult({ space: { key: 'EMPTY' }, roots: [] });
    const text = await renderToString('json', result);
    const document = JSON.parse(text);
    expect(document.roots).toEqual([]);
    expect(document.orphans).toEqual([]);
    expect(document.space).toEqual({ key: 'EMPTY', id: null, name: null, homepageId: null, url: null });
    expect(text).toContain('"roots": [],\n  "orphans": []\n}\n');
  });

  test('duplicate titles keep their own ids', async () => {
    const document = JSON.parse(await renderToString('json', makeSampleResult()));
    const [sales, archive] = document.roots[0].children;
    expect(sales.children[0]).toMatchObject({ id: '4', title: 'Meeting notes' });
    expect(archive.children[0]).toMatchObject({ id: '5', title: 'Meeting notes' });
  });

  test('special titles round-trip exactly', async () => {
    for (const compact of [false, true]) {
      const document = JSON.parse(await renderToString('json', makeSpecialTitlesResult(), { compact }));
      const children: JsonNode[] = document.roots[0].children;
      expect(children.map((child) => child.id)).toEqual(SPECIAL_TITLES.map((special) => special.id));
      for (const [i, special] of SPECIAL_TITLES.entries()) {
        expect(children[i]?.title).toBe(special.title);
      }
    }
  });

  test('control characters are escaped', async () => {
    const text = await renderToString('json', makeSpecialTitlesResult(), { compact: true });
    expect(text.endsWith('\n')).toBe(true);
    expect(text.slice(0, -1)).not.toMatch(/[\u0000-\u001f]/);
  });

  test('deep nodes are written compact', async () => {
    const result = makeChain(6);
    const text = await renderToString('json', result, { maxIndentDepth: 1 });
    const document = JSON.parse(text);

    let node: JsonNode = document.roots[0];
    for (let depth = 0; depth < 5; depth++) {
      expect(node).toMatchObject({ id: String(depth + 1), title: `Level ${depth}`, depth });
      node = node.children[0]!;
    }
    expect(node.children).toEqual([]);

    const depth2 = JSON.stringify(document.roots[0].children[0].children[0]);
    expect(text).toContain(`"children": [\n            ${depth2}\n          ]\n        }\n      ]\n    }\n  ],\n`);
  });

  test('deep chain parses with every level', async () => {
    const length = 100_000;
    const document = JSON.parse(await renderToString('json', makeChain(length), { compact: true }));
    let node: JsonNode = document.roots[0];
    let count = 1;
    while (node.children.length > 0) {
      node = node.children[0]!;
      count++;
    }
    expect(count).toBe(length);
    expect(node.depth).toBe(length - 1);
  });
});
