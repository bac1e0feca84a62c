/**
 * Public surface of the HTTP layer. Other folders import from here or from
 * `types.ts`. The remaining files of this folder are internal.
 */
export type {
  ClientOptions,
  ClientStats,
  CollectedListing,
  Credentials,
  JsonResponse,
  ListingEnd,
  ListingOptions,
  ListingPage,
  Logger,
  Query,
  RetryEvent,
  TextResponse,
} from './types.js';

export { ConfluenceClient } from './client.js';
export { CLIENT_DEFAULTS } from './client-settings.js';
export { DEFAULT_MAX_PAGES, collectAll, findNextLink } from './paginate.js';
export { SiteUrl, parseSiteUrl, type SiteUrlParts } from './site-url.js';
export {
  CREDENTIAL_VARIABLES,
  authorizationHeader,
  credentialsFromEnv,
  redactSecrets,
  type CredentialFlags,
} from './auth.js';
export { redactUrl } from './redact.js';
export {
  ConftreeError,
  CredentialsError,
  InvalidSiteUrlError,
  RequestError,
  UrlOutsideSiteError,
  isConftreeError,
  isCredentialsError,
  isInvalidSiteUrlError,
  isRequestError,
  isUrlOutsideSiteError,
} from './errors.js';
export {
  HttpStatusError,
  InvalidJsonError,
  NetworkError,
  NotJsonError,
  RateLimitError,
  TimeoutError,
  UnexpectedResponseError,
  isHttpStatusError,
  isInvalidJsonError,
  isNetworkError,
  isNotJsonError,
  isRateLimitError,
  isTimeoutError,
  isUnexpectedResponseError,
} from './http-errors.js';
export { parseHttpDate, parseRateLimitHeaders, parseRetryAfter, type RateLimitInfo } from './retry-after.js';
export {
  ATTEMPT_TIMEOUT,
  CONNECTION_REFUSED_RETRIES,
  INVALID_JSON,
  INVALID_JSON_RETRIES,
  backoffDelay,
  decideRetry,
  type RetryDecision,
  type RetryInput,
} from './retry-policy.js';
export { RequestLimiter, type LimiterOptions } from './limiter.js';
export { USER_AGENT } from './version.js';
export { nextLinkFromHeader, parseLinkHeader, resolveNextLink, type HeaderLink, type LinkRoot } from '../quirks/next-link.js';
