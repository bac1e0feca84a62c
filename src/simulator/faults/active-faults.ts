/**
 * Validated fault settings with defaults filled in.
 */
import type { Faults } from '../types.js';

export interface ActiveFaults {
  readonly capSequence: readonly number[] | null;
  readonly ignoreOffset: boolean;
  readonly duplicateAcrossPages: boolean;
  readonly scrambleAncestors: boolean;
  readonly nextPastEnd: boolean;
  readonly rateLimit: { readonly rps: number; readonly retryAfter: string } | null;
  readonly htmlLoginPage: boolean;
  readonly latencyMs: number;
  readonly seed: number;
}

/** Throws an Error naming the fault when a value is out of range. */
export function resolveFaults(faults: Faults = {}): ActiveFaults {
  const capSequence = faults.capSequence ?? null;
  if (capSequence !== null && (capSequence.length === 0 || !capSequence.every((cap) => Number.isInteger(cap) && cap > 0))) {
    throw new Error(`Invalid faults.capSequence ${JSON.stringify(capSequence)}: use a non-empty list of positive integers.`);
  }
  const rateLimit = faults.rateLimit ?? null;
  if (rateLimit !== null && !(Number.isInteger(rateLimit.rps) && rateLimit.rps > 0)) {
    throw new Error(`Invalid faults.rateLimit.rps ${rateLimit.rps}: use a positive integer.`);
  }
  const latencyMs = faults.latencyMs ?? 0;
  if (!(Number.isFinite(latencyMs) && latencyMs >= 0)) {
    throw new Error(`Invalid faults.latencyMs ${latencyMs}: use a number of milliseconds >= 0.`);
  }

  return {
    capSequence: capSequence === null ? null : [...capSequence],
    ignoreOffset: faults.ignoreOffset ?? false,
    duplicateAcrossPages: faults.duplicateAcrossPages ?? false,
    scrambleAncestors: faults.scrambleAncestors ?? false,
    nextPastEnd: faults.nextPastEnd ?? false,
    rateLimit: rateLimit === null ? null : { rps: rateLimit.rps, retryAfter: rateLimit.retryAfter ?? '1' },
    htmlLoginPage: faults.htmlLoginPage ?? false,
    latencyMs,
    seed: faults.seed ?? 1,
  };
}
