import type { PageRecord } from '../tree/types.js';
import type { SpaceInfo } from './types.js';

/** Result of a listing strategy: the space and its flat records. */
export interface StrategyOutput {
  strategy: string;
  space: SpaceInfo;
  records: PageRecord[];
}
