/**
 * Resolution of the `next` links that Confluence returns for paginated listings.
 *
 * Why this exists: Confluence writes `next` links relative to different roots,
 * and joining them to the site URL by string concatenation breaks listings.
 * - Cloud REST v2 (`_links.next` and the `Link` header) starts the path with the
 *   context path: `/wiki/api/v2/spaces/1/pages?cursor=...`. Appended to a base
 *   that ends in `/wiki`, it becomes `/wiki/wiki/...`, which returns 404.
 * - Cloud REST v1 and Server/Data Center (all versions) write the path relative
 *   to `_links.base`, which includes the context path: `/rest/api/content?start=25`
 *   means `https://host/confluence/rest/api/content?start=25`.
 * - Requests through the api.atlassian.com gateway (OAuth 2.0 3LO and scoped
 *   tokens) go to `https://api.atlassian.com/ex/confluence/CLOUD_ID/wiki/...`,
 *   but the links the site returns lack that `/ex/confluence/CLOUD_ID` prefix.
 * Sources: Atlassian developer docs "Making calls to API" (OAuth 2.0 3LO requests
 * go through api.atlassian.com with a cloud id) and "Upcoming changes to
 * Confluence Cloud REST APIs to modernize search" (follow the returned `next`
 * links instead of building them, since their parameters change).
 *
 * The query string of a link is never parsed or re-encoded: cursors contain
 * `=`, `+` and `%2B`, and a cursor need not be the last parameter.
 */

/** The parts of a site URL that links are resolved against. */
export interface LinkRoot {
  /** Scheme, host and port, such as `https://example.atlassian.net`. */
  origin: string;
  /** `/ex/confluence/CLOUD_ID` on the api.atlassian.com gateway, else an empty string. */
  gatewayPrefix: string;
  /** `/wiki` on Cloud, `/confluence` or an empty string on Server/Data Center. */
  contextPath: string;
}

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Returns whether `path` is `prefix` itself or starts with `prefix` followed by `/`, `?` or `#`. */
function hasPathPrefix(path: string, prefix: string): boolean {
  if (prefix === '' || !path.startsWith(prefix)) {
    return false;
  }
  const next = path.charAt(prefix.length);
  return next === '' || next === '/' || next === '?' || next === '#';
}

/** Resolves a link path that starts with `/` against the site, following the rules in the file header. */
function resolvePath(root: LinkRoot, path: string): string {
  if (hasPathPrefix(path, root.gatewayPrefix)) {
    return root.origin + path;
  }
  if (hasPathPrefix(path, root.contextPath)) {
    return root.origin + root.gatewayPrefix + path;
  }
  return root.origin + root.gatewayPrefix + root.contextPath + path;
}

/** Splits an absolute URL into its origin as written and the rest (path, query, fragment), without re-encoding. */
function splitAbsolute(link: string): { origin: string; rest: string } {
  const authorityStart = link.indexOf('//') + 2;
  const restStart = link.slice(authorityStart).search(/[/?#]/);
  if (restStart === -1) {
    return { origin: link, rest: '/' };
  }
  const cut = authorityStart + restStart;
  const rest = link.slice(cut);
  return { origin: link.slice(0, cut), rest: rest.startsWith('/') ? rest : `/${rest}` };
}

/**
 * Returns the absolute URL of a pagination link.
 *
 * - An absolute link on the site's origin is kept as it is, unless the site uses
 *   the gateway and the link's path lacks the gateway prefix.
 * - An absolute link on another origin is re-rooted onto the site, keeping its
 *   path and query, because credentials go only to the site the user named. On
 *   the gateway, this turns `https://SITE.atlassian.net/wiki/...` into a gateway URL.
 * - A path that starts with the context path (Cloud v2 `/wiki/api/v2/...`) goes
 *   after the origin and gateway prefix, never giving `/wiki/wiki`.
 * - Any other path (`/rest/api/...` from Cloud v1 and Server/Data Center) goes
 *   after the origin, gateway prefix and context path.
 * - A link without a leading `/`, such as `?cursor=...`, resolves against
 *   `requestUrl`, the URL of the page that carried it.
 *
 * @throws {TypeError} when the link is empty, an invalid absolute URL, or
 *   relative without a leading `/` while `requestUrl` is missing.
 */
export function resolveNextLink(root: LinkRoot, link: string, requestUrl?: string): string {
  const trimmed = link.trim();
  if (trimmed === '') {
    throw new TypeError('Cannot resolve an empty next link');
  }

  if (trimmed.startsWith('//')) {
    return resolveNextLink(root, `${new URL(root.origin).protocol}${trimmed}`, requestUrl);
  }

  if (ABSOLUTE_URL.test(trimmed)) {
    if (!URL.canParse(trimmed)) {
      throw new TypeError('Cannot resolve a next link that is not a valid URL');
    }
    const { rest } = splitAbsolute(trimmed);
    const sameOrigin = new URL(trimmed).origin === root.origin;
    if (sameOrigin && (root.gatewayPrefix === '' || hasPathPrefix(rest, root.gatewayPrefix))) {
      return trimmed;
    }
    return resolvePath(root, rest);
  }

  if (trimmed.startsWith('/')) {
    return resolvePath(root, trimmed);
  }

  if (requestUrl === undefined) {
    throw new TypeError(`Cannot resolve the relative next link "${trimmed}" without the URL of the page that carried it`);
  }
  return new URL(trimmed, requestUrl).href;
}

/** One link of an RFC 8288 `Link` header. */
export interface HeaderLink {
  /** The URI reference between `<` and `>`, as written. */
  target: string;
  /** Parameters by lower-case name; quoted values are unquoted. */
  params: Record<string, string>;
}

/** Reads the quoted string that opens at `text[start]` and returns its value and the index after the closing quote. */
function readQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === '\\' && index + 1 < text.length) {
      value += text.charAt(index + 1);
      index += 2;
      continue;
    }
    if (char === '"') {
      return { value, end: index + 1 };
    }
    value += char;
    index += 1;
  }
  return { value, end: index };
}

/** Reads the `; name=value` parameters after a link target, up to the `,` that ends the link. */
function readParams(text: string, start: number): { params: Record<string, string>; end: number } {
  const params: Record<string, string> = {};
  let index = start;

  while (index < text.length) {
    const char = text.charAt(index);
    if (char === ',') {
      return { params, end: index + 1 };
    }
    if (char !== ';') {
      index += 1;
      continue;
    }

    const nameMatch = /^\s*([^\s=;,]+)\s*/.exec(text.slice(index + 1));
    if (nameMatch === null) {
      index += 1;
      continue;
    }
    const name = (nameMatch[1] ?? '').toLowerCase();
    index += 1 + nameMatch[0].length;

    let value = '';
    if (text.charAt(index) === '=') {
      index += 1;
      while (text.charAt(index) === ' ' || text.charAt(index) === '\t') {
        index += 1;
      }
      if (text.charAt(index) === '"') {
        const quoted = readQuoted(text, index);
        value = quoted.value;
        index = quoted.end;
      } else {
        const tokenMatch = /^[^;,]*/.exec(text.slice(index));
        const token = tokenMatch?.[0] ?? '';
        value = token.trim();
        index += token.length;
      }
    }
    if (!(name in params)) {
      params[name] = value;
    }
  }
  return { params, end: index };
}

/**
 * Parses an RFC 8288 `Link` header into its links, in order. Malformed parts are
 * skipped. A `,` inside `<...>` or inside a quoted value does not split links.
 */
export function parseLinkHeader(header: string): HeaderLink[] {
  const links: HeaderLink[] = [];
  let index = 0;

  while (index < header.length) {
    const open = header.indexOf('<', index);
    if (open === -1) {
      break;
    }
    const close = header.indexOf('>', open + 1);
    if (close === -1) {
      break;
    }

    const target = header.slice(open + 1, close).trim();
    const { params, end } = readParams(header, close + 1);
    links.push({ target, params });
    index = end;
  }
  return links;
}

/**
 * Returns the target of the first link whose `rel` includes `next`
 * (relation types compare case-insensitively), or `undefined`.
 */
export function nextLinkFromHeader(header: string | null | undefined): string | undefined {
  if (header === null || header === undefined || header.trim() === '') {
    return undefined;
  }

  for (const link of parseLinkHeader(header)) {
    const relations = (link.params.rel ?? '').toLowerCase().split(/\s+/);
    if (relations.includes('next') && link.target !== '') {
      return link.target;
    }
  }
  return undefined;
}
