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

/**
 * Returns the base URL of one space in the API of `conftree serve`, ending in
 * `/api/spaces/KEY/`, when `src` is that space's tree URL (any query is
 * dropped). Returns null for any other URL, such as a static tree document.
 */
export function spaceApiUrl(src: string | undefined): URL | null {
  if (src === undefined || src === '') {
    return null;
  }
  let url: URL;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    return null;
  }
  const match = /^(.*\/api\/spaces\/[^/]+\/)tree$/.exec(url.pathname);
  if (match === null) {
    return null;
  }
  url.pathname = match[1]!;
  url.search = '';
  url.hash = '';
  return url;
}

/** One node of a path from the server's path or search endpoint. */
export interface ServerPathEntry {
  id: string;
  title: string;
  type: string;
  url: string | null;
}

/**
 * Fetches JSON from the API of `conftree serve`. Throws an Error with the
 * server's error message, or the URL and status when the body has none.
 */
export async function fetchApiJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { signal, headers: { accept: 'application/json' }, credentials: 'same-origin' });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
    throw new Error(typeof message === 'string' ? message : `Request to ${url} failed with HTTP ${response.status}.`);
  }
  return body;
}

/** Throws a TypeError unless `value` is a path: an array of nodes with string `id` and `title`. */
export function assertServerPath(value: unknown): asserts value is ServerPathEntry[] {
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((entry: unknown) => {
      const node = entry as Partial<ServerPathEntry> | null;
      return typeof node === 'object' && node !== null && typeof node.id === 'string' && typeof node.title === 'string';
    });
  if (!valid) {
    throw new TypeError('Invalid path in the server response: expected an array of nodes with "id" and "title".');
  }
}

/** Fetches the path from the top level to page `id` from the path endpoint of `conftree serve`. */
export async function fetchPagePath(spaceUrl: URL, id: string, signal?: AbortSignal): Promise<ServerPathEntry[]> {
  const url = new URL(`pages/${encodeURIComponent(id)}/path`, spaceUrl).href;
  const body = await fetchApiJson(url, signal);
  const path = typeof body === 'object' && body !== null ? (body as { path?: unknown }).path : undefined;
  assertServerPath(path);
  return path;
}
