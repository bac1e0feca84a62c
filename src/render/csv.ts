/**
 * The `csv` format, as RFC 4180 describes it: CRLF line ends, and a field
 * that contains a comma, a double quote, CR or LF is quoted, with its double
 * quotes doubled.
 *
 * The header is `level_1,...,level_D,id,parent_id,type,status,url`, where D is the
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
import type { TreeNode } from '../tree/types.js';
import { ChunkBuffer } from './sink.js';
import type { Renderer } from './types.js';
import { surveyForest, TreeCursor, VisitGuard, walk } from './walk.js';

/**
 * Characters that make a spreadsheet read a cell as a formula when they start
 * it. `=`, `+`, `-`, `@`, tab and CR are OWASP's list ("CSV Injection"). NUL is
 * added by OWASP ASVS requirement 1.2.10. The full-width forms `＝＋－＠` are
 * escaped by csv-stringify 6.9.0 too, because Apple Numbers reads them as the
 * ASCII ones. `\s*` also finds them after leading whitespace, such as ` =1`.
 */
const FORMULA_START = /^\s*[=+\-@\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Characters that make a field quoted: the delimiter, the quote, CR and LF. */
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

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

/**
 * Returns `cell` as one CSV field: neutralized, then quoted, with its double
 * quotes doubled, when it contains a comma, a double quote, CR or LF.
 *
 * Fields and rows equal those of csv-stringify 6.9.0 with a comma delimiter,
 * `"` as quote and escape, `record_delimiter: 'windows'` and
 * `quote_record_delimiter: true`, which test/render/csv-writer.test.ts checks.
 * The renderer does not call csv-stringify because it formats every cell of
 * every row: given the million rows of the bench/throughput.ts tree, built in
 * advance, it wrote about 360,000 rows/s on 2 shared vCPUs, short of the
 * 500,000 rows/s goal. Here a row reuses the fields of its ancestors' titles.
 */
function formatField(cell: string): string {
  const text = neutralizeFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
}

/** Writes the header row and one row per node. */
export const renderCsv: Renderer = async (result, sink, options = {}) => {
  const groups = [result.tree.roots, ...result.tree.orphans.map((orphan) => [orphan.node])];
  const survey = surveyForest(groups);
  const levelCount = (survey === undefined ? findMaxDepth(groups) : survey.maxDepth) + 1;
  const guard = new VisitGuard(survey);

  if (options.bom === true) {
    const pending = sink.write('\uFEFF');
    if (pending) await pending;
  }

  const out = new ChunkBuffer(sink);
  const header = [...Array.from({ length: levelCount }, (_, i) => `level_${i + 1}`), 'id', 'parent_id', 'type', 'status', 'url'];
  const pending = out.write(`${header.map(formatField).join(',')}\r\n`);
  if (pending) await pending;

  const rows = new RowWriter(out, levelCount);
  await rows.write(new TreeCursor(result.tree.roots, guard), '');
  for (const orphan of result.tree.orphans) {
    await rows.write(new TreeCursor([orphan.node], guard), formatField(orphan.missingParentId));
  }

  await out.flush();
};

/**
 * Returns the largest depth below the tops of `groups`, with the checks of
 * `walk`, so it throws on a cycle before any row is written.
 */
function findMaxDepth(groups: readonly (readonly TreeNode[])[]): number {
  let maxDepth = 0;
  const visited = new Set<TreeNode>();
  for (const tops of groups) {
    for (const step of walk(tops, visited)) {
      if (step.depth > maxDepth) {
        maxDepth = step.depth;
      }
    }
  }
  return maxDepth;
}

/**
 * Formats rows of `levelCount` level cells and the five node cells. Each
 * level's title field and id field are formatted once and kept while the walk
 * is below that node, so a row costs a constant number of field formats and
 * not one per level.
 */
class RowWriter {
  readonly #out: ChunkBuffer;
  /** `emptyLevels[d]` is the commas of the empty level cells after a node at depth d. */
  readonly #emptyLevels: string[];
  /** Formatted `type` and `status` fields by value; both have few values. */
  readonly #smallFields = new Map<string, string>();

  constructor(out: ChunkBuffer, levelCount: number) {
    this.#out = out;
    this.#emptyLevels = Array.from({ length: levelCount }, (_, depth) => ','.repeat(levelCount - depth - 1));
  }

  /**
   * Writes the rows of the cursor's walk. `topParentField` is the formatted
   * `parent_id` of the top nodes: empty for roots, the missing id for an orphan.
   */
  async write(cursor: TreeCursor, topParentField: string): Promise<void> {
    // levels[d] is the level cells of the path down to the node at depth d,
    // joined by commas. ids[d] is the id field of that node.
    const levels: string[] = [];
    const ids: string[] = [];

    while (cursor.advance()) {
      const node = cursor.node!;
      const depth = cursor.depth;
      const title = formatField(node.title);
      const level = depth === 0 ? title : `${levels[depth - 1]},${title}`;
      const id = formatField(node.id);
      levels[depth] = level;
      ids[depth] = id;

      const parent = depth === 0 ? topParentField : ids[depth - 1];
      const row = `${level}${this.#emptyLevels[depth]},${id},${parent},${this.#smallField(node.type)},${this.#smallField(node.status)},${node.url === undefined ? '' : formatField(node.url)}\r\n`;
      const pending = this.#out.write(row);
      if (pending) await pending;
    }
  }

  #smallField(value: string): string {
    let field = this.#smallFields.get(value);
    if (field === undefined) {
      field = formatField(value);
      this.#smallFields.set(value, field);
    }
    return field;
  }
}
