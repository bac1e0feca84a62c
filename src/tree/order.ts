/**
 * Sorts a group of siblings into the order that `sortSiblings` in
 * src/quirks/sibling-order.ts defines, faster for titles in printable ASCII.
 *
 * `sortSiblings` compares titles with `Intl.Collator`, and each call crosses
 * into ICU. For printable ASCII the collator's order at base sensitivity is a
 * rank per character, so such titles are compared here with a table of ranks
 * from a collator with the same options. The comparator returns the same sign
 * as the one of `sortSiblings` for every pair, so `Array.prototype.sort` makes
 * the same comparisons and gives the same order. test/tree/order.test.ts
 * checks both orders against each other.
 */
import { compareIds, compareTitles, sortSiblings, type Orderable } from '../quirks/sibling-order.js';

/** First and last code unit of printable ASCII. */
const FIRST_PRINTABLE = 0x20;
const LAST_PRINTABLE = 0x7e;

/**
 * Collator rank of each printable ASCII character, indexed by code unit, with
 * equal ranks for characters that the collator finds equal (such as `a` and
 * `A`). `undefined` when this ICU version ignores a printable character, so
 * that titles would no longer compare character by character.
 */
const titleRanks: Uint8Array | undefined = rankPrintableAscii();

function rankPrintableAscii(): Uint8Array | undefined {
  // The options of the collator of `compareTitles`, which this table must match.
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  const characters: string[] = [];
  for (let code = FIRST_PRINTABLE; code <= LAST_PRINTABLE; code += 1) {
    characters.push(String.fromCharCode(code));
  }
  if (characters.some((character) => collator.compare('a', `a${character}`) >= 0)) {
    return undefined;
  }
  characters.sort((a, b) => collator.compare(a, b));

  const ranks = new Uint8Array(LAST_PRINTABLE + 1);
  let rank = 0;
  for (let index = 1; index < characters.length; index += 1) {
    if (collator.compare(characters[index - 1]!, characters[index]!) !== 0) {
      rank += 1;
    }
    ranks[characters[index]!.charCodeAt(0)] = rank;
  }
  return ranks;
}

function isPrintableAscii(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < FIRST_PRINTABLE || code > LAST_PRINTABLE) {
      return false;
    }
  }
  return true;
}

/**
 * Compares two printable ASCII titles as the collator does, rank by rank.
 *
 * NOTE: this is exact only while the root collation has no contractions in
 * printable ASCII. ICU 78.2 (Node 20.20) has none, as test/tree/order.test.ts
 * checks, but nothing checks it at run time. `rankPrintableAscii` only checks
 * that no character is ignored.
 */
function compareRanks(ranks: Uint8Array, a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const difference = ranks[a.charCodeAt(index)]! - ranks[b.charCodeAt(index)]!;
    if (difference !== 0) {
      return difference;
    }
  }
  return a.length - b.length;
}

function compareCodeUnits(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

function byRankedTitleThenId(a: Orderable, b: Orderable): number {
  return compareRanks(titleRanks!, a.title, b.title) || compareCodeUnits(a.title, b.title) || compareIds(a.id, b.id);
}

function byPositionThenTitle(a: Orderable, b: Orderable): number {
  return (a.position as number) - (b.position as number) || compareTitles(a.title, b.title) || compareIds(a.id, b.id);
}

/** Sorts `siblings` in place into display order, the same order as `sortSiblings`. */
export function orderSiblings<T extends Orderable>(siblings: T[]): void {
  const count = siblings.length;
  if (count < 2) {
    return;
  }

  let allPositioned = true;
  for (let index = 0; index < count && allPositioned; index += 1) {
    allPositioned = siblings[index]!.position !== null;
  }
  if (allPositioned) {
    siblings.sort(byPositionThenTitle);
    return;
  }

  let allPrintable = titleRanks !== undefined;
  for (let index = 0; index < count && allPrintable; index += 1) {
    allPrintable = isPrintableAscii(siblings[index]!.title);
  }
  if (allPrintable) {
    siblings.sort(byRankedTitleThenId);
  } else {
    sortSiblings(siblings);
  }
}
