import { describe, expect, test } from 'vitest';

import { parseSnapshot, SnapshotError } from '../../src/diff/index.js';
import { renderToString } from '../../src/render/index.js';
import { makeChain, makeSampleResult } from '../render/make-result.js';

const FIX = 'Pass a file written by conftree tree --format json or --snapshot DIR.';

describe('parseSnapshot', () => {
  test('reads every node with parent and index', async () => {
    const snapshot = parseSnapshot('a.json', JSON.parse(await renderToString('json', makeSampleResult())));

    expect(snapshot).toMatchObject({ file: 'a.json', spaceKey: 'DOCS', spaceName: 'Documentation', fetchedAt: '2025-01-02T03:04:05.000Z', complete: false });
    expect([...snapshot.nodes.keys()]).toEqual(['1', '2', '4', '3', '5', '6', '7', '8']);
    expect(snapshot.nodes.get('3')).toEqual({ id: '3', title: 'Archive', type: 'folder', parentId: '1', index: 1 });
    expect(snapshot.nodes.get('7')).toEqual({ id: '7', title: 'Lost page', type: 'page', parentId: '99', index: 0 });
  });

  test('deep chain reads without recursion', async () => {
    const snapshot = parseSnapshot('deep.json', JSON.parse(await renderToString('json', makeChain(20_000), { compact: true })));
    expect(snapshot.nodes.size).toBe(20_000);
    expect(snapshot.nodes.get('20000')?.parentId).toBe('19999');
  });

  test.each([
    ['an array', [], 'the document should be an object'],
    ['another JSON file', { name: 'conftree', version: '1.0.0' }, '"space.key" should be a string'],
    ['no roots', { space: { key: 'A' }, fetchedAt: 't', complete: true }, '"roots" should be an array'],
    ['a node without id', { space: { key: 'A' }, fetchedAt: 't', complete: true, roots: [{ title: 'x', type: 'page', children: [] }] }, '"roots[0].id" should be a string'],
    [
      'a nested node without children',
      { space: { key: 'A' }, fetchedAt: 't', complete: true, roots: [{ id: '1', title: 'x', type: 'page', children: [{ id: '2', title: 'y', type: 'page' }] }] },
      '"roots[0].children[0].children" should be an array',
    ],
    [
      'a repeated id',
      { space: { key: 'A' }, fetchedAt: 't', complete: true, roots: [{ id: '1', title: 'x', type: 'page', children: [] }, { id: '1', title: 'y', type: 'page', children: [] }] },
      '"roots[1].id" should be unique, but id 1 appears twice',
    ],
    ['a bad orphan', { space: { key: 'A' }, fetchedAt: 't', complete: true, roots: [], orphans: [{ node: {} }] }, '"orphans[0].missingParentId" should be a string'],
  ])('rejects %s', (_, document, reason) => {
    expect(() => parseSnapshot('x.json', document)).toThrow(SnapshotError);
    expect(() => parseSnapshot('x.json', document)).toThrow(`Snapshot x.json is not a conftree JSON tree: ${reason}. ${FIX}`);
  });
});
