import { describe, expect, it } from 'vitest';
import { compareIds, sortSiblings } from '../../src/quirks/sibling-order.js';
import { normalizePosition } from '../../src/quirks/position-none.js';

const titlesOf = (items: { title: string }[]) => items.map((item) => item.title);

describe('sortSiblings', () => {
  it('orders by position when every sibling has one', () => {
    const siblings = [
      { id: '1', title: 'Alpha', position: 123456789 },
      { id: '2', title: 'Beta', position: 12345 },
      { id: '3', title: 'Gamma', position: 500000 },
    ];
    expect(titlesOf(sortSiblings(siblings))).toEqual(['Beta', 'Gamma', 'Alpha']);
  });

  it('orders the whole group by title when one position is missing', () => {
    const siblings = [
      { id: '1', title: 'Zulu', position: 1 },
      { id: '2', title: 'alpha', position: null },
      { id: '3', title: 'Mike', position: null },
    ];
    expect(titlesOf(sortSiblings(siblings))).toEqual(['alpha', 'Mike', 'Zulu']);
  });

  it('breaks equal positions by title then id', () => {
    const siblings = [
      { id: '30', title: 'Same', position: 5 },
      { id: '4', title: 'Same', position: 5 },
      { id: '2', title: 'Earlier', position: 5 },
    ];
    expect(sortSiblings(siblings).map((item) => item.id)).toEqual(['2', '4', '30']);
  });

  it('compares numeric ids by value', () => {
    expect(compareIds('9', '10')).toBeLessThan(0);
    expect(compareIds('100', '20')).toBeGreaterThan(0);
  });

  it('orders mixed ids transitively', () => {
    const ids = ['1a', '200', '1000', 'b', '7'];
    expect([...ids].sort(compareIds)).toEqual(['7', '200', '1000', '1a', 'b']);
    expect(compareIds('1000', '1a')).toBeLessThan(0);
    expect(compareIds('1a', '200')).toBeGreaterThan(0);
  });
});

describe('normalizePosition', () => {
  it.each([
    [7, 7],
    ['none', null],
    [null, null],
    [undefined, null],
    ['12', 12],
    [Number.NaN, null],
    [{}, null],
  ])('maps %j to %j', (input, expected) => {
    expect(normalizePosition(input)).toBe(expected);
  });
});
