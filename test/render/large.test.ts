import { describe, expect, test } from 'vitest';

import { renderTo } from '../../src/render/index.js';
import { countingSink, makeChain, makeFlatList } from './make-result.js';

const NODE_COUNT = 1_000_000;

describe('million-node trees', () => {
  const chain = makeChain(NODE_COUNT);

  test('chain renders as text', async () => {
    const sink = countingSink();
    await renderTo('text', chain, sink);
    expect(sink.lineBreaks).toBe(NODE_COUNT + 1);
    // The default maxIndentDepth of 32 leaves out the outer 999,967 guide columns.
    expect(sink.tail.endsWith(`\n[+999967] ${' '.repeat(4 * 32)}└── Level 999999\n`)).toBe(true);
  });

  test('chain renders as json', async () => {
    const sink = countingSink();
    await renderTo('json', chain, sink);
    expect(sink.tail.endsWith('"orphans": []\n}\n')).toBe(true);
  });

  test('flat list renders as json', async () => {
    const sink = countingSink();
    await renderTo('json', makeFlatList(NODE_COUNT), sink, { compact: true });
    expect(sink.lineBreaks).toBe(1);
    expect(sink.tail.endsWith('"children":[]}],"orphans":[]}\n')).toBe(true);
  });
});
