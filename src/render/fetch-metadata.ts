/**
 * The facts that make an exported file explain itself when it is found later:
 * which space it shows, when it was fetched and whether the tree is complete.
 * Each format writes them in its own comment or metadata syntax.
 */
import type { FetchResult } from '../fetch/types.js';

/**
 * Returns one line such as `DOCS — Documentation, fetched
 * 2025-01-02T03:04:05.000Z, complete`, followed by `, subtree of 123`
 * and `, 2 levels` when the fetch was cut to a subtree or a depth. The line is
 * raw text: the caller escapes it for its format.
 */
export function describeFetch(result: FetchResult): string {
  return `${describeSpace(result)}, ${describeFetchDetails(result)}`;
}

/** Returns the part of `describeFetch` after the space: `fetched TIME, complete` and the cuts. */
export function describeFetchDetails(result: FetchResult): string {
  const parts = [`fetched ${result.fetchedAt}`, describeCompleteness(result)];
  if (result.rootId !== null) {
    parts.push(`subtree of ${result.rootId}`);
  }
  if (result.maxDepth !== null) {
    parts.push(result.maxDepth === 1 ? '1 level' : `${result.maxDepth} levels`);
  }
  return parts.join(', ');
}

/** Returns the space key, followed by ` — NAME` when the space has a name. */
export function describeSpace(result: FetchResult): string {
  const { key, name } = result.space;
  return name === undefined || name === '' ? key : `${key} — ${name}`;
}

/** Returns `complete`, or `incomplete` with the number of warnings that made it so, when there are any. */
export function describeCompleteness(result: FetchResult): string {
  if (result.complete) {
    return 'complete';
  }
  const reasons = result.warnings.filter((warning) => warning.affectsCompleteness).length;
  if (reasons === 0) {
    return 'incomplete';
  }
  return reasons === 1 ? 'incomplete (1 warning)' : `incomplete (${reasons} warnings)`;
}
