/**
 * The planner's cost model: how many listing requests are worth having in
 * flight at once, given the measured round trip, the client's concurrency and
 * the requests-per-second ceiling. See docs/planner.md for the reasoning.
 */

/** Connection facts that the planner has before the listing starts. */
export interface LinkProfile {
  /** Shortest time to response headers of the detection and space lookup requests, in milliseconds. */
  rttMs: number;
  /** Requests the client may have in flight at once. */
  concurrency: number;
  /** Ceiling on request starts per second; undefined when unlimited. */
  maxRps: number | undefined;
}

/**
 * Below this round trip, one sequential listing already runs at the server's
 * own pace: overlapping requests then saves little, while the parallel
 * listings give up the id-ordered endpoint (Data Center) or may cost one
 * extra request (Cloud). The value is a judgement, not a measurement of any
 * server, set well above loopback round trips on a busy machine.
 */
export const MIN_PARALLEL_RTT_MS = 50;

/**
 * Returns how many listing requests are useful in flight at once: 1 for a
 * sequential listing. With a ceiling of `maxRps`, at most `maxRps × rtt`
 * requests can start within one round trip, so more in flight would only
 * wait in the client's limiter.
 */
export function usefulParallelism(link: LinkProfile): number {
  if (link.rttMs < MIN_PARALLEL_RTT_MS || link.concurrency < 2) {
    return 1;
  }
  if (link.maxRps === undefined) {
    return link.concurrency;
  }
  const startsPerRoundTrip = Math.ceil((link.maxRps * link.rttMs) / 1000);
  return Math.max(1, Math.min(link.concurrency, startsPerRoundTrip));
}
