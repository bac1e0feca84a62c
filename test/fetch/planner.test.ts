import { describe, expect, it } from 'vitest';
import { ConfluenceClient } from '../../src/confluence/index.js';
import { AdaptiveConcurrency } from '../../src/fetch/plan/adaptive-concurrency.js';
import { MIN_PARALLEL_RTT_MS, usefulParallelism } from '../../src/fetch/plan/cost-model.js';
import { estimateGap } from '../../src/fetch/plan/meeting-streams.js';
import { planRanges } from '../../src/fetch/plan/offset-fanout.js';
import type { SimPage, SpaceDefinition } from '../../src/simulator/index.js';
import { fetchFrom, shapeOf, simulate } from '../support/simulator.js';

function flatSpace(key: string, count: number): SpaceDefinition {
  const pages: SimPage[] = [{ id: '1', title: 'Home', parentId: null, position: 0 }];
  for (let index = 0; index < count - 1; index += 1) {
    pages.push({ id: String(1000 + index), title: `Page ${index}`, parentId: '1', position: index });
  }
  return { key, homepageId: '1', pages };
}

describe('cost model', () => {
  it('stays sequential on a fast link', () => {
    expect(usefulParallelism({ rttMs: MIN_PARALLEL_RTT_MS - 1, concurrency: 8, maxRps: undefined })).toBe(1);
  });

  it('uses the concurrency on a slow link', () => {
    expect(usefulParallelism({ rttMs: 100, concurrency: 8, maxRps: undefined })).toBe(8);
  });

  it('caps parallelism at the starts one round trip allows', () => {
    expect(usefulParallelism({ rttMs: 100, concurrency: 8, maxRps: 30 })).toBe(3);
    expect(usefulParallelism({ rttMs: 100, concurrency: 8, maxRps: 1 })).toBe(1);
  });
});

describe('listing plans', () => {
  it('splits offsets into page-sized ranges', () => {
    expect(planRanges(200, 650, 200)).toEqual([
      { start: 200, end: 400 },
      { start: 400, end: 600 },
      { start: 600, end: 650 },
    ]);
    expect(planRanges(200, 200, 200)).toEqual([]);
  });

  it('estimates the items between two streams from id density', () => {
    const ascending = { count: 250, lowestId: 1000, highestId: 1249 };
    const descending = { count: 250, lowestId: 1500, highestId: 1749 };
    expect(estimateGap(1249, 1500, ascending, descending)).toBe(250);
    expect(estimateGap(1249, 1500)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('adaptive concurrency', () => {
  it('halves on a 429 and climbs back after successes', () => {
    const client = new ConfluenceClient({ site: 'http://127.0.0.1:9/wiki', concurrency: 8 });
    const adaptive = new AdaptiveConcurrency(client, 8, undefined);

    adaptive.onRetry({ url: 'http://127.0.0.1:9/wiki/api/v2/spaces', attempt: 1, delayMs: 1000, reason: 'HTTP 429' });
    expect(adaptive.current).toBe(4);
    adaptive.onRetry({ url: 'http://127.0.0.1:9/wiki/api/v2/spaces', attempt: 1, delayMs: 10, reason: 'ECONNRESET' });
    expect(adaptive.current).toBe(4);

    for (let success = 0; success < 4; success += 1) {
      adaptive.onSuccess();
    }
    expect(adaptive.current).toBe(5);
    for (let success = 0; success < 100; success += 1) {
      adaptive.onSuccess();
    }
    expect(adaptive.current).toBe(8);
  });
});

describe('parallel listings under faults', () => {
  const slow = { latencyMs: 60 };

  it('fills the gaps when the cap shrinks mid-listing', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [flatSpace('GAP', 900)], faults: { ...slow, capSequence: [200, 70] } });
    const result = await fetchFrom(simulator, 'GAP');

    expect(result.strategy).toBe('datacenter-search-parallel');
    expect(result.complete).toBe(true);
    expect(result.stats.pages).toBe(900);
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('GAP'));
  });

  it('reads the tree again when the server ignores the offset', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [flatSpace('IGN', 900)], faults: { ...slow, ignoreOffset: true } });
    const result = await fetchFrom(simulator, 'IGN');

    expect(result.complete).toBe(true);
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('IGN'));
    const mismatch = result.warnings.find((warning) => warning.code === 'listing-total-mismatch');
    expect(mismatch?.details).toMatchObject({ recoveredBy: ['children-expand', 'child-listing', 'pagetree-html'] });
    expect(simulator.requests.length).toBeLessThan(20);
  });

  it('keeps each page once when pages overlap', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [flatSpace('DUP', 700)], faults: { ...slow, duplicateAcrossPages: true } });
    const result = await fetchFrom(simulator, 'DUP');

    expect(result.complete).toBe(true);
    expect(result.stats.pages).toBe(700);
    expect(result.warnings.map((warning) => warning.code)).toContain('listing-duplicate-ids');
  });

  it('finishes a two-way cloud listing under 429s', async () => {
    // Every third request is refused, so the 429s do not depend on how fast
    // this machine sends them, as a per-second budget would.
    const rateLimitBursts = { every: 3, length: 1, retryAfter: '1' };
    const simulator = await simulate({ flavor: 'cloud', spaces: [flatSpace('LIM', 1500)], faults: { ...slow, rateLimitBursts } });
    const result = await fetchFrom(simulator, 'LIM', { http: { maxAttempts: 20 } });

    expect(result.complete).toBe(true);
    expect(result.stats.pages).toBe(1500);
    expect(simulator.requests.some((request) => request.status === 429)).toBe(true);
  });

  it('never exceeds --max-rps in parallel', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [flatSpace('RPS', 1500)], faults: { ...slow, rateLimit: { rps: 6 } } });
    const result = await fetchFrom(simulator, 'RPS', { http: { maxRps: 5 } });

    expect(result.complete).toBe(true);
    expect(result.stats.pages).toBe(1500);
    expect(simulator.requests.filter((request) => request.status === 429)).toEqual([]);
  });
});
