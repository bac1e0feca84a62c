/**
 * Normalises a sibling position from any Confluence API to `number | null`.
 *
 * Why: REST v1 (Cloud and Server/Data Center) returns `extensions.position`
 * as an integer or as the string `"none"` for pages that were never reordered,
 * while Cloud REST v2 returns `null` for the same pages. Comparing the raw
 * values mixes strings and numbers. Pages migrated from Server to Cloud keep
 * having no position. Source: captured v1 responses in the
 * sooperset/mcp-atlassian test fixtures; the v2 OpenAPI `position` field is a
 * nullable integer.
 */
export function normalizePosition(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }

  // Some proxies and older servers send the integer as a string.
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
    const parsed = Number(value.trim());
    return Number.isSafeInteger(parsed) ? parsed : null;
  }

  return null;
}
