import type { ConfluenceClient } from '../confluence/index.js';
import type { Logger } from '../confluence/types.js';
import type { FetchProgress } from './options.js';
import type { AdaptiveConcurrency } from './plan/adaptive-concurrency.js';
import type { LinkProfile } from './plan/cost-model.js';
import type { FetchWarning } from './types.js';

/** Services that the planner gives a listing strategy. */
export interface StrategyContext {
  client: ConfluenceClient;
  spaceKey: string;
  statuses: string[];
  logger: Logger | undefined;
  warn(warning: FetchWarning): void;
  progress(phase: FetchProgress['phase'], nodes: number): void;
  /** Round trip (measured during flavor detection) and limits, for the cost model. */
  link: LinkProfile;
  /** Lowers and raises the concurrency as the server rate-limits; listings report each page to it. */
  adaptive: AdaptiveConcurrency;
}
