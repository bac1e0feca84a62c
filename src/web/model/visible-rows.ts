import { hasChildren, type FlatTree } from './flat-tree.js';

/** The rows on screen and how each is drawn. */
export interface VisibleRows {
  /** Row indexes of the flat tree, in display order. */
  rows: Int32Array;
  /** Per flat-tree row: 1 when it is drawn expanded. */
  expanded: Uint8Array;
  /** Number of rows whose title matches the search, or -1 without a search. */
  matchCount: number;
}

/**
 * Lists the rows to draw without a search: top-level rows, and the children
 * of each expanded row that is itself drawn.
 */
export function listRows(tree: FlatTree, expanded: Uint8Array): VisibleRows {
  const rows: number[] = [];
  let index = 0;
  while (index < tree.size) {
    rows.push(index);
    index = expanded[index] === 1 ? index + 1 : tree.subtreeEnd[index]!;
  }
  return { rows: Int32Array.from(rows), expanded, matchCount: -1 };
}

/**
 * Marks the rows whose title contains `query` (case-insensitive) and their
 * ancestors. Returns the marks (1 = match, 2 = ancestor of a match only,
 * 3 = match and ancestor of a match) and the number of matches.
 */
export function markMatches(tree: FlatTree, query: string): { marks: Uint8Array; matchCount: number } {
  const needle = query.toLowerCase();
  const marks = new Uint8Array(tree.size);
  let matchCount = 0;

  for (let index = 0; index < tree.size; index++) {
    if (!tree.searchTitles[index]!.includes(needle)) {
      continue;
    }
    marks[index] = 1;
    matchCount += 1;
    // Ancestors are marked on the way up until one is already an ancestor of a
    // match. A match above gets 3, so that it opens and shows this match too.
    for (let up = tree.parent[index]!; up >= 0 && marks[up]! < 2; up = tree.parent[up]!) {
      marks[up] = marks[up] === 1 ? 3 : 2;
    }
  }
  return { marks, matchCount };
}

/**
 * Lists the rows to draw during a search: every match and every ancestor of
 * a match, with ancestors expanded (a match too when a match is below it). `overrides` holds the rows that the user
 * expanded (1) or collapsed (0) during this search. An expanded row also shows
 * its children that do not match, so a match's subtree can be browsed.
 */
export function listFilteredRows(
  tree: FlatTree,
  marks: Uint8Array,
  matchCount: number,
  overrides: Map<number, 0 | 1>,
): VisibleRows {
  const expanded = new Uint8Array(tree.size);
  const rows: number[] = [];
  let index = 0;
  while (index < tree.size) {
    const parent = tree.parent[index]!;
    const revealed = parent >= 0 && overrides.get(parent) === 1;
    if (marks[index] === 0 && !revealed) {
      index = tree.subtreeEnd[index]!;
      continue;
    }

    rows.push(index);
    const open = overrides.get(index) ?? (marks[index]! >= 2 ? 1 : 0);
    if (open === 1 && hasChildren(tree, index)) {
      expanded[index] = 1;
      index += 1;
    } else {
      index = tree.subtreeEnd[index]!;
    }
  }
  return { rows: Int32Array.from(rows), expanded, matchCount };
}
