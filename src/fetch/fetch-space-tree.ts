import { CLIENT_DEFAULTS } from '../confluence/client-settings.js';
import { ConfluenceClient, isHttpStatusError } from '../confluence/index.js';
import type { Logger } from '../confluence/types.js';
import { buildTree, type BuildIssues } from '../tree/build.js';
import { countNodes, selectTree } from '../tree/select.js';
import type { PageRecord, Tree } from '../tree/types.js';
import { fetchCloudSpace } from './cloud/strategy.js';
import type { StrategyContext } from './context.js';
import { fetchDatacenterSpace } from './datacenter/strategy.js';
import { detectFlavor, lookUpSpace, type Detection } from './detect.js';
import { InvalidOptionError, RootNotFoundError, WrongFlavorError } from './errors.js';
import type { FetchProgress, FetchTreeOptions, FlavorChoice } from './options.js';
import { AdaptiveConcurrency } from './plan/adaptive-concurrency.js';
import { usefulParallelism } from './plan/cost-model.js';
import { RoundTripMeter } from './plan/round-trip-meter.js';
import { settleOrphans } from './second-source/settle-orphans.js';
import type { StrategyOutput } from './strategy.js';
import { fetchSubtree, prefersSubtreeWalk } from './subtree.js';
import type { FetchResult, FetchWarning, UnreadableNode } from './types.js';

const SILENT_LOGGER: Logger = { debug() {}, info() {}, warn() {} };

const STATUSES = ['current', 'archived', 'draft', 'trashed'];

const UNREADABLE_CHOICES: readonly string[] = ['keep', 'omit'];

/** Says why each parent that the strategy could not read is missing. */
function explainedParents(output: StrategyOutput): Map<string, string> {
  const explained = new Map(output.explainedParents);
  for (const node of output.unreadable ?? []) {
    explained.set(node.id, `${node.id} could not be read (${node.reason})`);
  }
  return explained;
}

/** Leaves out the unreadable nodes and every record below them. */
function withoutUnreadable(records: PageRecord[], unreadable: UnreadableNode[]): PageRecord[] {
  const left = new Set(unreadable.map((node) => node.id));
  const parentOf = new Map(records.map((record) => [record.id, record.parentId]));
  const isBelowUnreadable = (id: string): boolean => {
    const seen = new Set<string>();
    for (let current: string | null | undefined = id; current != null && !seen.has(current); current = parentOf.get(current)) {
      if (left.has(current)) {
        return true;
      }
      seen.add(current);
    }
    return false;
  };
  return records.filter((record) => !isBelowUnreadable(record.id));
}

function validate(options: FetchTreeOptions): void {
  const key = options.spaceKey;
  if (key.length === 0 || key.length > 255 || /[\s/\\?#%"'\u0000-\u001f\u007f]/.test(key)) {
    throw new InvalidOptionError(`Invalid space key "${key}": use the key from the space's URL, such as DEV or ~username.`);
  }
  if (options.rootId != null && !/^\d+$/.test(options.rootId)) {
    throw new InvalidOptionError(`Invalid root page id "${options.rootId}": use the numeric id from the page's URL, such as 123456.`);
  }
  if (options.unreadable !== undefined && !UNREADABLE_CHOICES.includes(options.unreadable)) {
    throw new InvalidOptionError(`Invalid unreadable "${String(options.unreadable)}": use keep or omit.`);
  }
  if (options.maxDepth != null && (!Number.isSafeInteger(options.maxDepth) || options.maxDepth < 1)) {
    throw new InvalidOptionError(`Invalid depth ${options.maxDepth}: use a whole number of levels, 1 or more.`);
  }
  for (const status of options.statuses ?? []) {
    if (!STATUSES.includes(status)) {
      throw new InvalidOptionError(`Invalid status "${status}": use one of ${STATUSES.join(', ')}.`);
    }
  }
}

/** Names the kind of credentials and the user, never the secret. */
function describeCredentials(credentials: FetchTreeOptions['credentials']): string {
  if (credentials === undefined) {
    return 'none (anonymous access)';
  }
  return credentials.kind === 'basic' ? `Basic authentication as "${credentials.username}"` : 'a Bearer token';
}

/**
 * Runs `step` and, when the user forced a flavor, turns a 404 or 410 from the
 * other API family into an error that suggests `--flavor auto`.
 */
async function withFlavorHint<T>(flavor: FlavorChoice, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (flavor !== 'auto' && isHttpStatusError(error) && (error.status === 404 || error.status === 410)) {
      throw new WrongFlavorError(flavor, error.message);
    }
    throw error;
  }
}

async function runStrategy(context: StrategyContext, detection: Detection, rootId: string | null): Promise<StrategyOutput> {
  const subtree = prefersSubtreeWalk(context, detection, rootId) ? await fetchSubtree(context, detection, rootId) : undefined;
  if (subtree !== undefined) {
    return subtree;
  }
  return detection.flavor === 'cloud' ? fetchCloudSpace(context, detection.space) : fetchDatacenterSpace(context, detection.space);
}

function reportLostParents(lost: string[], warn: (warning: FetchWarning) => void): void {
  if (lost.length === 0) {
    return;
  }
  warn({
    code: 'parents-lost-by-listing',
    message: `The listing lost ${lost.length} pages that other pages name as their parent; a read of each put it back, but pages without children may be lost as well.`,
    affectsCompleteness: true,
    details: { ids: lost },
  });
}

function reportBuildIssues(issues: BuildIssues, tree: Tree, warn: (warning: FetchWarning) => void, explanations?: Map<string, string>): void {
  for (const orphan of tree.orphans) {
    const explanation = explanations?.get(orphan.missingParentId);
    const details: Record<string, unknown> = { id: orphan.node.id, missingParentId: orphan.missingParentId };
    if (explanation !== undefined) {
      details['checkedBy'] = 'page read';
      details['explanation'] = explanation;
    }
    warn({
      code: 'missing-parent',
      message: `Page ${orphan.node.id} ("${orphan.node.title}") names parent ${orphan.missingParentId}, which is not in the listing; it is shown under "parent ${orphan.missingParentId} not found"${explanation === undefined ? '' : `. Checked: ${explanation}`}.`,
      affectsCompleteness: true,
      details,
    });
  }
  if (issues.cycleIds.length > 0) {
    warn({
      code: 'parent-cycle',
      message: `${issues.cycleIds.length} pages name each other as parents in a cycle; each cycle was cut at its smallest id.`,
      affectsCompleteness: true,
      details: { ids: issues.cycleIds },
    });
  }
}

/**
 * Fetches the page tree of one space, or of a subtree, in the fewest
 * requests the site's API allows.
 *
 * Throws a `ConftreeError` when nothing useful can be fetched (bad options,
 * authentication, unknown space). Once listing has started, failures become
 * warnings and the result has `complete: false`, so nothing fetched is lost.
 */
export async function fetchSpaceTree(options: FetchTreeOptions): Promise<FetchResult> {
  validate(options);
  const started = Date.now();
  const logger = options.logger ?? SILENT_LOGGER;
  const userOnRetry = options.http?.onRetry;
  let adaptive: AdaptiveConcurrency | undefined;
  const meter = new RoundTripMeter();
  const client = new ConfluenceClient({
    ...options.http,
    fetch: meter.wrap(options.http?.fetch ?? ((input, init) => globalThis.fetch(input, init))),
    site: options.site,
    credentials: options.credentials,
    logger,
    onRetry: (event) => {
      adaptive?.onRetry(event);
      userOnRetry?.(event);
    },
  });
  const concurrency = options.http?.concurrency ?? CLIENT_DEFAULTS.concurrency;
  adaptive = new AdaptiveConcurrency(client, concurrency, logger);

  const warnings: FetchWarning[] = [];
  let nodes = 0;
  const context: StrategyContext = {
    client,
    spaceKey: options.spaceKey,
    statuses: options.statuses ?? ['current'],
    logger,
    // Warnings are returned in the result rather than logged, so callers
    // decide how to show them.
    warn: (warning) => {
      warnings.push(warning);
    },
    progress: (phase: FetchProgress['phase'], count: number) => {
      nodes = count;
      options.onProgress?.({ phase, nodes: count, requests: client.stats.requests });
    },
    // Replaced by the measured round trip once the space is found.
    link: { rttMs: 0, concurrency, maxRps: options.http?.maxRps },
    adaptive,
  };

  logger.info(`Credentials: ${describeCredentials(options.credentials)}.`);
  context.progress('detect', 0);
  const flavor = options.flavor ?? 'auto';
  const { detection, output } = await withFlavorHint(flavor, async () => {
    const detection = flavor === 'auto' ? await detectFlavor(context) : await lookUpSpace(context, flavor);
    logger.info(`Flavor: ${detection.flavor}, because ${detection.reason}.`);
    context.link = { ...context.link, rttMs: meter.finish() };
    const inFlight = usefulParallelism(context.link);
    logger.info(`Listing plan: up to ${inFlight} ${inFlight === 1 ? 'request' : 'requests'} in flight, for a shortest round trip of ${context.link.rttMs.toFixed(0)} ms.`);
    return { detection, output: await runStrategy(context, detection, options.rootId ?? null) };
  });
  const homepageId = output.space.homepageId ?? null;
  let records = output.records;
  let built = buildTree(records, homepageId);
  const findings = built.tree.orphans.length > 0 ? await settleOrphans(context, detection.flavor, output.space, records, built.tree, explainedParents(output)) : undefined;
  const unreadable = [...(output.unreadable ?? []), ...(findings?.unreadable ?? [])];
  const omit = options.unreadable === 'omit' && unreadable.length > 0;
  if (omit || (findings?.lost.length ?? 0) > 0) {
    records = findings?.records ?? records;
    built = buildTree(omit ? withoutUnreadable(records, unreadable) : records, homepageId);
  }
  reportLostParents(findings?.lost ?? [], context.warn);
  const { tree: fullTree, issues } = built;
  reportBuildIssues(issues, fullTree, context.warn, findings?.explanations);

  const rootId = options.rootId ?? null;
  const maxDepth = options.maxDepth ?? null;
  const tree = selectTree(fullTree, rootId, maxDepth);
  if (tree === undefined) {
    throw new RootNotFoundError(rootId as string, output.space.key);
  }

  // Warnings about parts of the space outside the requested subtree do not
  // make the subtree incomplete, unless the subtree could hide under them.
  const relevant = rootId === null ? warnings : warnings.filter((warning) => warning.code !== 'missing-parent');
  const counts = countNodes(tree);
  context.progress('done', nodes);

  return {
    space: output.space,
    flavor: detection.flavor,
    strategy: output.strategy,
    fallbacks: output.fallbacks ?? [],
    complete: !relevant.some((warning) => warning.affectsCompleteness),
    warnings: relevant,
    stats: {
      nodes: counts.total,
      pages: counts.pages,
      folders: counts.folders,
      requests: client.stats.requests,
      bytes: client.stats.bytes,
      retries: client.stats.retries,
      durationMs: Date.now() - started,
    },
    unreadable,
    fetchedAt: new Date(started).toISOString(),
    rootId,
    maxDepth,
    tree,
  };
}
