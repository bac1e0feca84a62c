/**
 * Latency added before every response, drawn per request from a seeded
 * distribution. The n-th request always gets the same delay for one seed.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { MiddlewareHandler } from 'hono';
import { createRandom, deriveSeed } from '../random.js';
import type { LatencyDistribution } from '../types.js';

/** z-score of the 99th percentile of the standard normal distribution. */
const Z_99 = 2.3263;

/** Returns the delay in milliseconds of request number `n` (0-based). */
export function sampleLatency(distribution: LatencyDistribution, seed: number, n: number): number {
  if (distribution.kind === 'fixed') {
    return distribution.ms;
  }
  const random = createRandom(deriveSeed(seed, 'latency', n));
  if (distribution.kind === 'uniform') {
    return distribution.minMs + random.next() * (distribution.maxMs - distribution.minMs);
  }
  // Log-normal: ln(delay) ~ N(ln(median), sigma), with sigma set so that the
  // 99th percentile lands on p99Ms. Box-Muller turns two uniforms into a normal.
  const sigma = Math.log(distribution.p99Ms / distribution.medianMs) / Z_99;
  const normal = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  return distribution.medianMs * Math.exp(sigma * normal);
}

export function createLatencyMiddleware(distribution: LatencyDistribution, seed: number): MiddlewareHandler {
  let n = 0;
  return async (_c, next) => {
    const delay = sampleLatency(distribution, seed, n++);
    if (delay > 0) {
      await sleep(delay);
    }
    await next();
  };
}
