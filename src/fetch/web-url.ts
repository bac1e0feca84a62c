/**
 * Joins a response's `_links.base` (absolute site base such as
 * `https://example.atlassian.net/wiki`) and an item's `_links.webui` (a path
 * relative to that base) into the page's web address.
 */
export function joinWebUrl(base: string | undefined, webui: string | undefined): string | undefined {
  if (webui === undefined || webui === '') {
    return undefined;
  }
  if (/^https?:\/\//i.test(webui)) {
    return webui;
  }
  if (base === undefined || base === '') {
    return undefined;
  }
  return base.replace(/\/+$/, '') + (webui.startsWith('/') ? webui : `/${webui}`);
}
