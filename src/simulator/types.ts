/**
 * Public types of the Confluence REST simulator.
 *
 * These describe what the simulator stores and how it is started. They are
 * written from Atlassian's published API documentation and share nothing with
 * the fetcher's own types, so that a misunderstanding is not built into both.
 */

/** API family: Cloud (REST v2 plus the rest of v1) or Server/Data Center (REST v1). */
export type SimulatorFlavor = 'cloud' | 'datacenter';

/** A simulated product: Confluence Cloud, Server 6.4, or a Data Center release. */
export type SimulatorProfileName = 'cloud' | 'server-6.4' | 'dc-7.19' | 'dc-8.5' | 'dc-9';

/** Value of `SimulatorOptions.flavor`: a profile name, or 'datacenter' as an alias of 'dc-9'. */
export type SimulatorFlavorName = SimulatorFlavor | SimulatorProfileName;

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
  /**
   * Permission of the simulated user on the node; default 'visible'. 'hidden'
   * removes the node and its whole subtree from every response. 'unreadable'
   * keeps it in listings, but reading it by id, or listing its children, gives 404.
   */
  access?: NodeAccess;
}

/** Permission of the simulated user on one node. */
export type NodeAccess = 'visible' | 'hidden' | 'unreadable';

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
  /** Flavour whose data shape to imitate; default 'cloud'. Every Server and Data Center profile has the same shape. */
  flavor?: SimulatorFlavorName;
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
  /** Fixed latency in milliseconds added to every response. `latency` replaces it when both are set. */
  latencyMs?: number;
  /** Seed of every random fault; default 1. */
  seed?: number;

  /** Latency added before every response, drawn per request from a distribution. */
  latency?: LatencyDistribution;
  /**
   * Bursts of 429: in every cycle of `every` requests, the last `length` get
   * 429 with `Retry-After: retryAfter` (default "1"), e.g. "9223372036854775807".
   */
  rateLimitBursts?: { every: number; length: number; retryAfter?: string };
  /** Share (0-1) of requests that get a response with one of `statuses` (default 500, 502, 503, 504). */
  serverErrors?: { rate: number; statuses?: number[] };
  /** Share (0-1) of requests whose TCP connection is destroyed before any response byte. */
  connectionResets?: number;
  /** Share (0-1) of requests that never get a response, so the client has to time out. */
  timeouts?: number;
  /** Share (0-1) of responses sent in `chunkBytes` pieces with `delayMs` between them. */
  slowBodies?: { rate: number; chunkBytes: number; delayMs: number };
  /** Share (0-1) of JSON responses cut off halfway, still with status 200. */
  truncatedJson?: number;
  /** Listings: the second page repeats the items of the first, and its `next` link goes on from the real second page. */
  repeatPage?: boolean;
  /** Share (0-1) of nodes whose position is dropped: `"none"` on v1, null on v2. */
  missingPositions?: number;
  /**
   * Content changes while a crawl runs: after `afterRequests` requests, `moves`
   * pages move under another page and `deletes` leaf pages are trashed.
   */
  mutations?: { afterRequests: number; moves?: number; deletes?: number };
}

/** Per-request latency in milliseconds. 'long-tail' is log-normal with the given median and 99th percentile. */
export type LatencyDistribution =
  | { kind: 'fixed'; ms: number }
  | { kind: 'uniform'; minMs: number; maxMs: number }
  | { kind: 'long-tail'; medianMs: number; p99Ms: number };

export interface SimulatorCredentials {
  username: string;
  apiToken: string;
  password: string;
  personalToken: string;
}

export interface SimulatorOptions {
  /** Product profile to imitate. */
  flavor: SimulatorFlavorName;
  /** Loopback address to bind; default 127.0.0.1. Other addresses are rejected. */
  host?: string;
  /** TCP port; default 0, which picks a free port. */
  port?: number;
  /** Data Center only: context path such as '/confluence'; default ''. Ignored on Cloud. */
  contextPath?: string;
  /** Explicit spaces, for example from `loadSpaceFile`. When absent, one generated space is served. */
  spaces?: SpaceDefinition[];
  /**
   * Permissions of the simulated user, applied on top of each node's `access`:
   * ids of nodes hidden with their subtrees, and ids of nodes that are listed
   * but give 404 when read.
   */
  permissions?: { hidden?: string[]; unreadable?: string[] };
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

/**
 * One served request. `query` is the raw query string without '?'. `status`
 * is 0 when no response was sent (a connection reset, or a timeout fault).
 */
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
  /** API family: 'cloud', or 'datacenter' for every Server and Data Center profile. */
  flavor: SimulatorFlavor;
  /** Profile served, e.g. 'dc-8.5'; the alias 'datacenter' resolves to 'dc-9'. */
  profile: SimulatorProfileName;
  /** Product name and version shown in the banner, e.g. 'Confluence Data Center 8.5'. */
  product: string;
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
