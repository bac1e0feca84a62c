/**
 * The tree document that the components read: the output of the `json`
 * format (`conftree tree KEY --format json`, `renderTo('json', ...)`) or of the
 * tree API of `conftree serve`. Only the fields the components use are listed.
 */

export interface TreeDocumentNode {
  id: string;
  title: string;
  type: string;
  url?: string | null;
  home?: boolean;
  children?: TreeDocumentNode[];
}

export interface TreeDocument {
  space?: { key?: string; name?: string | null; url?: string | null };
  complete?: boolean;
  roots: TreeDocumentNode[];
  orphans?: Array<{ missingParentId: string; node: TreeDocumentNode }>;
  /**
   * Number of children of each node whose children were cut by a depth limit.
   * Only depth-limited responses of `conftree serve` contain it, and the tree
   * loads those children when the node is expanded. A node with fewer loaded
   * children than its count (added by a lazy search) also loads the rest.
   */
  childCounts?: Record<string, number>;
}

/** Throws a TypeError naming the first field that does not fit the document shape. */
export function assertTreeDocument(value: unknown): asserts value is TreeDocument {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as TreeDocument).roots)) {
    throw new TypeError('Invalid tree document: expected an object with a "roots" array, as `conftree tree KEY --format json` writes.');
  }
}

/** Returns the URL unchanged when it is http or https, and null otherwise, so that a `javascript:` URL never becomes a link. */
export function safeLinkUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string') {
    return null;
  }
  try {
    const parsed = new URL(url, document.baseURI);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
