/**
 * The `csv` format, as RFC 4180 describes it: CRLF line ends, and a field
 * that contains a comma, a double quote, CR or LF is quoted, with its double
 * quotes doubled. Quoting is done by csv-stringify.
 *
 * The header is `level_1,...,level_D,id,parent_id,type,url`, where D is the
 * number of levels of the deepest node (at least 1). Each node is one row, in
 * display order, with its own title in the column of its level and the titles
 * of its ancestors in the columns before it. So every row carries the full
 * path, and a sheet can be filtered by any level. The cells after the node's
 * own level are empty. A title such as `Sales/Marketing` stays one cell.
 *
 * Orphan subtrees follow the roots. Their top node has `parent_id` set to the
 * missing parent's id, and its title is in `level_1`, because the path above
 * the missing parent is unknown.
 *
 * Every cell, including ids and URLs, goes through `neutralizeFormula`, which
 * changes how a title that looks like a formula reads in the file.
 *
 * NOTE: each row has D level cells, so the output grows with nodes × depth.
 * A chain of 100,000 nested pages would produce about 10^10 cells.
 */
import { stringify } from 'csv-stringify/sync';

import type { FetchResult } from '../fetch/types.js';
import type { TreeNode } from '../tree/types.js';
import type { RenderSink, Renderer } from './types.js';
import { walk } from './walk.js';

/**
 * Options for csv-stringify 6.9.0. Its own `escape_formulas` option is off
 * because it checks only the first character, and `neutralizeFormula` also
 * checks after leading whitespace.
 */
const STRINGIFY_OPTIONS = {
  record_delimiter: 'windows',
  quote_record_delimiter: true,
  escape_formulas: false,
  eof: true,
} as const;

/** Rows passed to csv-stringify in one call. */
const ROWS_PER_BATCH = 1000;

/**
 * Characters that make a spreadsheet read a cell as a formula when they start
 * it. `=`, `+`, `-`, `@`, tab and CR are OWASP's list ("CSV Injection"). NUL is
 * added by OWASP ASVS requirement 1.2.10. The full-width forms `＝＋－＠` are
 * escaped by csv-stringify 6.9.0 too, because Apple Numbers reads them as the
 * ASCII ones. `\s*` also finds them after leading whitespace, such as ` =1`.
 */
const FORMULA_START = /^\s*[=+\-@\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Returns the cell with a leading `'` when a spreadsheet could read it as a
 * formula, or unchanged otherwise. A spreadsheet then reads the cell as text.
 * The `'` is part of the file, so a CSV parser reads the title `=SUM(A1:A2)` as
 * `'=SUM(A1:A2)`, and whether a spreadsheet shows the `'` depends on the program.
 * A negative number such as `-5` also gains the `'`.
 */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Writes the header row and one row per node. */
export const renderCsv: Renderer = async (result, sink, options = {}) => {
  const levelCount = countLevels(result);
  const header = [...Array.from({ length: levelCount }, (_, i) => `level_${i + 1}`), 'id', 'parent_id', 'type', 'url'];

  if (options.bom === true) {
    const pending = sink.write('\uFEFF');
    if (pending) await pending;
  }

  const batch = new RowBatch(sink);
  const pending = batch.add(header);
  if (pending) await pending;

  const visited = new Set<TreeNode>();
  await writeRows(batch, result.tree.roots, null, levelCount, visited);
  for (const orphan of result.tree.orphans) {
    await writeRows(batch, [orphan.node], orphan.missingParentId, levelCount, visited);
  }

  await batch.flush();
};

/** Returns the number of levels of the deepest node, at least 1. */
function countLevels(result: FetchResult): number {
  let maxDepth = 0;
  const visited = new Set<TreeNode>();
  const groups = [result.tree.roots, ...result.tree.orphans.map((orphan) => [orphan.node])];
  for (const tops of groups) {
    for (const step of walk(tops, visited)) {
      if (step.depth > maxDepth) {
        maxDepth = step.depth;
      }
    }
  }
  return maxDepth + 1;
}

/**
 * Writes the rows of `tops` and their subtrees. `topParentId` is the
 * `parent_id` of the top nodes, which is null for roots and the missing id for an orphan.
 */
async function writeRows(
  batch: RowBatch,
  tops: readonly TreeNode[],
  topParentId: string | null,
  levelCount: number,
  visited: Set<TreeNode>,
): Promise<void> {
  // path[i] is the neutralized title at depth i on the way to the current node, which is last.
  const path: string[] = [];

  for (const step of walk(tops, visited)) {
    const { node, depth } = step;
    path.length = depth;
    path.push(neutralizeFormula(node.title));

    const parentId = step.parent?.id ?? topParentId ?? '';
    const row = new Array<string>(levelCount + 4);
    for (let i = 0; i < levelCount; i++) {
      row[i] = path[i] ?? '';
    }
    row[levelCount] = neutralizeFormula(node.id);
    row[levelCount + 1] = neutralizeFormula(parentId);
    row[levelCount + 2] = neutralizeFormula(node.type);
    row[levelCount + 3] = neutralizeFormula(node.url ?? '');

    const pending = batch.add(row);
    if (pending) await pending;
  }
}

/** Collects rows and writes them to the sink as CSV text, `ROWS_PER_BATCH` at a time. */
class RowBatch {
  readonly #sink: RenderSink;
  #rows: string[][] = [];

  constructor(sink: RenderSink) {
    this.#sink = sink;
  }

  /** Adds a row. Returns the sink's promise when the batch was written, and the caller must await it. */
  add(row: string[]): void | Promise<void> {
    this.#rows.push(row);
    if (this.#rows.length >= ROWS_PER_BATCH) {
      return this.flush();
    }
  }

  flush(): void | Promise<void> {
    if (this.#rows.length === 0) {
      return;
    }
    const text = stringify(this.#rows, STRINGIFY_OPTIONS);
    this.#rows = [];
    return this.#sink.write(text);
  }
}
