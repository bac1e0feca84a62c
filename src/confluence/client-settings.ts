/** Defaults and range checks of `ClientOptions`. Internal to the HTTP layer. */
import type { ClientOptions } from './types.js';

/** Defaults of `ClientOptions`, in milliseconds where the name says so. */
export const CLIENT_DEFAULTS = {
  timeoutMs: 30_000,
  maxAttempts: 6,
  maxRetryAfterMs: 60_000,
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
  concurrency: 8,
} as const;

/** Client options after defaults are filled in. */
export type ClientSettings = Required<Omit<ClientOptions, 'site' | 'credentials' | 'logger' | 'onRetry' | 'maxRps' | 'fetch'>>;

/** Throws `RangeError` unless `value` is a finite number of at least `min`. */
function checkNumber(name: string, value: number, min: number, integer = false): void {
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    const kind = integer ? 'a whole number' : 'a number';
    throw new RangeError(`Invalid ${name} ${value}: use ${kind} of ${min} or more`);
  }
}

/** Returns the client settings with defaults filled in, after checking their ranges. */
export function resolveSettings(options: ClientOptions): ClientSettings {
  const settings: ClientSettings = {
    timeoutMs: options.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs,
    maxAttempts: options.maxAttempts ?? CLIENT_DEFAULTS.maxAttempts,
    maxRetryAfterMs: options.maxRetryAfterMs ?? CLIENT_DEFAULTS.maxRetryAfterMs,
    backoffBaseMs: options.backoffBaseMs ?? CLIENT_DEFAULTS.backoffBaseMs,
    backoffMaxMs: options.backoffMaxMs ?? CLIENT_DEFAULTS.backoffMaxMs,
    concurrency: options.concurrency ?? CLIENT_DEFAULTS.concurrency,
    random: options.random ?? Math.random,
  };

  checkNumber('timeoutMs', settings.timeoutMs, 1);
  checkNumber('maxAttempts', settings.maxAttempts, 1, true);
  checkNumber('maxRetryAfterMs', settings.maxRetryAfterMs, 0);
  checkNumber('backoffBaseMs', settings.backoffBaseMs, 0);
  checkNumber('backoffMaxMs', settings.backoffMaxMs, 0);
  return settings;
}
