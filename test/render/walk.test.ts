import { describe, expect, test } from 'vitest';

import { walk } from '../../src/render/walk.js';
import { makeResult, makeSampleResult } from './make-result.js';

describe('walk', () => {
  test('visits nodes in pre-order', () => {
    const steps = [...walk(makeSampleResult().tree.roots)];
    expect(steps.map((step) => [step.node.id, step.depth, step.parent?.id ?? null, step.isFirst, step.isLast])).toEqual([
      ['1', 0, null, true, false],
      ['2', 1, '1', true, false],
      ['4', 2, '2', true, true],
      ['3', 1, '1', false, true],
      ['5', 2, '3', true, true],
      ['6', 0, null, false, true],
    ]);
  });

  test('empty list yields nothing', () => {
    expect([...walk([])]).toEqual([]);
  });

  test('cycle is rejected', () => {
    const result = makeResult({ roots: [{ id: '1', title: 'A', children: [{ id: '2', title: 'B' }] }] });
    const top = result.tree.roots[0]!;
    top.children[0]!.children.push(top);
    expect(() => [...walk(result.tree.roots)]).toThrow(/node 1 is reached twice/);
  });

  test('shared visited set spans walks', () => {
    const result = makeSampleResult();
    const visited = new Set<(typeof result.tree.roots)[number]>();
    expect([...walk(result.tree.roots, visited)]).toHaveLength(6);
    expect(() => [...walk([result.tree.roots[1]!], visited)]).toThrow(/node 6 is reached twice/);
  });
});
