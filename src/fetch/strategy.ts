import type { PageRecord } from '../tree/types.js';
import type { SpaceInfo, UnreadableNode } from './types.js';

/** Result of a listing strategy: the space and its flat records. */
export interface StrategyOutput {
  strategy: string;
  space: SpaceInfo;
  records: PageRecord[];
  /** Fallback sources used, in the order first used; absent when none was needed. */
  fallbacks?: string[];
  unreadable?: UnreadableNode[];
  /** Explanations of missing parents that the strategy tried to read, by parent id. */
  explainedParents?: Map<string, string>;
}
