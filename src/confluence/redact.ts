/**
 * Removal of credentials from URLs before they reach an error message or a log
 * line. Internal to the HTTP layer.
 */

const REDACTED = '***';

/** `scheme://user:password@` at the start of an absolute URL. */
const URL_USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i;

/** `user:password@host` typed without a scheme. */
const BARE_USERINFO = /^[^/?#@\s]*:[^/?#\s]*@/;

/** One `name=value` pair of a query string. */
const QUERY_PAIR = /([?&])([^=&#]*)=([^&#]*)/g;

/** Query parameter names that carry a secret, such as `access_token` or `os_password`. */
const SECRET_PARAM_NAME = /token|secret|passw(?:or)?d|signature|api_?key|jwt|^sig$|^pwd$/i;

/** Returns `true` when a query parameter of this name may carry a secret. */
export function isSecretParamName(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // A malformed escape leaves the raw name to test.
  }
  return SECRET_PARAM_NAME.test(decoded);
}

/**
 * Returns `url` with its user name, password and secret-looking query values
 * replaced by `***`. Everything else stays byte-for-byte, so the result still
 * points a reader at the right resource. Works on text that is not a valid URL.
 */
export function redactUrl(url: string): string {
  let result = url.replace(URL_USERINFO, `$1${REDACTED}@`);
  result = result.replace(BARE_USERINFO, `${REDACTED}@`);

  result = result.replace(QUERY_PAIR, (pair: string, separator: string, name: string) =>
    isSecretParamName(name) ? `${separator}${name}=${REDACTED}` : pair,
  );

  return result;
}

/** Returns `text` with line breaks and runs of white space collapsed, so a message stays on one line. */
export function toOneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Returns `text` cut to `maxLength` characters, marking the cut with an ellipsis. */
export function truncate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1)}…`;
}
