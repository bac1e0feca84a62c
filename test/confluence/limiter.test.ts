import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import { RequestLimiter } from '../../src/confluence/index.js';

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}

function deferred(): Deferred {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('RequestLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  test('keeps concurrency', async () => {
    const limiter = new RequestLimiter({ concurrency: 2 });
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];

    const runs = gates.map((gate, index) =>
      limiter.run(async () => {
        started.push(index);
        await gate.promise;
      }),
    );
    await vi.advanceTimersByTimeAsync(0);

    expect(started).toEqual([0, 1]);
    expect(limiter.inFlight).toBe(2);
    expect(limiter.queued).toBe(2);

    gates[1]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1, 2]);

    for (const gate of gates) {
      gate.resolve();
    }
    await Promise.all(runs);
    expect(limiter.inFlight).toBe(0);
  });

  test('spaces starts by maxRps', async () => {
    const limiter = new RequestLimiter({ concurrency: 10, maxRps: 10 });
    const startedAt: number[] = [];

    const runs = Array.from({ length: 5 }, () =>
      limiter.run(async () => {
        startedAt.push(Date.now());
      }),
    );
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all(runs);

    expect(startedAt).toEqual([0, 100, 200, 300, 400]);
  });

  test('setMaxRps changes the spacing', async () => {
    const limiter = new RequestLimiter({ concurrency: 10, maxRps: 1 });
    const startedAt: number[] = [];
    const record = async (): Promise<void> => {
      startedAt.push(Date.now());
    };

    const first = [limiter.run(record), limiter.run(record)];
    await vi.advanceTimersByTimeAsync(0);
    limiter.setMaxRps(4);
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all(first);

    expect(startedAt).toEqual([0, 250]);
    expect(limiter.maxRps).toBe(4);

    limiter.setMaxRps(undefined);
    const rest = [limiter.run(record), limiter.run(record)];
    await vi.advanceTimersByTimeAsync(0);
    await Promise.all(rest);
    expect(startedAt.slice(2)).toEqual([1000, 1000]);
  });

  test('pauseUntil holds starts', async () => {
    const limiter = new RequestLimiter({ concurrency: 4 });
    const startedAt: number[] = [];
    const record = async (): Promise<void> => {
      startedAt.push(Date.now());
    };

    limiter.pauseUntil(500);
    limiter.pauseUntil(200);
    const runs = [limiter.run(record), limiter.run(record)];
    await vi.advanceTimersByTimeAsync(499);
    expect(startedAt).toEqual([]);

    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(runs);
    expect(startedAt).toEqual([500, 500]);
  });

  test('setConcurrency admits waiting requests', async () => {
    const limiter = new RequestLimiter({ concurrency: 1 });
    const gate = deferred();
    const started: number[] = [];

    const runs = [0, 1, 2].map((index) =>
      limiter.run(async () => {
        started.push(index);
        await gate.promise;
      }),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0]);

    limiter.setConcurrency(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1, 2]);

    gate.resolve();
    await Promise.all(runs);
  });

  test('frees the slot when a task throws', async () => {
    const limiter = new RequestLimiter({ concurrency: 1 });

    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(limiter.inFlight).toBe(0);
    await expect(limiter.run(() => Promise.resolve(7))).resolves.toBe(7);
  });

  test.each([0, -1, 1.5, Number.NaN])('rejects concurrency %s', (concurrency) => {
    expect(() => new RequestLimiter({ concurrency })).toThrow(`Invalid concurrency ${concurrency}: use a whole number of 1 or more`);
  });

  test.each([0, -2, Number.POSITIVE_INFINITY, Number.NaN])('rejects maxRps %s', (maxRps) => {
    expect(() => new RequestLimiter({ concurrency: 1, maxRps })).toThrow(`Invalid requests-per-second limit ${maxRps}`);
  });
});
