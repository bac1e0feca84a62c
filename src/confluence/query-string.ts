/** Query string building for API URLs. Internal to the HTTP layer. */
import type { Query } from './types.js';

/**
 * Encodes `query` as `name=value` pairs joined by `&`, in insertion order.
 * `undefined` values are left out and arrays repeat the name. Names and values
 * are percent-encoded with `encodeURIComponent`, so a space becomes `%20`.
 */
export function encodeQuery(query: Query | undefined): string {
  if (query === undefined) {
    return '';
  }

  const pairs: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) {
      continue;
    }
    const values = typeof value === 'object' ? value : [String(value)];
    for (const item of values) {
      pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(item)}`);
    }
  }
  return pairs.join('&');
}

/** Appends the encoded `query` to `url`, after any query string that `url` already has. */
export function appendQuery(url: string, query: Query | undefined): string {
  const encoded = encodeQuery(query);
  if (encoded === '') {
    return url;
  }

  if (!url.includes('?')) {
    return `${url}?${encoded}`;
  }
  const separator = url.endsWith('?') || url.endsWith('&') ? '' : '&';
  return `${url}${separator}${encoded}`;
}
