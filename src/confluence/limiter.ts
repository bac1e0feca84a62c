/**
 * The one place that limits how many requests run at once and how fast they
 * start. Every attempt of every request passes through it, retries included.
 */

export interface LimiterOptions {
  /** Requests in flight at once; a positive integer. */
  concurrency: number;
  /** Request starts per second, at most; unlimited when undefined. */
  maxRps?: number;
  /** Clock in epoch milliseconds; defaults to `Date.now`, which fake timers replace. */
  now?: () => number;
}

/** Throws `RangeError` unless `value` is a positive integer. */
function checkConcurrency(value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`Invalid concurrency ${value}: use a whole number of 1 or more`);
  }
}

/** Throws `RangeError` unless `value` is undefined or a positive finite number. */
function checkMaxRps(value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`Invalid requests-per-second limit ${value}: use a number above 0, or leave it unset`);
  }
}

/**
 * A concurrency limit with an optional requests-per-second ceiling.
 *
 * Starts are spaced at least `1000 / maxRps` ms apart, so there are no bursts:
 * Data Center admins can set limits as low as one request per second. Waiting
 * requests start in arrival order. `pauseUntil` delays every start until a
 * given time. The client calls it when the server requests a wait.
 */
export class RequestLimiter {
  private concurrency: number;
  private intervalMs: number;
  private readonly now: () => number;
  private readonly waiting: Array<() => void> = [];
  private active = 0;
  private lastStartAt = Number.NEGATIVE_INFINITY;
  private pausedUntil = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: LimiterOptions) {
    checkConcurrency(options.concurrency);
    checkMaxRps(options.maxRps);
    this.concurrency = options.concurrency;
    this.intervalMs = options.maxRps === undefined ? 0 : 1000 / options.maxRps;
    this.now = options.now ?? (() => Date.now());
  }

  /** Requests running now. */
  get inFlight(): number {
    return this.active;
  }

  /** Requests waiting to start. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Requests-per-second ceiling, or `undefined` when unlimited. */
  get maxRps(): number | undefined {
    return this.intervalMs === 0 ? undefined : 1000 / this.intervalMs;
  }

  /** Sets the requests-per-second ceiling; `undefined` removes it. Applies to the next start. */
  setMaxRps(maxRps: number | undefined): void {
    checkMaxRps(maxRps);
    this.intervalMs = maxRps === undefined ? 0 : 1000 / maxRps;
    this.reschedule();
  }

  /** Sets the number of requests in flight at once. Running requests are not interrupted. */
  setConcurrency(concurrency: number): void {
    checkConcurrency(concurrency);
    this.concurrency = concurrency;
    this.reschedule();
  }

  /** Delays every start until `epochMs`. A time earlier than the current pause has no effect. */
  pauseUntil(epochMs: number): void {
    if (epochMs > this.pausedUntil) {
      this.pausedUntil = epochMs;
      this.reschedule();
    }
  }

  /** Runs `task` once a slot is free and the rate allows, and frees the slot when it settles. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** Resolves when the caller may start a request. Pair every call with one `release`. */
  acquire(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.drain();
    });
  }

  /** Frees the slot taken by `acquire`. */
  release(): void {
    this.active -= 1;
    this.drain();
  }

  /** Starts waiting requests while slots are free and the rate allows; otherwise sets a timer. */
  private drain(): void {
    while (this.waiting.length > 0 && this.active < this.concurrency) {
      const now = this.now();
      const startAt = Math.max(this.lastStartAt + this.intervalMs, this.pausedUntil);
      if (startAt > now) {
        this.wakeAt(startAt - now);
        return;
      }

      const start = this.waiting.shift();
      this.active += 1;
      this.lastStartAt = now;
      start?.();
    }
  }

  /** Calls `drain` after `delayMs`, unless a timer is already set. */
  private wakeAt(delayMs: number): void {
    if (this.timer !== undefined) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.drain();
    }, Math.ceil(delayMs));
  }

  /** Drops the pending timer, whose time may be out of date, and drains again. */
  private reschedule(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.drain();
  }
}
