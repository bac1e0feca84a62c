/** Addresses of the simulated site. */
export interface SiteUrls {
  /** Scheme, host and port, e.g. 'http://127.0.0.1:41234'. */
  readonly origin: string;
  /**
   * Path prefix of the site: '/wiki' on Cloud, the context path ('' or e.g.
   * '/confluence') on Data Center. v1 responses send it as `_links.context`.
   */
  readonly sitePath: string;
  /** `origin + sitePath`; v1 and v2 responses send it as `_links.base`. */
  readonly base: string;
}

/** Formats an origin, bracketing IPv6 literals such as ::1. */
export function formatOrigin(host: string, port: number): string {
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  return `http://${hostForUrl}:${port}`;
}
