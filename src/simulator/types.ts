/**
 * Public types of the Confluence REST simulator.
 *
 * These describe what the simulator stores and how it is started. They are
 * written from Atlassian's published API documentation and share nothing with
 * the fetcher's own types, so that a misunderstanding is not built into both.
 */

export type SimulatorFlavor = 'cloud' | 'datacenter';

/** Content type of a node in a space's hierarchy. */
export type NodeType = 'page' | 'folder' | 'whiteboard' | 'database' | 'embed';

/** Content status of a node. */
export type NodeStatus = 'current' | 'archived' | 'draft' | 'trashed';

/** One node of a space as the simulator stores it. */
export interface SimPage {
  /** Numeric string, unique across every space of one simulator. */
  id: string;
  title: string;
  /** Content type; default 'page'. */
  type?: NodeType;
  /** Parent node id, or null for the top level of the space. */
  parentId: string | null;
  /** Manual position among siblings; null or undefined means none (`"none"` on v1). */
  position?: number | null;
  /** Content status; default 'current'. */
  status?: NodeStatus;
}

/** An explicit space: its key, optional metadata and its nodes. */
export interface SpaceDefinition {
  key: string;
  /** Display name; default `KEY space`. */
  name?: string;
  /** Numeric space id; default derived from the space's index. */
  id?: string;
  /**
   * Home page id. Undefined picks the first current top-level page in display
   * order, and null means the space has no home page.
   */
  homepageId?: string | null;
  pages: SimPage[];
}

/** Options of `generateSpace`. */
export interface GenerateOptions {
  /** Space key; default 'DEMO'. */
  key?: string;
  /** Number of nodes in total, folders, whiteboards, databases and embeds included. */
  pages: number;
  /** PRNG seed; default 1. */
  seed?: number;
  /** Flavour whose data shape to imitate; default 'cloud'. */
  flavor?: SimulatorFlavor;
}

/**
 * Faults the simulator plays on purpose. Each one reproduces a failure that
 * clients of real Confluence servers have met.
 */
export interface Faults {
  /**
   * v1 listings, `content/scan` included: the n-th page of a listing is capped
   * at `capSequence[min(n, length - 1)]` items. Every entry must be a positive integer.
   */
  capSequence?: number[];
  /** v1 offset listings: every `start` returns the first page again, still with a `next` link. */
  ignoreOffset?: boolean;
  /** Listings: each page after the first also repeats the last item of the previous page. */
  duplicateAcrossPages?: boolean;
  /** v1: `ancestors` arrays are shuffled (seeded per content id) and one entry is duplicated. */
  scrambleAncestors?: boolean;
  /**
   * v1 offset listings: the last page still has a `next` link, which returns
   * empty pages with `next` links until the third empty page (CONFSERVER-95396).
   */
  nextPastEnd?: boolean;
  /**
   * Respond with 429 once more than `rps` requests arrive in the current 1 s
   * window. `retryAfter` is the `Retry-After` header value (default "1").
   */
  rateLimit?: { rps: number; retryAfter?: string };
  /** Every request gets 200 text/html with an SSO login page. */
  htmlLoginPage?: boolean;
  /** Fixed latency in milliseconds added to every response. */
  latencyMs?: number;
  /** Seed of every random fault; default 1. */
  seed?: number;
}

export interface SimulatorCredentials {
  username: string;
  apiToken: string;
  password: string;
  personalToken: string;
}

export interface SimulatorOptions {
  flavor: SimulatorFlavor;
  /** Loopback address to bind; default 127.0.0.1. Other addresses are rejected. */
  host?: string;
  /** TCP port; default 0, which picks a free port. */
  port?: number;
  /** Data Center only: context path such as '/confluence'; default ''. Ignored on Cloud. */
  contextPath?: string;
  /** Explicit spaces. When absent, one generated space is served. */
  spaces?: SpaceDefinition[];
  /** Generated space; default `{ key: 'DEMO', pages: 300, seed: 1 }` in the simulator's flavour. */
  generate?: GenerateOptions;
  faults?: Faults;
  /** Accepted credentials; each missing value gets a fixed default. */
  credentials?: Partial<SimulatorCredentials>;
  /**
   * Receives every unexpected error that a handler throws, and the client gets a 500 response.
   * Default: print the error to stderr.
   */
  onError?: (error: unknown, request: { method: string; path: string }) => void;
}

/** One served request. `query` is the raw query string without '?'. */
export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  status: number;
}

/** A node of the tree that a correct fetcher should produce. */
export interface ExpectedNode {
  id: string;
  title: string;
  type: string;
  children: ExpectedNode[];
}

export interface SimulatorSpaceSummary {
  key: string;
  id: string;
  name: string;
  homepageId: string | null;
  /** Number of nodes in `expectedTree(key)` with the default status filter. */
  visibleCount: number;
}

export interface RunningSimulator {
  /** Site URL for CONFLUENCE_URL: Cloud `ORIGIN/wiki`, Data Center `ORIGIN` plus the context path. */
  url: string;
  /** Scheme, host and port, e.g. 'http://127.0.0.1:41234'. */
  origin: string;
  flavor: SimulatorFlavor;
  spaces: SimulatorSpaceSummary[];
  credentials: SimulatorCredentials;
  /** Every request served, in order. `resetLog` empties this same array. */
  requests: RequestLogEntry[];
  resetLog(): void;
  /**
   * Returns the roots of a space's tree in Confluence display order. Only nodes
   * with one of `statuses` (default ['current']) count, and a node whose parent
   * is excluded is excluded too. Throws for an unknown space key.
   */
  expectedTree(spaceKey: string, opts?: { statuses?: string[] }): ExpectedNode[];
  close(): Promise<void>;
}
