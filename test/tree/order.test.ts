import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { sortSiblings, type Orderable } from '../../src/quirks/sibling-order.js';
import { orderSiblings } from '../../src/tree/order.js';

/** Printable ASCII, with the punctuation and letter cases that the rank table has to order. */
const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index));
/** A few letters and separators, so that titles often share prefixes or differ only in case. */
const NEAR = ['a', 'A', 'b', 'B', 'z', 'Z', '0', '9', ' ', '-', '_', '.', "'", '"'];
const NON_ASCII = ['é', 'É', 'ß', 'æ', '日', '\u00a0', '\t', '\u0000', '🚀'];

const printableTitle = fc.string({ unit: fc.constantFrom(...PRINTABLE, ...NEAR, ...NEAR), maxLength: 8 });
const anyTitle = fc.string({ unit: fc.constantFrom(...PRINTABLE, ...NEAR, ...NON_ASCII), maxLength: 8 });
const id = fc.oneof(fc.integer({ min: 1, max: 2000 }).map(String), fc.constantFrom('9', '10', '1a', 'x7', '010'));

function siblings(title: fc.Arbitrary<string>, position: fc.Arbitrary<number | null>): fc.Arbitrary<Orderable[]> {
  return fc.array(fc.record({ id, title, position }), { maxLength: 40 });
}

function idsAfter(sort: (items: Orderable[]) => unknown, items: Orderable[]): string[] {
  const copy = items.map((item) => ({ ...item }));
  sort(copy);
  return copy.map((item) => `${item.id}|${item.title}`);
}

describe('orderSiblings', () => {
  test('orders printable titles as sortSiblings', () => {
    fc.assert(
      fc.property(siblings(printableTitle, fc.constant(null)), (items) => {
        expect(idsAfter(orderSiblings, items)).toEqual(idsAfter(sortSiblings, items));
      }),
      { numRuns: 2000 },
    );
  });

  test('orders any titles and positions as sortSiblings', () => {
    const position = fc.option(fc.integer({ min: -3, max: 3 }), { freq: 4 });
    fc.assert(
      fc.property(siblings(anyTitle, position), (items) => {
        expect(idsAfter(orderSiblings, items)).toEqual(idsAfter(sortSiblings, items));
      }),
      { numRuns: 2000 },
    );
  });

  test('case and punctuation follow the collator', () => {
    const items: Orderable[] = ['b', 'B', 'a-b', 'ab', 'a b', 'A', '_a', '10', '9', 'a.b', 'Ab'].map((title, index) => ({
      id: String(index + 1),
      title,
      position: null,
    }));
    orderSiblings(items);
    expect(items.map((item) => item.title)).toEqual(['_a', '10', '9', 'A', 'a b', 'a-b', 'a.b', 'Ab', 'ab', 'B', 'b']);
  });
});
