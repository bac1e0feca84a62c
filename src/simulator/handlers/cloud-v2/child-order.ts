/**
 * Sort orders of v2 child listings (`children`, `direct-children`). The
 * default, child-position ascending, is the display order of the siblings.
 */
import { compareNumericIds, sortSiblings } from '../../store/display-order.js';
import type { StoredNode } from '../../store/space-store.js';

export const CHILD_SORTS = [
  'child-position',
  '-child-position',
  'id',
  '-id',
  'created-date',
  '-created-date',
  'modified-date',
  '-modified-date',
] as const;

export type ChildSort = (typeof CHILD_SORTS)[number];

export function sortChildren(children: readonly StoredNode[], sort: ChildSort): StoredNode[] {
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  let sorted: StoredNode[];
  if (field === 'child-position') {
    sorted = sortSiblings(children);
  } else if (field === 'id') {
    sorted = [...children].sort((a, b) => compareNumericIds(a.id, b.id));
  } else if (field === 'created-date') {
    sorted = [...children].sort((a, b) => a.createdMs - b.createdMs || compareNumericIds(a.id, b.id));
  } else {
    sorted = [...children].sort((a, b) => a.modifiedMs - b.modifiedMs || compareNumericIds(a.id, b.id));
  }
  return descending ? sorted.reverse() : sorted;
}
