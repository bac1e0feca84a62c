import { describe, expect, test } from 'vitest';

import { renderTo, renderToString } from '../../src/render/index.js';
import type { RenderSink } from '../../src/render/types.js';
import type { TreeNode } from '../../src/tree/types.js';
import { makeResult, makeSampleResult } from './make-result.js';

const FORMATS = ['text', 'csv'] as const;

function nodeOf(result: ReturnType<typeof makeSampleResult>, id: string): TreeNode {
  return result.tree.byId.get(id)!;
}

describe.each(FORMATS)('%s renderer with repeated nodes', (format) => {
  test('cycle is rejected', async () => {
    const result = makeSampleResult();
    nodeOf(result, '4').children.push(nodeOf(result, '1'));
    await expect(renderToString(format, result)).rejects.toThrow(/node 1 is reached twice/);
  });

  test('node under two parents is rejected', async () => {
    const result = makeSampleResult();
    nodeOf(result, '6').children.push(nodeOf(result, '5'));
    await expect(renderToString(format, result)).rejects.toThrow(/node 5 is reached twice/);
  });

  test('node listed twice among siblings is rejected', async () => {
    const result = makeSampleResult();
    const home = nodeOf(result, '1');
    home.children.push(home.children[0]!);
    await expect(renderToString(format, result)).rejects.toThrow(/node 2 is reached twice/);
  });

  test('orphan that is also a child is rejected', async () => {
    const result = makeSampleResult();
    result.tree.orphans.push({ missingParentId: '98', node: nodeOf(result, '5') });
    await expect(renderToString(format, result)).rejects.toThrow(/node 5 is reached twice/);
  });

  test('stale parent links render as before', async () => {
    const expected = await renderToString(format, makeSampleResult());
    const result = makeSampleResult();
    for (const node of result.tree.byId.values()) {
      node.parent = null;
    }
    expect(await renderToString(format, result)).toBe(expected);
  });

  test('cycle added during rendering is rejected', async () => {
    const roots = Array.from({ length: 20_000 }, (_, index) => ({ id: String(index + 1), title: `Page ${index}` }));
    const result = makeResult({ roots });
    const last = result.tree.roots.at(-1)!;
    const sink: RenderSink = {
      write() {
        if (last.children.length === 0) {
          last.children.push(last);
        }
        return Promise.resolve();
      },
    };
    await expect(renderTo(format, result, sink)).rejects.toThrow(/gained nodes while it was being rendered/);
  });
});

describe('csv renderer with repeated nodes', () => {
  test('cycle writes nothing', async () => {
    const result = makeSampleResult();
    nodeOf(result, '4').children.push(nodeOf(result, '1'));
    const chunks: string[] = [];
    await expect(renderTo('csv', result, { write: (chunk) => void chunks.push(chunk) })).rejects.toThrow(/reached twice/);
    expect(chunks).toEqual([]);
  });
});
