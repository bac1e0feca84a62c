/**
 * The `text` format: an indented tree in the style of `tree(1)`.
 *
 * ```
 * DOCS — Documentation
 * ├── Home (home)
 * │   ├── Guides
 * │   └── Archive [folder]
 * └── Release notes
 * (parent 123 not found)
 * └── Lost page
 * ```
 *
 * Every line after the first is one node, except the `(parent ID not found)`
 * lines that introduce orphan subtrees. Titles are made safe for a terminal by
 * `escapeControlCharacters`, so a title never spans two lines or sends an escape
 * sequence. The output is for reading: use the `json` format for exact titles.
 */
import type { SpaceInfo } from '../fetch/types.js';
import type { TreeNode } from '../tree/types.js';
import { readMaxIndentDepth } from './options.js';
import { ChunkBuffer } from './sink.js';
import type { Renderer } from './types.js';
import { walk } from './walk.js';

const BRANCH = '├── ';
const LAST_BRANCH = '└── ';
const GUIDE = '│   ';
const BLANK_GUIDE = '    ';

interface TextLayout {
  showIds: boolean;
  maxIndentDepth: number;
}

/**
 * C0 controls, DEL and C1 controls (which include NEL, U+0085), plus the
 * Unicode line and paragraph separators and the bidirectional embedding,
 * override and isolate controls, which some terminals and editors act on.
 */
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * Replaces control characters with visible escapes: `\n`, `\r` and `\t` by
 * name, other characters up to U+00FF as `\xHH`, and the rest as `\uHHHH`.
 * Backslashes are left as they are, so the result is not reversible.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE_CHARACTER, (character) => {
    const named = NAMED_ESCAPES[character];
    if (named !== undefined) {
      return named;
    }
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Writes the space heading, the roots with their subtrees, then the orphan subtrees. */
export const renderText: Renderer = async (result, sink, options = {}) => {
  const layout: TextLayout = {
    showIds: options.showIds === true,
    maxIndentDepth: readMaxIndentDepth(options.maxIndentDepth),
  };
  const out = new ChunkBuffer(sink);
  const visited = new Set<TreeNode>();

  const pending = out.write(formatSpaceHeading(result.space) + '\n');
  if (pending) await pending;

  await writeSubtrees(out, result.tree.roots, layout, visited);

  // Adjacent orphan subtrees with the same missing parent share one heading line.
  const orphans = result.tree.orphans;
  let start = 0;
  while (start < orphans.length) {
    const missingParentId = orphans[start]!.missingParentId;
    let end = start + 1;
    while (end < orphans.length && orphans[end]!.missingParentId === missingParentId) {
      end++;
    }

    const heading = out.write(`(parent ${escapeControlCharacters(missingParentId)} not found)\n`);
    if (heading) await heading;
    const group = orphans.slice(start, end).map((orphan) => orphan.node);
    await writeSubtrees(out, group, layout, visited);
    start = end;
  }

  await out.flush();
};

function formatSpaceHeading(space: SpaceInfo): string {
  const key = escapeControlCharacters(space.key);
  if (space.name === undefined || space.name === '') {
    return key;
  }
  return `${key} — ${escapeControlCharacters(space.name)}`;
}

async function writeSubtrees(
  out: ChunkBuffer,
  tops: readonly TreeNode[],
  layout: TextLayout,
  visited: Set<TreeNode>,
): Promise<void> {
  // guides[i] is the column drawn under the ancestor at depth i: a line while
  // that ancestor has siblings still to come, blank after its last sibling.
  const guides: string[] = [];

  for (const step of walk(tops, visited)) {
    guides.length = step.depth;
    const connector = step.isLast ? LAST_BRANCH : BRANCH;
    const line = formatIndent(guides, layout.maxIndentDepth) + connector + formatLabel(step.node, layout) + '\n';
    guides.push(step.isLast ? BLANK_GUIDE : GUIDE);

    const pending = out.write(line);
    if (pending) await pending;
  }
}

function formatIndent(guides: readonly string[], maxIndentDepth: number): string {
  const hidden = guides.length - maxIndentDepth;
  let indent = hidden > 0 ? `[+${hidden}] ` : '';
  for (let i = Math.max(0, hidden); i < guides.length; i++) {
    indent += guides[i];
  }
  return indent;
}

function formatLabel(node: TreeNode, layout: TextLayout): string {
  let label = escapeControlCharacters(node.title);
  if (node.type !== 'page') {
    label += ` [${node.type}]`;
  }
  if (node.isHome) {
    label += ' (home)';
  }
  if (layout.showIds) {
    label += `  [id ${escapeControlCharacters(node.id)}]`;
  }
  return label;
}
