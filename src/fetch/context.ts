import type { ConfluenceClient } from '../confluence/index.js';
import type { Logger } from '../confluence/types.js';
import type { FetchProgress } from './options.js';
import type { FetchWarning } from './types.js';

/** What a listing strategy gets from the planner. */
export interface StrategyContext {
  client: ConfluenceClient;
  spaceKey: string;
  statuses: string[];
  logger: Logger | undefined;
  warn(warning: FetchWarning): void;
  progress(phase: FetchProgress['phase'], nodes: number): void;
}
