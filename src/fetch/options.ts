import type { ClientOptions, Credentials, Logger } from '../confluence/types.js';
import type { Flavor } from './types.js';

export type FlavorChoice = Flavor | 'auto';

/** Progress of a fetch, reported through `onProgress`. */
export interface FetchProgress {
  phase: 'detect' | 'space' | 'listing' | 'containers' | 'done';
  /** Records received so far. */
  nodes: number;
  requests: number;
}

export interface FetchTreeOptions {
  /** Site URL, e.g. `https://example.atlassian.net/wiki` or `https://confluence.example.com/confluence`. */
  site: string;
  spaceKey: string;
  credentials?: Credentials;
  /** API family to use. `auto` probes Cloud REST v2 first. Default `auto`. */
  flavor?: FlavorChoice;
  /** Return only the subtree below this content id. */
  rootId?: string | null;
  /** Keep this many levels, counted from the top of the result; null for all. */
  maxDepth?: number | null;
  /** Content statuses to list. Default `['current']`, which is what the space sidebar shows. */
  statuses?: string[];
  /**
   * What to do with nodes that were listed but could not be read, such as
   * restricted pages whose children return 404: `keep` leaves them in the
   * tree, `omit` leaves them and their subtrees out. Either way they are
   * listed in `FetchResult.unreadable`. Default `keep`.
   */
  unreadable?: 'keep' | 'omit';
  logger?: Logger;
  onProgress?: (progress: FetchProgress) => void;
  /** HTTP settings passed to the client: fetch, timeouts, retries, concurrency, rate. */
  http?: Omit<ClientOptions, 'site' | 'credentials' | 'logger'>;
}
