import { describe, expect, it } from 'vitest';
import { soak } from './soak-run.js';

// A small, fixed share of the full soak (`npm run soak` runs 1,000 seeds).
const FIRST_SEED = 1;
const RUNS = 60;

describe('soak under random faults', () => {
  it(
    'never returns a silently wrong tree',
    async () => {
      const results = await soak(FIRST_SEED, RUNS, 4);
      const silent = results.filter((result) => result.outcome === 'silent-difference');
      const wrongReason = results.filter((result) => result.outcome === 'wrong-reason');

      expect(results).toHaveLength(RUNS);
      expect(silent).toEqual([]);
      expect(wrongReason).toEqual([]);
      expect(results.filter((result) => result.outcome === 'exact').length).toBeGreaterThan(RUNS / 2);
    },
    240_000,
  );
});
