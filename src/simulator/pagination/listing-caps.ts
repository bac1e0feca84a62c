/**
 * Silent limit caps of v1 listings.
 *
 * Data Center's `content/search` caps `limit` at 50 when an expand starts with
 * `body`, at 200 with other expands and at 1000 without expand, and reports
 * the applied value as `limit` (Atlassian KB 1032258424).
 */
import type { ListingCaps } from '../profiles/profile.js';

export function capLimit(requested: number, expand: readonly string[], caps: ListingCaps): number {
  if (expand.some((item) => item.startsWith('body'))) {
    return Math.min(requested, caps.withBodyExpand);
  }
  if (expand.length > 0) {
    return Math.min(requested, caps.withOtherExpand);
  }
  return Math.min(requested, caps.withoutExpand);
}
