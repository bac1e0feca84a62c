import type { RunningSimulator } from '../../src/simulator/index.js';
import type { SpaceModel } from '../space-model.js';

/** A simulated space that every peer crawls. */
export interface BenchTarget {
  simulator: RunningSimulator;
  spaceKey: string;
}

/** Result of one crawl. The simulator counts its requests. */
export interface CrawlOutcome {
  /** Response body bytes received. */
  bytes: number;
  /** Pages (or nodes, for crawls that see folders) the crawl returned. */
  nodes: number;
}

/** One way of fetching a space's tree. */
export interface Peer {
  name: string;
  /** Requests in flight at once, for wall-time estimates of cells that are not run. */
  concurrency: number;
  /** One-line description of the crawl, for the report. */
  description: string;
  crawl(target: BenchTarget): Promise<CrawlOutcome>;
  /** The exact number of requests the crawl sends to this space, from the simulator's expected tree. */
  predictRequests(model: SpaceModel): number;
}
