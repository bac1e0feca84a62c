/**
 * Orders siblings the way the Confluence page tree shows them.
 *
 * Why: Confluence orders children by manual position once someone has
 * reordered them, and alphabetically by title otherwise (Confluence "Children
 * Display" macro documentation). Pages migrated from Server to Cloud often
 * have no position; the Cloud tree then sorts that whole group alphabetically
 * even when some siblings have one (developer community thread t/85619).
 * Positions are arbitrary integers on Cloud (such as 12345 or 123456789) and
 * small integers on Data Center, so order by value, never by a dense range.
 *
 * The rule, applied to each group of siblings:
 * 1. When every sibling has a position, order by position ascending.
 * 2. When any sibling lacks one, order the whole group by title.
 * Ties fall back to title, then to numeric id, so the order is deterministic.
 */

export interface Orderable {
  id: string;
  title: string;
  position: number | null;
}

/** Compares two strings by UTF-16 code units: negative, zero or positive. */
function compareCodeUnits(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

// NOTE: Confluence's own title collation is not documented; this compares
// case- and accent-insensitively in English, then by code units.
const titleCollator = new Intl.Collator('en', { sensitivity: 'base' });

export function compareTitles(a: string, b: string): number {
  const collated = titleCollator.compare(a, b);
  if (collated !== 0) {
    return collated;
  }
  return compareCodeUnits(a, b);
}

const DIGITS = /^\d+$/;

/**
 * Compares content ids numerically when both are numeric, else as strings.
 * Numeric ids come before all others, which keeps the order transitive for
 * lists that mix both kinds: comparing ids of mixed kinds by code units would
 * put `1000` before `1a`, `1a` before `200` and `200` before `1000`.
 */
export function compareIds(a: string, b: string): number {
  const aNumeric = DIGITS.test(a);
  if (aNumeric !== DIGITS.test(b)) {
    return aNumeric ? -1 : 1;
  }
  if (aNumeric && a.length !== b.length) {
    return a.length - b.length;
  }
  return compareCodeUnits(a, b);
}

function byTitleThenId(a: Orderable, b: Orderable): number {
  return compareTitles(a.title, b.title) || compareIds(a.id, b.id);
}

function byPositionThenTitle(a: Orderable, b: Orderable): number {
  return (a.position as number) - (b.position as number) || byTitleThenId(a, b);
}

/** Sorts `siblings` in place into display order and returns it. */
export function sortSiblings<T extends Orderable>(siblings: T[]): T[] {
  if (siblings.length < 2) {
    return siblings;
  }

  const allPositioned = siblings.every((sibling) => sibling.position !== null);
  return siblings.sort(allPositioned ? byPositionThenTitle : byTitleThenId);
}
