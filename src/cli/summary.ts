import type { FetchResult } from '../fetch/types.js';
import { escapeControlCharacters } from '../render/index.js';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Formats one line for stderr: what was fetched, at what cost, and whether it is complete. */
export function summaryLine(result: FetchResult): string {
  const { stats } = result;
  let state = result.complete ? 'complete' : 'INCOMPLETE';
  if (result.fallbacks.length > 0) {
    state += ` (fallbacks: ${result.fallbacks.join(', ')})`;
  }
  const folders = stats.folders > 0 ? ` (${plural(stats.folders, 'folder')})` : '';
  return (
    `conftree: ${result.space.key}: ${plural(stats.nodes, 'node')}${folders}, ${plural(stats.requests, 'request')}, ` +
    `${formatBytes(stats.bytes)}, ${(stats.durationMs / 1000).toFixed(2)} s, ${result.flavor}, ${state}`
  );
}

/** Warnings of one code printed before the rest are counted in one line. */
const LINES_PER_CODE = 5;

/**
 * Lines that explain warnings: those that make the tree incomplete always,
 * the others only with --verbose. Repeats of one code past five are counted,
 * not printed; the JSON output keeps them all.
 */
export function warningLines(result: FetchResult, verbose: boolean): string[] {
  const lines: string[] = [];
  const printed = new Map<string, number>();
  for (const warning of result.warnings) {
    if (!verbose && !warning.affectsCompleteness) {
      continue;
    }
    const count = (printed.get(warning.code) ?? 0) + 1;
    printed.set(warning.code, count);
    if (count <= LINES_PER_CODE) {
      lines.push(`conftree: ${warning.affectsCompleteness ? 'incomplete' : 'note'}: ${warning.message}`);
    }
  }
  for (const [code, count] of printed) {
    if (count > LINES_PER_CODE) {
      lines.push(`conftree: ... and ${count - LINES_PER_CODE} more "${code}" warnings (all are in --format json).`);
    }
  }
  const unreadable = unreadableLine(result);
  if (unreadable !== undefined) {
    lines.push(unreadable);
  }
  return lines;
}

/** Names the nodes that could not be read by id, up to five, or returns undefined when there are none. */
function unreadableLine(result: FetchResult): string | undefined {
  const nodes = result.unreadable;
  if (nodes.length === 0) {
    return undefined;
  }
  const named = nodes
    .slice(0, LINES_PER_CODE)
    .map((node) => (node.title === '' ? node.id : `${node.id} "${escapeControlCharacters(node.title)}"`))
    .join(', ');
  const more = nodes.length > LINES_PER_CODE ? ` and ${nodes.length - LINES_PER_CODE} more` : '';
  return `conftree: note: ${plural(nodes.length, 'node')} could not be read by id (see "unreadable" in --format json; --unreadable omit leaves them out): ${named}${more}.`;
}
