import { describe, expect, it } from 'vitest';
import { findInconsistentChains } from '../../src/fetch/datacenter/chain-check.js';
import { resolveParents, type AncestorInput } from '../../src/quirks/ancestor-order.js';

function check(inputs: AncestorInput[]): string[] {
  return findInconsistentChains(inputs, resolveParents(inputs));
}

describe('ancestor chain cross-check', () => {
  it('accepts chains in any order', () => {
    const inputs = [
      { id: '1', ancestorIds: [] },
      { id: '2', ancestorIds: ['1'] },
      { id: '3', ancestorIds: ['2', '1'] },
    ];

    expect(check(inputs)).toEqual([]);
  });

  it('flags a page whose parent moved after it was listed', () => {
    // Page 3 was listed under 1 → 2; page 2 was listed later, after it moved below 4.
    const inputs = [
      { id: '1', ancestorIds: [] },
      { id: '4', ancestorIds: ['1'] },
      { id: '3', ancestorIds: ['1', '2'] },
      { id: '2', ancestorIds: ['1', '4'] },
    ];

    expect(check(inputs)).toEqual(['3']);
  });

  it('skips pages whose parent was not listed', () => {
    const inputs = [{ id: '3', ancestorIds: ['1', '2'] }];

    expect(check(inputs)).toEqual([]);
  });
});
