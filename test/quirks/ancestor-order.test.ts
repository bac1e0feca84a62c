import { describe, expect, it } from 'vitest';
import { resolveParents } from '../../src/quirks/ancestor-order.js';

describe('resolveParents', () => {
  const chain = [
    { id: '1', ancestorIds: [] },
    { id: '2', ancestorIds: ['1'] },
    { id: '3', ancestorIds: ['1', '2'] },
  ];

  it('finds the parent of a clean chain', () => {
    const parents = resolveParents([...chain, { id: '4', ancestorIds: ['1', '2', '3'] }]);
    expect(parents.get('1')).toEqual({ kind: 'top' });
    expect(parents.get('4')).toEqual({ kind: 'parent', parentId: '3', certain: true });
  });

  it('ignores scrambled and duplicated ancestors', () => {
    const parents = resolveParents([...chain, { id: '4', ancestorIds: ['3', '1', '2', '1'] }]);
    expect(parents.get('4')).toEqual({ kind: 'parent', parentId: '3', certain: true });
  });

  it('takes the one unlisted ancestor as parent', () => {
    const parents = resolveParents([chain[0]!, chain[1]!, { id: '9', ancestorIds: ['8', '1', '2'] }]);
    expect(parents.get('9')).toEqual({ kind: 'parent', parentId: '8', certain: true });
  });

  it('reports a missing ancestors field as unknown', () => {
    const parents = resolveParents([{ id: '5', ancestorIds: undefined }]);
    expect(parents.get('5')).toEqual({ kind: 'unknown' });
  });

  it('flags two unlisted ancestors as uncertain', () => {
    const parents = resolveParents([{ id: '9', ancestorIds: ['7', '8'] }]);
    expect(parents.get('9')).toEqual({ kind: 'parent', parentId: '8', certain: false });
  });
});
