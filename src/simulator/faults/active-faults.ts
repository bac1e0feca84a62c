/**
 * Validated fault settings with defaults filled in.
 */
import type { Faults, LatencyDistribution } from '../types.js';

export interface ActiveFaults {
  readonly capSequence: readonly number[] | null;
  readonly ignoreOffset: boolean;
  readonly duplicateAcrossPages: boolean;
  readonly scrambleAncestors: boolean;
  readonly nextPastEnd: boolean;
  readonly rateLimit: { readonly rps: number; readonly retryAfter: string } | null;
  readonly htmlLoginPage: boolean;
  /** `faults.latency`, or `faults.latencyMs` as a fixed distribution; null for none. */
  readonly latency: LatencyDistribution | null;
  readonly seed: number;
  readonly rateLimitBursts: { readonly every: number; readonly length: number; readonly retryAfter: string } | null;
  readonly serverErrors: { readonly rate: number; readonly statuses: readonly number[] } | null;
  readonly connectionResets: number;
  readonly timeouts: number;
  readonly slowBodies: { readonly rate: number; readonly chunkBytes: number; readonly delayMs: number } | null;
  readonly truncatedJson: number;
  readonly repeatPage: boolean;
  readonly missingPositions: number;
  readonly mutations: { readonly afterRequests: number; readonly moves: number; readonly deletes: number } | null;
}

const SERVER_ERROR_STATUSES = [500, 502, 503, 504];

function invalid(name: string, value: unknown, fix: string): Error {
  return new Error(`Invalid faults.${name} ${JSON.stringify(value)}: ${fix}.`);
}

function rate(name: string, value: number | undefined): number {
  const result = value ?? 0;
  if (!(Number.isFinite(result) && result >= 0 && result <= 1)) {
    throw invalid(name, value, 'use a share from 0 to 1, such as 0.05');
  }
  return result;
}

function nonNegative(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw invalid(name, value, 'use a number >= 0');
  }
  return value;
}

function positiveInteger(name: string, value: number): number {
  if (!(Number.isInteger(value) && value > 0)) {
    throw invalid(name, value, 'use a positive integer');
  }
  return value;
}

function resolveLatency(faults: Faults): LatencyDistribution | null {
  const latency = faults.latency;
  if (latency === undefined) {
    const ms = nonNegative('latencyMs', faults.latencyMs ?? 0);
    return ms > 0 ? { kind: 'fixed', ms } : null;
  }
  if (latency.kind === 'fixed') {
    nonNegative('latency.ms', latency.ms);
  } else if (latency.kind === 'uniform') {
    nonNegative('latency.minMs', latency.minMs);
    if (!(latency.maxMs >= latency.minMs)) {
      throw invalid('latency.maxMs', latency.maxMs, `use a number >= minMs (${latency.minMs})`);
    }
  } else if (latency.kind === 'long-tail') {
    if (!(latency.medianMs > 0)) {
      throw invalid('latency.medianMs', latency.medianMs, 'use a number > 0');
    }
    if (!(latency.p99Ms >= latency.medianMs)) {
      throw invalid('latency.p99Ms', latency.p99Ms, `use a number >= medianMs (${latency.medianMs})`);
    }
  } else {
    throw invalid('latency.kind', (latency as { kind: unknown }).kind, "use 'fixed', 'uniform' or 'long-tail'");
  }
  return { ...latency };
}

function resolveServerErrors(faults: Faults): ActiveFaults['serverErrors'] {
  if (faults.serverErrors === undefined) {
    return null;
  }
  const statuses = faults.serverErrors.statuses ?? SERVER_ERROR_STATUSES;
  if (statuses.length === 0 || !statuses.every((status) => Number.isInteger(status) && status >= 500 && status <= 599)) {
    throw invalid('serverErrors.statuses', statuses, 'use a non-empty list of 5xx status codes');
  }
  return { rate: rate('serverErrors.rate', faults.serverErrors.rate), statuses: [...statuses] };
}

function resolveBursts(faults: Faults): ActiveFaults['rateLimitBursts'] {
  const bursts = faults.rateLimitBursts;
  if (bursts === undefined) {
    return null;
  }
  positiveInteger('rateLimitBursts.every', bursts.every);
  positiveInteger('rateLimitBursts.length', bursts.length);
  if (bursts.length >= bursts.every) {
    throw invalid('rateLimitBursts.length', bursts.length, `use a value below every (${bursts.every}), or no request would succeed`);
  }
  return { every: bursts.every, length: bursts.length, retryAfter: bursts.retryAfter ?? '1' };
}

function resolveSlowBodies(faults: Faults): ActiveFaults['slowBodies'] {
  const slow = faults.slowBodies;
  if (slow === undefined) {
    return null;
  }
  return {
    rate: rate('slowBodies.rate', slow.rate),
    chunkBytes: positiveInteger('slowBodies.chunkBytes', slow.chunkBytes),
    delayMs: nonNegative('slowBodies.delayMs', slow.delayMs),
  };
}

function resolveMutations(faults: Faults): ActiveFaults['mutations'] {
  const mutations = faults.mutations;
  if (mutations === undefined) {
    return null;
  }
  const moves = mutations.moves ?? 0;
  const deletes = mutations.deletes ?? 0;
  if (!Number.isInteger(mutations.afterRequests) || mutations.afterRequests < 0) {
    throw invalid('mutations.afterRequests', mutations.afterRequests, 'use an integer >= 0');
  }
  if (!Number.isInteger(moves) || moves < 0 || !Number.isInteger(deletes) || deletes < 0) {
    throw invalid('mutations', mutations, 'use integers >= 0 for moves and deletes');
  }
  return { afterRequests: mutations.afterRequests, moves, deletes };
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
  const seed = faults.seed ?? 1;
  if (!Number.isInteger(seed)) {
    throw invalid('seed', seed, 'use an integer');
  }

  return {
    capSequence: capSequence === null ? null : [...capSequence],
    ignoreOffset: faults.ignoreOffset ?? false,
    duplicateAcrossPages: faults.duplicateAcrossPages ?? false,
    scrambleAncestors: faults.scrambleAncestors ?? false,
    nextPastEnd: faults.nextPastEnd ?? false,
    rateLimit: rateLimit === null ? null : { rps: rateLimit.rps, retryAfter: rateLimit.retryAfter ?? '1' },
    htmlLoginPage: faults.htmlLoginPage ?? false,
    latency: resolveLatency(faults),
    seed,
    rateLimitBursts: resolveBursts(faults),
    serverErrors: resolveServerErrors(faults),
    connectionResets: rate('connectionResets', faults.connectionResets),
    timeouts: rate('timeouts', faults.timeouts),
    slowBodies: resolveSlowBodies(faults),
    truncatedJson: rate('truncatedJson', faults.truncatedJson),
    repeatPage: faults.repeatPage ?? false,
    missingPositions: rate('missingPositions', faults.missingPositions),
    mutations: resolveMutations(faults),
  };
}
