/**
 * The soak run: many fetches against simulators with random, seeded mixes of
 * injected faults, each checked against the same space fetched by the
 * simulator's own reckoning without faults. A fetch passes when it returns
 * the exact tree, returns `complete: false` with a warning that the injected
 * faults explain, or fails with a conftree error. Any other difference is a
 * silent wrong tree, the failure this run exists to find.
 */
import { isConftreeError } from '../../src/confluence/index.js';
import { fetchSpaceTree } from '../../src/fetch/fetch-space-tree.js';
import type { FetchResult } from '../../src/fetch/types.js';
import { startSimulator, type ExpectedNode, type Faults } from '../../src/simulator/index.js';
import type { TreeNode } from '../../src/tree/types.js';

export type SoakOutcome = 'exact' | 'between-states' | 'flagged' | 'failed-loudly' | 'silent-difference' | 'wrong-reason';

export interface SoakRunResult {
  seed: number;
  flavor: 'cloud' | 'datacenter';
  faults: string[];
  outcome: SoakOutcome;
  detail: string;
  requests: number;
}

/** Small seeded generator (mulberry32), so a failing run can be replayed from its seed. */
function randomFor(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Warning codes that each data fault may legitimately cause. */
const ALLOWED_WARNINGS: Record<string, string[]> = {
  ignoreOffset: ['listing-repeated-page', 'listing-repeated-url', 'listing-total-mismatch'],
  repeatPage: ['listing-repeated-page', 'listing-repeated-url', 'listing-duplicate-ids', 'listing-total-mismatch', 'container-search-incomplete'],
  // A page past the end that holds only the repeated item looks like a repeated page.
  duplicateAcrossPages: ['listing-duplicate-ids', 'listing-repeated-page', 'container-search-incomplete'],
  scrambleAncestors: ['ancestors-disordered'],
  // A failed request can also stop the fallback walk, or the count that confirms it.
  // A search page that failed leaves fewer items than the reported total.
  transport: ['listing-failed', 'listing-total-mismatch', 'container-unreadable', 'container-read-failed', 'container-search-incomplete', 'fallback-incomplete', 'fallback-unconfirmed'],
  // Pages that move or go while the listing runs break its counts and chains.
  mutations: ['ancestors-inconsistent', 'listing-total-mismatch', 'missing-parent', 'parent-uncertain', 'listing-duplicate-ids'],
};

/** Warnings that a listing which stopped early causes in turn. */
const CONSEQUENCES = ['missing-parent', 'parent-uncertain', 'ancestors-missing', 'parents-lost-by-listing'];

interface FaultPlan {
  faults: Faults;
  names: string[];
}

/** Draws a random mix of faults; transport faults are common, data faults rarer. */
function planFaults(random: () => number, flavor: 'cloud' | 'datacenter', seed: number): FaultPlan {
  const faults: Faults = { seed };
  const names: string[] = [];
  const maybe = (chance: number, name: string, apply: () => void) => {
    if (random() < chance) {
      apply();
      names.push(name);
    }
  };

  maybe(0.5, 'serverErrors', () => (faults.serverErrors = { rate: 0.05 + random() * 0.2 }));
  maybe(0.4, 'connectionResets', () => (faults.connectionResets = 0.02 + random() * 0.1));
  maybe(0.3, 'timeouts', () => (faults.timeouts = 0.02 + random() * 0.05));
  maybe(0.4, 'truncatedJson', () => (faults.truncatedJson = 0.02 + random() * 0.1));
  maybe(0.3, 'slowBodies', () => (faults.slowBodies = { rate: 0.2, chunkBytes: 4096, delayMs: 1 }));
  maybe(0.3, 'rateLimitBursts', () => (faults.rateLimitBursts = { every: 5 + Math.floor(random() * 10), length: 2, retryAfter: random() < 0.3 ? '9223372036854775807' : '0' }));
  maybe(0.3, 'latency', () => (faults.latency = { kind: 'uniform', minMs: 0, maxMs: 5 }));
  maybe(0.2, 'duplicateAcrossPages', () => (faults.duplicateAcrossPages = true));
  maybe(0.1, 'repeatPage', () => (faults.repeatPage = true));
  maybe(0.15, 'mutations', () => (faults.mutations = { afterRequests: 1 + Math.floor(random() * 6), moves: 1 + Math.floor(random() * 3), deletes: Math.floor(random() * 3) }));
  maybe(0.2, 'missingPositions', () => (faults.missingPositions = 0.2 + random() * 0.6));
  if (flavor === 'datacenter') {
    maybe(0.3, 'capSequence', () => (faults.capSequence = [50 + Math.floor(random() * 150), 20 + Math.floor(random() * 100)]));
    maybe(0.1, 'ignoreOffset', () => (faults.ignoreOffset = true));
    maybe(0.2, 'nextPastEnd', () => (faults.nextPastEnd = true));
    maybe(0.3, 'scrambleAncestors', () => (faults.scrambleAncestors = true));
  }
  return { faults, names };
}

function shapeOf(nodes: TreeNode[]): ExpectedNode[] {
  return nodes.map((node) => ({ id: node.id, title: node.title, type: node.type, children: shapeOf(node.children) }));
}

function firstDifference(actual: ExpectedNode[], expected: ExpectedNode[], path = ''): string {
  if (actual.length !== expected.length) {
    return `${path || 'top level'}: ${actual.length} children, expected ${expected.length}`;
  }
  for (let index = 0; index < actual.length; index += 1) {
    const got = actual[index]!;
    const want = expected[index]!;
    if (got.id !== want.id || got.title !== want.title || got.type !== want.type) {
      return `${path}/${index}: got ${got.id}, expected ${want.id}`;
    }
    const below = firstDifference(got.children, want.children, `${path}/${got.id}`);
    if (below !== '') {
      return below;
    }
  }
  return '';
}

/** Maps each node id to its parent id (null at the top). */
function parentsOf(nodes: ExpectedNode[], parentId: string | null = null, into = new Map<string, string | null>()): Map<string, string | null> {
  for (const node of nodes) {
    into.set(node.id, parentId);
    parentsOf(node.children, node.id, into);
  }
  return into;
}

/**
 * Checks a tree fetched while the space changed once, from `before` to
 * `after`: every page must sit under a parent it had in one of the two
 * states, and every page present in both states must be there. Confluence
 * offers no snapshot reads, so a crawl that overlaps a change may show some
 * pages before it and others after it. Returns the first violation, or ''.
 */
function betweenStates(actual: ExpectedNode[], before: ExpectedNode[], after: ExpectedNode[]): string {
  const got = parentsOf(actual);
  const old = parentsOf(before);
  const now = parentsOf(after);
  for (const [id, parent] of got) {
    const places = [old, now].filter((state) => state.has(id)).map((state) => state.get(id));
    if (places.length === 0) {
      return `page ${id} is in neither state`;
    }
    if (!places.includes(parent)) {
      return `page ${id} is under ${parent}, which was never its parent`;
    }
  }
  for (const id of old.keys()) {
    if (now.has(id) && !got.has(id)) {
      return `page ${id}, present throughout, is missing`;
    }
  }
  return '';
}

/** Maps each parent id ('' for the top) to its children's ids in order. */
function judge(result: FetchResult, expected: ExpectedNode[], names: string[], after?: ExpectedNode[]): { outcome: SoakOutcome; detail: string } {
  const actual = shapeOf(result.tree.roots);
  const difference = firstDifference(actual, expected);
  const changed = after === undefined ? difference : firstDifference(actual, after);
  if (result.complete) {
    if (difference === '' || changed === '') {
      return { outcome: 'exact', detail: '' };
    }
    const between = after === undefined ? difference : betweenStates(actual, expected, after);
    return between === '' ? { outcome: 'between-states', detail: difference } : { outcome: 'silent-difference', detail: between };
  }

  const allowed = new Set([...ALLOWED_WARNINGS['transport']!, ...names.flatMap((name) => ALLOWED_WARNINGS[name] ?? [])]);
  // A listing that stopped early, or a container read that failed, leaves
  // pages whose parents never arrived, so those warnings follow from it.
  const stopped = (code: string) => code.startsWith('listing-') || code === 'container-read-failed';
  if (result.warnings.some((warning) => stopped(warning.code) && warning.affectsCompleteness)) {
    for (const consequence of CONSEQUENCES) {
      allowed.add(consequence);
    }
  }
  const unexplained = result.warnings.filter((warning) => warning.affectsCompleteness && !allowed.has(warning.code));
  if (unexplained.length > 0) {
    return { outcome: 'wrong-reason', detail: [...new Set(unexplained.map((warning) => warning.code))].join(', ') };
  }
  const codes = result.warnings.filter((warning) => warning.affectsCompleteness).map((warning) => warning.code);
  return { outcome: 'flagged', detail: [...new Set(codes)].join(', ') };
}

/** Runs one seeded fetch under faults and judges it. Every request goes to a simulator on 127.0.0.1. */
export async function soakRun(seed: number): Promise<SoakRunResult> {
  const random = randomFor(seed);
  const flavor = random() < 0.5 ? 'cloud' : 'datacenter';
  const pages = 150 + Math.floor(random() * 900);
  const plan = planFaults(random, flavor, seed);
  const generate = { key: 'SOAK', pages, seed, flavor } as const;

  const simulator = await startSimulator({ flavor, generate, faults: plan.faults, onError: () => undefined });
  // Read before the fetch: positions dropped by a fault are part of the
  // space, while pages moved or deleted by a fault change it mid-crawl.
  const before = simulator.expectedTree('SOAK');
  const credentials =
    flavor === 'cloud'
      ? { kind: 'basic' as const, username: simulator.credentials.username, secret: simulator.credentials.apiToken }
      : { kind: 'bearer' as const, token: simulator.credentials.personalToken };
  const base = { seed, flavor, faults: plan.names } as const;

  try {
    const result = await fetchSpaceTree({
      site: simulator.url,
      spaceKey: 'SOAK',
      credentials,
      http: { timeoutMs: 400, maxAttempts: 8, backoffBaseMs: 2, backoffMaxMs: 20, maxRetryAfterMs: 20 },
    });
    const after = plan.faults.mutations === undefined ? undefined : simulator.expectedTree('SOAK');
    return { ...base, ...judge(result, before, plan.names, after), requests: simulator.requests.length };
  } catch (error) {
    const outcome: SoakOutcome = isConftreeError(error) ? 'failed-loudly' : 'silent-difference';
    return { ...base, outcome, detail: error instanceof Error ? error.message : String(error), requests: simulator.requests.length };
  } finally {
    await simulator.close();
  }
}

/** Runs seeds `first` to `first + count - 1`, `parallel` at a time, and returns every result. */
export async function soak(first: number, count: number, parallel = 4): Promise<SoakRunResult[]> {
  const results: SoakRunResult[] = [];
  let next = first;
  const worker = async () => {
    while (next < first + count) {
      const seed = next;
      next += 1;
      results.push(await soakRun(seed));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return results.sort((a, b) => a.seed - b.seed);
}
