import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import type { FetchResult } from '../../src/fetch/types.js';
import { renderToString } from '../../src/render/index.js';
import type { TreeNode } from '../../src/tree/types.js';
import { makeChain, makeResult, makeSampleResult, makeSpecialTitlesResult, SPECIAL_TITLES } from './make-result.js';

interface NodeRecord {
  kind: 'node';
  id: string;
  parentId: string | null;
  depth: number;
  index: number;
  path: string[];
  title: string;
  type: string;
  position: number | null;
  status: string;
  url: string | null;
  home: boolean;
  orphan: boolean;
}

function parseLines(text: string): Record<string, unknown>[] {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Rebuilds nested nodes from flat records by parent id, keeping record order among siblings. */
function rebuild(records: NodeRecord[]): { roots: Plain[]; orphans: { missingParentId: string; node: Plain }[] } {
  const byId = new Map<string, Plain>();
  const roots: Plain[] = [];
  const orphans: { missingParentId: string; node: Plain }[] = [];
  for (const record of records) {
    const plain: Plain = { id: record.id, title: record.title, children: [] };
    byId.set(record.id, plain);
    const parent = record.parentId === null ? undefined : byId.get(record.parentId);
    if (parent !== undefined) {
      expect(record.index).toBe(parent.children.length);
      parent.children.push(plain);
    } else if (record.parentId === null) {
      expect(record.index).toBe(roots.length);
      roots.push(plain);
    } else {
      expect(record.orphan).toBe(true);
      orphans.push({ missingParentId: record.parentId, node: plain });
    }
  }
  return { roots, orphans };
}

interface Plain {
  id: string;
  title: string;
  children: Plain[];
}

function plain(node: TreeNode): Plain {
  return { id: node.id, title: node.title, children: node.children.map(plain) };
}

function nodeRecords(text: string): NodeRecord[] {
  return parseLines(text).slice(1) as unknown as NodeRecord[];
}

function expectRoundTrip(result: FetchResult, text: string): void {
  const rebuilt = rebuild(nodeRecords(text));
  expect(rebuilt.roots).toEqual(result.tree.roots.map(plain));
  expect(rebuilt.orphans).toEqual(result.tree.orphans.map((orphan) => ({ missingParentId: orphan.missingParentId, node: plain(orphan.node) })));
}

describe('jsonl renderer', () => {
  test('sample tree round-trips from flat records', async () => {
    const result = makeSampleResult();
    expectRoundTrip(result, await renderToString('jsonl', result));
  });

  test('first record names space, fetch time and completeness', async () => {
    const [meta, ...rest] = parseLines(await renderToString('jsonl', makeSampleResult()));
    expect(meta).toMatchObject({
      kind: 'meta',
      space: { key: 'DOCS', name: 'Documentation' },
      fetchedAt: '2025-01-02T03:04:05.000Z',
      complete: false,
      root: null,
      maxDepth: null,
      stats: { nodes: 8 },
    });
    expect((meta!['warnings'] as unknown[]).length).toBe(2);
    expect(rest.every((record) => record['kind'] === 'node')).toBe(true);
  });

  test('records carry depth, path and position', async () => {
    const records = nodeRecords(await renderToString('jsonl', makeSampleResult()));
    const byId = new Map(records.map((record) => [record.id, record]));

    expect(byId.get('4')).toEqual({
      kind: 'node',
      id: '4',
      parentId: '2',
      depth: 2,
      index: 0,
      path: ['Home', 'Sales/Marketing', 'Meeting notes'],
      title: 'Meeting notes',
      type: 'page',
      position: 0,
      status: 'current',
      url: null,
      home: false,
      orphan: false,
    });
    expect(byId.get('5')?.path).toEqual(['Home', 'Archive', 'Meeting notes']);
    expect(byId.get('3')).toMatchObject({ type: 'folder', index: 1 });
    expect(byId.get('1')).toMatchObject({ home: true, url: 'https://example.atlassian.net/wiki/spaces/DOCS/pages/1' });
    expect(byId.get('8')).toMatchObject({ parentId: '7', depth: 1, path: ['Lost page', 'Lost child'], orphan: true });
  });

  test('special titles round-trip exactly', async () => {
    const records = nodeRecords(await renderToString('jsonl', makeSpecialTitlesResult()));
    expect(records.slice(1).map((record) => record.title)).toEqual(SPECIAL_TITLES.map(({ title }) => title));
  });

  test('line separators stay inside one line', async () => {
    const result = makeResult({ roots: [{ id: '1', title: 'a\u2028b\u2029c\nd' }] });
    const text = await renderToString('jsonl', result);
    expect(text.split('\n')).toHaveLength(3);
    expect(nodeRecords(text)[0]?.title).toBe('a\u2028b\u2029c\nd');
  });

  test('deep chain round-trips', async () => {
    const result = makeChain(500);
    const text = await renderToString('jsonl', result);
    expectRoundTrip(result, text);
    expect(nodeRecords(text)[499]?.path).toHaveLength(500);
  });

  test('any title round-trips', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { minLength: 1, maxLength: 5 }), async (titles) => {
        const result = makeResult({ roots: [{ id: 'r', title: titles[0]!, children: titles.slice(1).map((title, i) => ({ id: String(i), title })) }] });
        expectRoundTrip(result, await renderToString('jsonl', result));
      }),
      { numRuns: 300 },
    );
  });
});
