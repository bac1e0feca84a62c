/**
 * Sibling order as Confluence displays it in the page tree.
 *
 * Confluence orders a group of siblings manually once someone has reordered
 * them, and alphabetically otherwise (Confluence children macro docs). Pages
 * migrated from Server often have no position, and the Cloud tree then sorts
 * the whole group alphabetically even when one sibling has a position
 * (community.developer.atlassian.com t/85619). The simulator's rule:
 * - Every sibling has a position: ascending position, ties by title, then id.
 * - Any sibling lacks a position: by title, then id.
 * Titles compare case-insensitively and accent-insensitively ('en' collation,
 * sensitivity 'base'), with ties broken by UTF-16 code units.
 */

export interface OrderableNode {
  id: string;
  title: string;
  position: number | null;
}

const titleCollator = new Intl.Collator('en', { sensitivity: 'base' });

/** Compares numeric id strings by value. Ids must be digits without leading zeros. */
export function compareNumericIds(a: string, b: string): number {
  if (a.length !== b.length) {
    return a.length - b.length;
  }
  return compareCodeUnits(a, b);
}

export function compareTitles(a: string, b: string): number {
  const collated = titleCollator.compare(a, b);
  if (collated !== 0) {
    return collated;
  }
  return compareCodeUnits(a, b);
}

function compareCodeUnits(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  if (a > b) {
    return 1;
  }
  return 0;
}

function compareByTitle(a: OrderableNode, b: OrderableNode): number {
  return compareTitles(a.title, b.title) || compareNumericIds(a.id, b.id);
}

function compareByPosition(a: OrderableNode, b: OrderableNode): number {
  return (a.position as number) - (b.position as number) || compareByTitle(a, b);
}

/** Returns a new array with the siblings in display order. */
export function sortSiblings<T extends OrderableNode>(siblings: readonly T[]): T[] {
  const allPositioned = siblings.every((node) => node.position !== null);
  return [...siblings].sort(allPositioned ? compareByPosition : compareByTitle);
}
