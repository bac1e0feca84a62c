/**
 * Web UI links of content, relative to the site base, as Confluence builds them.
 */
import { Buffer } from 'node:buffer';
import type { StoredNode } from '../store/space-store.js';

/** Encodes a title for a URL path: spaces become '+', everything else is percent-encoded. */
export function titleSlug(title: string): string {
  return encodeURIComponent(title).replace(/%20/g, '+');
}

/** Cloud link, e.g. '/spaces/DEMO/pages/123/Release+notes' or '/spaces/DEMO/folder/456'. */
export function cloudWebui(node: StoredNode): string {
  if (node.type === 'page') {
    return `/spaces/${node.space.key}/pages/${node.id}/${titleSlug(node.title)}`;
  }
  return `/spaces/${node.space.key}/${node.type}/${node.id}`;
}

export function cloudEditui(node: StoredNode): string {
  return `/pages/resumedraft.action?draftId=${node.id}`;
}

/**
 * Server and Data Center link: '/display/KEY/Title+Words' for plain titles and
 * '/pages/viewpage.action?pageId=ID' for the rest.
 * NOTE: which characters force the viewpage form is an assumption here:
 * anything beyond ASCII letters, digits, spaces and `-_.,()'!`.
 */
export function displayWebui(node: StoredNode): string {
  if (/^[A-Za-z0-9 \-_.,()'!]+$/.test(node.title)) {
    return `/display/${node.space.key}/${titleSlug(node.title)}`;
  }
  return `/pages/viewpage.action?pageId=${node.id}`;
}

/**
 * Short link '/x/CODE'. CODE is the id's little-endian bytes in URL-safe base64
 * with trailing 'A' and '=' removed.
 * NOTE: Atlassian does not document this encoding, so it is an approximation.
 */
export function tinyui(id: string): string {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(BigInt(id));
  const code = bytes
    .toString('base64')
    .replace(/[A=]+$/, '')
    .replace(/\//g, '-')
    .replace(/\+/g, '_');
  return `/x/${code}`;
}
