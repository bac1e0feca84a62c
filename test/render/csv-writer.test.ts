import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { neutralizeFormula } from '../../src/render/csv.js';
import { renderToString } from '../../src/render/index.js';
import { walk } from '../../src/render/walk.js';
import type { FetchResult } from '../../src/fetch/types.js';
import { makeResult, type NodeSpec } from './make-result.js';

/** The csv-stringify 6.9.0 options that the CSV renderer's output has to match. */
const STRINGIFY_OPTIONS = { record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: false, eof: true } as const;

/** Returns the CSV of `result` as csv-stringify writes the rows that the format defines. */
function expectedCsv(result: FetchResult): string {
  const groups = [
    { tops: result.tree.roots, parentId: '' },
    ...result.tree.orphans.map((orphan) => ({ tops: [orphan.node], parentId: orphan.missingParentId })),
  ];
  let maxDepth = 0;
  for (const { tops } of groups) {
    for (const step of walk(tops)) {
      maxDepth = Math.max(maxDepth, step.depth);
    }
  }
  const levels = maxDepth + 1;

  const rows: string[][] = [[...Array.from({ length: levels }, (_, i) => `level_${i + 1}`), 'id', 'parent_id', 'type', 'status', 'url']];
  for (const { tops, parentId } of groups) {
    const path: string[] = [];
    for (const step of walk(tops)) {
      path.length = step.depth;
      path.push(step.node.title);
      const cells = [...Array.from({ length: levels }, (_, i) => path[i] ?? ''), step.node.id, step.parent?.id ?? parentId, step.node.type, step.node.status, step.node.url ?? ''];
      rows.push(cells.map(neutralizeFormula));
    }
  }
  return stringify(rows, STRINGIFY_OPTIONS);
}

/** Cells made of the characters that quoting and formula neutralization look at. */
const cell = fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', '\0', '＝', '\u3000', "'", '日'), maxLength: 6 });

const nodeSpec: fc.Arbitrary<NodeSpec> = fc.letrec<{ node: NodeSpec }>((tie) => ({
  node: fc.record(
    {
      id: cell,
      title: cell,
      type: fc.constantFrom('page' as const, 'folder' as const),
      url: cell,
      children: fc.oneof({ depthSize: 'small' }, fc.constant<NodeSpec[]>([]), fc.array(tie('node'), { maxLength: 3 })),
    },
    { requiredKeys: ['id', 'title'] },
  ),
})).node;

describe('csv writer', () => {
  test('rows match csv-stringify', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(nodeSpec, { maxLength: 4 }), fc.array(fc.record({ missingParentId: cell, node: nodeSpec }), { maxLength: 2 }), async (roots, orphans) => {
        const result = makeResult({ roots, orphans });
        expect(await renderToString('csv', result)).toBe(expectedCsv(result));
      }),
      { numRuns: 300 },
    );
  });
});
