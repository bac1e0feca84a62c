/**
 * Counts what a CQL query matches, from the `totalSize` of a one-item search
 * page. The walks use it to confirm that they reached every current page,
 * since child listings cannot reach a page below one of another status.
 */
import type { StrategyContext } from '../context.js';

/**
 * Returns the number of matches of `cql`, or undefined when the search fails
 * twice or its response has no `totalSize`. The count decides whether a whole
 * walk is confirmed, so a failed request gets one more try.
 */
export async function countByCql(context: StrategyContext, cql: string): Promise<number | undefined> {
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      const response = await context.client.getJson<{ totalSize?: unknown }>('/rest/api/content/search', { cql, limit: 1 });
      const total = response.data.totalSize;
      return typeof total === 'number' ? total : undefined;
    } catch {
      // Tried again, or reported by the caller as an unconfirmed walk.
    }
  }
  return undefined;
}
