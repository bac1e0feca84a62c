/**
 * Base error classes of the HTTP layer and the errors raised before any
 * request is sent. Failed requests raise the subclasses in `http-errors.ts`.
 *
 * Every message is one line that names what failed and what to do next.
 * No error carries credentials, an `Authorization` header or a request object.
 */

/**
 * Base class of every error that conftree raises on purpose. Each subclass
 * sets `code`, a stable machine-readable string such as `http-status`, and
 * `name`, the class name.
 */
export abstract class ConftreeError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The site URL could not be used. */
export class InvalidSiteUrlError extends ConftreeError {
  readonly code = 'invalid-site-url';
  /** The rejected value, with any user name, password or token removed. */
  readonly value: string;

  constructor(value: string, message: string) {
    super(message);
    this.value = value;
  }
}

/** The credentials given through options or environment variables are incomplete or malformed. */
export class CredentialsError extends ConftreeError {
  readonly code = 'invalid-credentials-config';
  /** Name of the environment variable that is missing or malformed. */
  readonly variable: string;

  constructor(variable: string, message: string) {
    super(message);
    this.variable = variable;
  }
}

/**
 * An absolute URL pointed outside the configured site. The client sends
 * credentials only to the site's own origin, so it does not request such a URL.
 */
export class UrlOutsideSiteError extends ConftreeError {
  readonly code = 'url-outside-site';
  readonly method: string;
  /** The rejected URL, without credentials. */
  readonly url: string;
  readonly siteOrigin: string;

  constructor(method: string, url: string, siteOrigin: string) {
    super(
      `Did not send ${method} ${url}: the URL is outside the site ${siteOrigin}, ` +
        `and credentials are sent only to the site. Use a path or a URL on ${siteOrigin}`,
    );
    this.method = method;
    this.url = url;
    this.siteOrigin = siteOrigin;
  }
}

/** Base class of the errors raised when a request fails after its last attempt. */
export abstract class RequestError extends ConftreeError {
  readonly method: string;
  /** The requested URL, without user name, password or secret query values. */
  readonly url: string;
  /** Attempts made, the first one included. */
  readonly attempts: number;

  constructor(message: string, request: FailedRequest) {
    super(message);
    this.method = request.method;
    this.url = request.url;
    this.attempts = request.attempts;
  }
}

/** The request that failed, as stored on a `RequestError`. */
export interface FailedRequest {
  method: string;
  /** URL already stripped of credentials. */
  url: string;
  attempts: number;
}

export function isConftreeError(value: unknown): value is ConftreeError {
  return value instanceof ConftreeError;
}

export function isRequestError(value: unknown): value is RequestError {
  return value instanceof RequestError;
}

export function isInvalidSiteUrlError(value: unknown): value is InvalidSiteUrlError {
  return value instanceof InvalidSiteUrlError;
}

export function isCredentialsError(value: unknown): value is CredentialsError {
  return value instanceof CredentialsError;
}

export function isUrlOutsideSiteError(value: unknown): value is UrlOutsideSiteError {
  return value instanceof UrlOutsideSiteError;
}
