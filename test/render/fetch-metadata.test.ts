import { describe, expect, test } from 'vitest';

import { describeFetch } from '../../src/render/fetch-metadata.js';
import { renderToString } from '../../src/render/index.js';
import { makeResult, makeSampleResult } from './make-result.js';

describe('describeFetch', () => {
  test('complete space with a name', () => {
    const result = makeResult({ roots: [] });
    expect(describeFetch(result)).toBe('DOCS — Documentation, fetched 2025-01-02T03:04:05.000Z, complete');
  });

  test('counts only warnings that affect completeness', () => {
    expect(describeFetch(makeSampleResult())).toBe('DOCS — Documentation, fetched 2025-01-02T03:04:05.000Z, incomplete (1 warning)');
  });

  test('names a subtree and a depth cut', () => {
    const result = { ...makeResult({ space: { key: 'OPS' }, roots: [] }), rootId: '42', maxDepth: 2 };
    expect(describeFetch(result)).toBe('OPS, fetched 2025-01-02T03:04:05.000Z, complete, subtree of 42, 2 levels');
    expect(describeFetch({ ...result, maxDepth: 1 })).toMatch(/, 1 level$/);
  });

  test('text heading carries the same facts', async () => {
    const text = await renderToString('text', makeSampleResult());
    expect(text.split('\n')[0]).toBe('DOCS — Documentation (fetched 2025-01-02T03:04:05.000Z, incomplete (1 warning))');
  });
});
