/**
 * Parsing of the site URL that a user gives, and building of every absolute
 * URL that the client requests. Nothing else in conftree joins URL strings.
 */
import { resolveNextLink } from '../quirks/next-link.js';
import { InvalidSiteUrlError } from './errors.js';
import { appendQuery } from './query-string.js';
import { redactUrl } from './redact.js';
import type { Query } from './types.js';

const EXAMPLE_SITE = 'https://example.atlassian.net/wiki';
const GATEWAY_HOST = 'api.atlassian.com';
const CLOUD_HOST_SUFFIX = '.atlassian.net';
const CLOUD_CONTEXT_PATH = '/wiki';

/** `/ex/confluence/CLOUD_ID`, optionally followed by `/wiki`, on the gateway host. */
const GATEWAY_PATH = /^(\/ex\/confluence\/[^/]+)(?:\/wiki)?$/;

/** Path segments that belong to a page or the REST API, never to a context path. */
const NON_CONTEXT_SEGMENT = /\/(?:rest|display|spaces|pages)(?:\/|$)|\/api\/v2(?:\/|$)/;

/** The parts of a parsed site URL. */
export interface SiteUrlParts {
  /** Scheme, host and port, such as `https://example.atlassian.net`. */
  origin: string;
  /** `/ex/confluence/CLOUD_ID` when the site is reached through api.atlassian.com, else an empty string. */
  gatewayPrefix: string;
  /** `/wiki` on Cloud; `/confluence` or an empty string on Server/Data Center. */
  contextPath: string;
  /** Whether the host is an Atlassian Cloud host (`*.atlassian.net` or api.atlassian.com). */
  isCloudHost: boolean;
}

/** A Confluence site: where its REST API and web pages live. Create one with `parseSiteUrl`. */
export class SiteUrl implements SiteUrlParts {
  readonly origin: string;
  readonly gatewayPrefix: string;
  readonly contextPath: string;
  readonly isCloudHost: boolean;
  /** Origin, gateway prefix and context path, without a trailing slash. */
  readonly baseUrl: string;

  constructor(parts: SiteUrlParts) {
    this.origin = parts.origin;
    this.gatewayPrefix = parts.gatewayPrefix;
    this.contextPath = parts.contextPath;
    this.isCloudHost = parts.isCloudHost;
    this.baseUrl = parts.origin + parts.gatewayPrefix + parts.contextPath;
  }

  /**
   * Builds the absolute URL of an API path such as `/api/v2/spaces` or
   * `/rest/api/content`, below the origin, gateway prefix and context path.
   *
   * @throws {TypeError} when `path` does not start with `/`.
   */
  api(path: string, query?: Query): string {
    if (!path.startsWith('/')) {
      throw new TypeError(`Invalid API path "${path}": start it with "/", as in /api/v2/spaces`);
    }
    return appendQuery(this.baseUrl + path, query);
  }

  /**
   * Resolves a pagination `next` link from `_links.next` or a `Link` header to
   * an absolute URL on this site, keeping its query string byte-for-byte.
   * `requestUrl` is needed only for links without a leading `/`.
   */
  resolveNext(next: string, requestUrl?: string): string {
    return resolveNextLink(this, next, requestUrl);
  }

  /**
   * Builds the absolute web URL of a `_links.webui` or `_links.tinyui` path.
   * `base` is the response's `_links.base`, such as `https://example.atlassian.net/wiki`.
   * Returns `undefined` only for a site reached through the api.atlassian.com
   * gateway when `base` is missing, because the gateway serves no web pages.
   */
  webUrl(relative: string, base?: string): string | undefined {
    if (/^https?:\/\//i.test(relative)) {
      return relative;
    }
    const path = relative.startsWith('/') ? relative : `/${relative}`;

    if (base !== undefined && /^https?:\/\//i.test(base)) {
      return base.replace(/\/+$/, '') + path;
    }
    if (this.gatewayPrefix !== '') {
      return undefined;
    }
    return this.origin + this.contextPath + path;
  }

  toString(): string {
    return this.baseUrl;
  }
}

/** Throws `InvalidSiteUrlError` naming the value (without credentials) and the fix. */
function reject(input: string, fix: string): never {
  const value = redactUrl(input);
  throw new InvalidSiteUrlError(value, `Invalid site URL "${value}": ${fix}`);
}

/** Returns the context path of a Cloud site after checking that `path` is empty or `/wiki`. */
function cloudContextPath(input: string, origin: string, path: string): string {
  if (path !== '' && path !== CLOUD_CONTEXT_PATH) {
    reject(input, `use the site root without a page or API path, such as ${origin}${CLOUD_CONTEXT_PATH}`);
  }
  return CLOUD_CONTEXT_PATH;
}

/** Returns the gateway prefix of an api.atlassian.com URL after checking its path. */
function gatewayPrefix(input: string, path: string): string {
  const match = GATEWAY_PATH.exec(path);
  if (match === null || match[1] === undefined) {
    reject(input, `use the gateway URL with a cloud id, such as https://${GATEWAY_HOST}/ex/confluence/CLOUD_ID`);
  }
  return match[1];
}

/**
 * Parses the site URL that a user gave.
 *
 * - `https://SITE.atlassian.net` and `https://SITE.atlassian.net/wiki` have the context path `/wiki`.
 * - `https://api.atlassian.com/ex/confluence/CLOUD_ID`, with or without `/wiki`,
 *   has the gateway prefix `/ex/confluence/CLOUD_ID` and the context path `/wiki`.
 * - On any other host, the path given is the context path: `https://host` has
 *   none, `https://host/confluence` has `/confluence`.
 * Trailing slashes are ignored.
 *
 * @throws {InvalidSiteUrlError} when the value is not an absolute http or https
 *   URL, contains a user name or password, a query or a fragment, or a path
 *   that belongs to a page or the REST API.
 */
export function parseSiteUrl(input: string): SiteUrl {
  const trimmed = input.trim();

  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return reject(trimmed, `use an absolute http or https URL such as ${EXAMPLE_SITE}`);
  }

  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    reject(trimmed, `use an http or https URL such as ${EXAMPLE_SITE}`);
  }
  if (url.username !== '' || url.password !== '') {
    reject(
      trimmed,
      'remove the user name and password from the URL and pass them as credentials, ' +
        'such as CONFLUENCE_USERNAME with CONFLUENCE_API_TOKEN',
    );
  }
  if (trimmed.includes('?') || trimmed.includes('#')) {
    reject(trimmed, `remove the query string and fragment, as in ${url.origin}${url.pathname.replace(/\/+$/, '')}`);
  }

  const origin = url.origin;
  const host = url.hostname.toLowerCase();
  const path = url.pathname.replace(/\/+$/, '');

  if (host === GATEWAY_HOST) {
    const prefix = gatewayPrefix(trimmed, path);
    return new SiteUrl({ origin, gatewayPrefix: prefix, contextPath: CLOUD_CONTEXT_PATH, isCloudHost: true });
  }

  if (host.endsWith(CLOUD_HOST_SUFFIX)) {
    const contextPath = cloudContextPath(trimmed, origin, path);
    return new SiteUrl({ origin, gatewayPrefix: '', contextPath, isCloudHost: true });
  }

  if (NON_CONTEXT_SEGMENT.test(path)) {
    reject(trimmed, 'use the site root without a page or REST API path, such as https://confluence.example.com/confluence');
  }
  return new SiteUrl({ origin, gatewayPrefix: '', contextPath: path, isCloudHost: false });
}
