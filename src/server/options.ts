import type { Credentials } from '../confluence/types.js';
import { InvalidOptionError } from '../fetch/errors.js';
import type { FetchTreeOptions, FlavorChoice } from '../fetch/options.js';

/** Settings of `startServer`, fixed at start-up. No request can change the site or the credentials. */
export interface ServeOptions {
  /** Confluence site URL, as for `fetchSpaceTree`. */
  site: string;
  credentials?: Credentials;
  flavor?: FlavorChoice;
  /** Keys of the spaces the server may fetch. Requests for any other key get 404. */
  spaces: string[];
  /** Address to bind. Default 127.0.0.1. */
  host?: string;
  /** TCP port. Default 0, which picks a free port. */
  port?: number;
  /** How long a fetched tree is served before the next request fetches it again, in milliseconds. Default 300000. */
  maxAgeMs?: number;
  /** HTTP settings of the Confluence client. */
  http?: FetchTreeOptions['http'];
  /** Receives each structured log line, without its line break. Default: write to stderr. */
  log?: (line: string) => void;
}

export const DEFAULT_MAX_AGE_MS = 5 * 60 * 1000;

/** Space keys as `fetchSpaceTree` accepts them: no white space, slashes, `?`, `#`, `%` or control characters. */
const SPACE_KEY = /^[^\s/\\?#%\u0000-\u001f\u007f]{1,255}$/;

/** Throws an InvalidOptionError naming the first invalid setting and how to fix it. */
export function validateServeOptions(options: ServeOptions): void {
  if (options.spaces.length === 0) {
    throw new InvalidOptionError('No spaces given: pass the keys of the spaces to serve, such as --spaces DEV,OPS.');
  }
  for (const key of options.spaces) {
    if (!SPACE_KEY.test(key)) {
      throw new InvalidOptionError(`Invalid space key "${key}": use the key from the space's URL, such as DEV or ~username.`);
    }
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidOptionError(`Invalid port ${port}: use an integer from 0 to 65535 (0 picks a free port).`);
  }
  const maxAge = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  if (!Number.isFinite(maxAge) || maxAge < 0) {
    throw new InvalidOptionError(`Invalid max age ${maxAge} ms: use 0 or more (0 fetches again on every request).`);
  }
}
