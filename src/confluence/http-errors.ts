/**
 * Errors raised when a request to Confluence fails after its last attempt.
 * Each message reads `METHOD URL failed ...: what to do`, on one line.
 */
import { STATUS_CODES } from 'node:http';

import { RequestError, type FailedRequest } from './errors.js';

/** Returns ` after N attempts` when the request was retried, else an empty string. */
function describeAttempts(attempts: number): string {
  return attempts > 1 ? ` after ${attempts} attempts` : '';
}

/** Returns the standard reason phrase of an HTTP status, such as `Not Found`. */
export function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Unknown Status';
}

/**
 * Returns what a user should do about an HTTP error status from Confluence.
 * `authenticated` is false when the request carried no credentials.
 */
export function explainStatus(status: number, authenticated: boolean): string {
  if (status === 401 && !authenticated) {
    return (
      'the site requires authentication, so set CONFLUENCE_USERNAME with CONFLUENCE_API_TOKEN (Cloud) ' +
      'or CONFLUENCE_PASSWORD (Server), or set CONFLUENCE_PERSONAL_TOKEN'
    );
  }

  switch (status) {
    case 401:
      return (
        'the credentials were rejected. Confluence Cloud needs the account e-mail with an API token, ' +
        'not a password, and Data Center accepts a personal access token as CONFLUENCE_PERSONAL_TOKEN'
      );
    case 403:
      return (
        'permission denied. This user may not view the space, or an administrator has disabled ' +
        'REST API access for this user or site'
      );
    case 404:
      return (
        'the space or page does not exist or is not visible to this user. Confluence Cloud also ' +
        'returns 404 for a rejected API token, so check the credentials and the site URL too'
      );
    case 410:
      return 'this Confluence has removed the deprecated REST v1 endpoint, so use the v2 API';
    case 429:
      return 'the server is rate limiting requests, so wait, then lower the requests-per-second limit (--max-rps, or maxRps in the library) or the concurrency';
    case 501:
      return 'this Confluence version does not implement the endpoint, so use another listing method';
    default:
      break;
  }

  if (status >= 500) {
    return 'Confluence or a proxy in front of it failed. Try again later, or ask the Confluence administrator to check the server logs';
  }
  return 'Confluence rejected the request. Check the site URL, the space key and the options';
}

export interface HttpStatusErrorInit extends FailedRequest {
  status: number;
  /** Whether the request carried credentials. */
  authenticated: boolean;
  /** Error text from the response body, already redacted and on one line. */
  serverMessage?: string;
}

/** Confluence returned an error status: 4xx, or 5xx after the last retry. */
export class HttpStatusError extends RequestError {
  readonly code: 'http-status' | 'rate-limited' = 'http-status';
  readonly status: number;
  readonly statusText: string;
  /** Error text from the response body, such as `This deprecated endpoint has been removed`. */
  readonly serverMessage: string | undefined;

  constructor(init: HttpStatusErrorInit) {
    const text = statusText(init.status);
    const repeatsStatus = init.serverMessage?.toLowerCase() === text.toLowerCase();
    const detail = init.serverMessage && !repeatsStatus ? ` ("${init.serverMessage}")` : '';
    const message =
      `${init.method} ${init.url} failed with ${init.status} ${text}${detail}` +
      `${describeAttempts(init.attempts)}: ${explainStatus(init.status, init.authenticated)}`;

    super(message, init);
    this.status = init.status;
    this.statusText = text;
    this.serverMessage = init.serverMessage;
  }
}

export interface RateLimitErrorInit extends FailedRequest {
  serverMessage?: string;
  /** The server's last requested wait, in milliseconds, before the cap was applied. */
  retryAfterMs?: number;
}

/** Confluence returned 429 Too Many Requests to every attempt. */
export class RateLimitError extends HttpStatusError {
  override readonly code = 'rate-limited';
  readonly retryAfterMs: number | undefined;

  constructor(init: RateLimitErrorInit) {
    super({ ...init, status: 429, authenticated: true });
    this.retryAfterMs = init.retryAfterMs;
  }
}

export interface NotJsonErrorInit extends FailedRequest {
  status: number;
  /** The response's `Content-Type`, or an empty string when it had none. */
  contentType: string;
  /** Whether the body starts like an HTML document. */
  looksLikeHtml: boolean;
}

/** A successful response carried something other than JSON, typically an HTML login page. */
export class NotJsonError extends RequestError {
  readonly code = 'not-json';
  readonly status: number;
  readonly contentType: string;

  constructor(init: NotJsonErrorInit) {
    const received = init.contentType === '' ? 'a body without a content type' : init.contentType;
    const advice = init.looksLikeHtml
      ? 'this looks like a login page, so a single sign-on proxy responded instead of the REST API. ' +
        'Use an API token or personal access token, or the direct URL of Confluence'
      : 'check that the site URL points at Confluence';
    const message = `${init.method} ${init.url} returned ${init.status} with ${received} instead of JSON: ${advice}`;

    super(message, init);
    this.status = init.status;
    this.contentType = init.contentType;
  }
}

export interface InvalidJsonErrorInit extends FailedRequest {
  status: number;
  /** Body length in bytes. */
  bytes: number;
}

/** A response declared or looked like JSON but did not parse, usually because it was cut off. */
export class InvalidJsonError extends RequestError {
  readonly code = 'invalid-json';
  readonly status: number;
  readonly bytes: number;

  constructor(init: InvalidJsonErrorInit) {
    const message =
      `${init.method} ${init.url} returned invalid JSON (${init.bytes} bytes)${describeAttempts(init.attempts)}: ` +
      'the response was probably cut off by the server or a proxy, so try again later';

    super(message, init);
    this.status = init.status;
    this.bytes = init.bytes;
  }
}

export interface UnexpectedResponseErrorInit extends FailedRequest {
  /** Description of the missing field, such as `a "results" array`. */
  expected: string;
}

/** A JSON response lacked a field that the request needs, such as a listing's `results` array. */
export class UnexpectedResponseError extends RequestError {
  readonly code = 'unexpected-response';
  constructor(init: UnexpectedResponseErrorInit) {
    const message =
      `${init.method} ${init.url} returned JSON without ${init.expected}: ` +
      'check that the path is a listing endpoint of this Confluence version';
    super(message, init);
  }
}

export interface TimeoutErrorInit extends FailedRequest {
  /** Timeout of each attempt, in milliseconds. */
  timeoutMs: number;
}

/** Every attempt of a request ran past the per-attempt timeout. */
export class TimeoutError extends RequestError {
  readonly code = 'timeout';
  readonly timeoutMs: number;

  constructor(init: TimeoutErrorInit) {
    const attempts = init.attempts > 1 ? ` on each of ${init.attempts} attempts` : '';
    const message =
      `${init.method} ${init.url} timed out after ${init.timeoutMs} ms${attempts}: ` +
      'the server is slow or unreachable, so raise the timeout (--timeout, or timeoutMs in the library) or lower the concurrency';

    super(message, init);
    this.timeoutMs = init.timeoutMs;
  }
}

/** Returns what to do about a connection error code from Node.js or undici. */
export function explainNetworkCode(code: string | undefined): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'the connection was refused, so check the host and port in the site URL and that Confluence is running';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name could not be resolved, so check the site URL and the DNS settings';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
    case 'UND_ERR_SOCKET':
      return 'the connection closed before the response was complete. Try again, or lower the concurrency if a proxy drops connections';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connecting timed out, so check the site URL and the network path to the server';
    default:
      break;
  }

  if (code !== undefined && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code)) {
    return (
      'the TLS certificate was rejected. If Confluence uses a company certificate authority, ' +
      'set NODE_EXTRA_CA_CERTS to the file of that CA certificate'
    );
  }
  return 'check the site URL and the network connection';
}

export interface NetworkErrorInit extends FailedRequest {
  /** Error code of the cause, such as `ECONNREFUSED` or `UND_ERR_SOCKET`. */
  causeCode?: string;
  /** Message of the cause, already redacted and on one line. */
  causeMessage?: string;
}

/** The connection failed (refused, reset, DNS or TLS failure) on every attempt. */
export class NetworkError extends RequestError {
  readonly code = 'network';
  readonly causeCode: string | undefined;

  constructor(init: NetworkErrorInit) {
    const failure = init.causeCode ?? init.causeMessage ?? 'a network error';
    // The fetch standard blocks some ports (1, 25, 6000 and others) before connecting.
    const explanation =
      init.causeCode === undefined && init.causeMessage === 'bad port'
        ? 'the port is on the list that fetch refuses to connect to, so serve Confluence on another port'
        : explainNetworkCode(init.causeCode);
    const message = `${init.method} ${init.url} failed with ${failure}${describeAttempts(init.attempts)}: ${explanation}`;

    super(message, init);
    this.causeCode = init.causeCode;
  }
}

export function isHttpStatusError(value: unknown): value is HttpStatusError {
  return value instanceof HttpStatusError;
}

export function isRateLimitError(value: unknown): value is RateLimitError {
  return value instanceof RateLimitError;
}

export function isNotJsonError(value: unknown): value is NotJsonError {
  return value instanceof NotJsonError;
}

export function isInvalidJsonError(value: unknown): value is InvalidJsonError {
  return value instanceof InvalidJsonError;
}

export function isUnexpectedResponseError(value: unknown): value is UnexpectedResponseError {
  return value instanceof UnexpectedResponseError;
}

export function isTimeoutError(value: unknown): value is TimeoutError {
  return value instanceof TimeoutError;
}

export function isNetworkError(value: unknown): value is NetworkError {
  return value instanceof NetworkError;
}
