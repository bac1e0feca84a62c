import { credentialsFromEnv } from '../confluence/index.js';
import type { ClientOptions, Credentials, Logger } from '../confluence/types.js';
import { InvalidOptionError } from '../fetch/errors.js';
import type { FlavorChoice } from '../fetch/options.js';
import type { CliIo } from './io.js';

export interface ConnectionFlags {
  site?: string;
  user?: string;
  apiToken?: string;
  password?: string;
  personalToken?: string;
  flavor?: FlavorChoice;
}

export interface HttpFlags {
  concurrency?: number;
  maxRps?: number;
  timeout?: number;
  retries?: number;
}

export interface Connection {
  site: string;
  credentials: Credentials | undefined;
}

/**
 * Resolves the site and credentials from flags first, then from the
 * environment variables that other Confluence tools use too.
 */
export function resolveConnection(env: CliIo['env'], flags: ConnectionFlags): Connection {
  const site = flags.site ?? env['CONFLUENCE_URL'];
  if (site === undefined || site.trim() === '') {
    throw new InvalidOptionError('No Confluence site given: pass --site URL or set CONFLUENCE_URL, e.g. https://example.atlassian.net/wiki.');
  }

  const merged: Record<string, string | undefined> = {
    ...env,
    CONFLUENCE_USERNAME: flags.user ?? env['CONFLUENCE_USERNAME'],
    CONFLUENCE_API_TOKEN: flags.apiToken ?? env['CONFLUENCE_API_TOKEN'],
    CONFLUENCE_PASSWORD: flags.password ?? env['CONFLUENCE_PASSWORD'],
    CONFLUENCE_PERSONAL_TOKEN: flags.personalToken ?? env['CONFLUENCE_PERSONAL_TOKEN'],
  };
  return { site: site.trim(), credentials: credentialsFromEnv(merged) };
}

/**
 * Maps the HTTP flags to client options. `retryLogger` receives one line per
 * retry, for callers that do not pass a logger to the client itself.
 */
export function httpSettings(flags: HttpFlags, io: CliIo, retryLogger?: Logger): Omit<ClientOptions, 'site' | 'credentials' | 'logger'> {
  const settings: Omit<ClientOptions, 'site' | 'credentials' | 'logger'> = {
    concurrency: flags.concurrency ?? 8,
    timeoutMs: (flags.timeout ?? 30) * 1000,
    maxAttempts: (flags.retries ?? 5) + 1,
  };
  if (retryLogger !== undefined) {
    settings.onRetry = (event) => retryLogger.info(`Retrying in ${Math.round(event.delayMs)} ms (attempt ${event.attempt}): ${event.reason}`, { url: event.url });
  }
  if (flags.maxRps !== undefined) {
    settings.maxRps = flags.maxRps;
  }
  if (io.fetch !== undefined) {
    settings.fetch = io.fetch;
  }
  return settings;
}
