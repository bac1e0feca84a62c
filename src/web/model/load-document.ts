import { assertTreeDocument, type TreeDocument } from './document.js';

/**
 * Returns the URL of a tree document. With `depth`, it adds the `depth` query
 * parameter, and with `rootId` also `root`, which is how the tree API of
 * `conftree serve` returns a depth-limited slice below one node.
 */
export function documentUrl(src: string, options: { depth?: number; rootId?: string } = {}): string {
  const url = new URL(src, document.baseURI);
  if (options.depth !== undefined) {
    url.searchParams.set('depth', String(options.depth));
  }
  if (options.rootId !== undefined) {
    url.searchParams.set('root', options.rootId);
  }
  return url.href;
}

/** Fetches and checks a tree document. Throws an Error whose message names the URL and the status. */
export async function fetchTreeDocument(url: string, signal?: AbortSignal): Promise<TreeDocument> {
  const response = await fetch(url, { signal, headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`Loading the tree from ${url} failed with HTTP ${response.status}.`);
  }
  const body: unknown = await response.json();
  assertTreeDocument(body);
  return body;
}

/** Reads a document from a `<script type="application/json">` child, or returns null when there is none. */
export function readInlineDocument(host: Element): TreeDocument | null {
  const script = host.querySelector(':scope > script[type="application/json"]');
  if (script === null) {
    return null;
  }
  const body: unknown = JSON.parse(script.textContent ?? '');
  assertTreeDocument(body);
  return body;
}
