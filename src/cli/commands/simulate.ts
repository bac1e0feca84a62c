import { Command, InvalidArgumentError, Option } from 'commander';
import {
  FLAVOR_NAMES,
  formatBanner,
  loadSpaceFile,
  SpaceFileError,
  startSimulator,
  type Faults,
  type SimulatorFlavorName,
  type SpaceDefinition,
} from '../../simulator/index.js';
import {
  parseBursts,
  parseIdList,
  parseIntegerList,
  parseLatency,
  parseMutations,
  parseRate,
  parseSlowBodies,
} from '../../simulator/faults/fault-flags.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import type { CommandOutcome } from '../outcome.js';
import { parsePositiveInteger } from '../parse.js';

interface SimulateFlags {
  port: number;
  host: string;
  flavor: SimulatorFlavorName;
  pages: number;
  seed: number;
  contextPath?: string;
  load?: string;
  hidden?: string[];
  unreadable?: string[];
  faultSeed: number;
  latency?: Faults['latency'];
  rateLimit?: number;
  retryAfter: string;
  rateLimitBursts?: { every: number; length: number };
  serverErrors?: number;
  connectionResets?: number;
  timeouts?: number;
  slowBodies?: Faults['slowBodies'];
  truncatedJson?: number;
  capSequence?: number[];
  ignoreOffset?: boolean;
  duplicateAcrossPages?: boolean;
  repeatPage?: boolean;
  nextPastEnd?: boolean;
  scrambleAncestors?: boolean;
  missingPositions?: number;
  htmlLoginPage?: boolean;
  mutations?: Faults['mutations'];
}

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'];

/** Wraps a simulator value parser so that commander reports its message as an invalid argument. */
function cliParser<T>(parse: (text: string) => T): (text: string) => T {
  return (text) => {
    try {
      return parse(text);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
}

function addFaultOptions(command: Command): Command {
  return command
    .option('--fault-seed <n>', 'seed of every random fault, so a run can be repeated', parsePositiveInteger('--fault-seed', 0), 1)
    .option('--latency <spec>', 'delay before each response, in ms: fixed:MS, uniform:MIN:MAX or long-tail:MEDIAN:P99', cliParser(parseLatency))
    .option('--rate-limit <rps>', 'answer 429 once more than this many requests arrive in one second', parsePositiveInteger('--rate-limit'))
    .option('--retry-after <value>', 'Retry-After header of every 429, in seconds (any text, e.g. 9223372036854775807)', '1')
    .option('--rate-limit-bursts <every:length>', 'in every EVERY requests, answer the last LENGTH with 429', cliParser(parseBursts))
    .option('--server-errors <rate>', 'share (0-1) of requests answered with 500, 502, 503 or 504', cliParser(parseRate('--server-errors')))
    .option('--connection-resets <rate>', 'share (0-1) of requests whose connection is reset before a response', cliParser(parseRate('--connection-resets')))
    .option('--timeouts <rate>', 'share (0-1) of requests that never get a response', cliParser(parseRate('--timeouts')))
    .option('--slow-bodies <rate:bytes:ms>', 'share of responses sent BYTES at a time with MS between chunks', cliParser(parseSlowBodies))
    .option('--truncated-json <rate>', 'share (0-1) of JSON responses cut off halfway, still with status 200', cliParser(parseRate('--truncated-json')))
    .option('--cap-sequence <caps>', 'v1 listings: cap page n at the n-th value, the last one repeating (e.g. 500,200)', cliParser(parseIntegerList('--cap-sequence')))
    .option('--ignore-offset', 'v1 listings: every start returns the first page again, with a next link')
    .option('--duplicate-across-pages', 'listings: each page repeats the last item of the previous page')
    .option('--repeat-page', 'listings: the second page repeats the first page')
    .option('--next-past-end', 'v1 listings: next links go on past the end with empty pages (CONFSERVER-95396)')
    .option('--scramble-ancestors', 'v1: ancestors arrays shuffled, with one entry duplicated')
    .option('--missing-positions <rate>', 'share (0-1) of nodes without a position ("none" on v1, null on v2)', cliParser(parseRate('--missing-positions')))
    .option('--html-login-page', 'answer every request with 200 and an HTML login page')
    .option('--mutations <after:moves:deletes>', 'after AFTER requests, move MOVES pages and trash DELETES leaf pages', cliParser(parseMutations));
}

/** Defines `conftree simulate`: a simulated Confluence until interrupted. */
export function simulateCommand(io: CliIo, done: (outcome: CommandOutcome) => void): Command {
  const command = new Command('simulate')
    .description(
      'Serve a simulated Confluence site on a loopback port until interrupted: a generated space, or the spaces of a --load file, with optional faults. Random faults are seeded by --fault-seed and reproducible for the same request order.',
    )
    .option('--port <port>', 'TCP port; 0 picks a free one', parsePositiveInteger('--port', 0), 0)
    .addOption(new Option('--host <host>', 'loopback address to bind').choices(LOOPBACK_HOSTS).default('127.0.0.1'))
    .addOption(
      new Option('--flavor <flavor>', "simulated product; 'datacenter' is an alias of dc-9").choices([...FLAVOR_NAMES]).default('cloud'),
    )
    .option('--pages <n>', 'number of nodes in the generated space', parsePositiveInteger('--pages'), 300)
    .option('--seed <n>', 'seed of the generated space', parsePositiveInteger('--seed', 0), 1)
    .option('--load <file>', 'serve the spaces of this JSON space file instead of a generated space (format: docs/simulator.md)')
    .option('--context-path <path>', 'Server/Data Center context path, such as /confluence (default: none)')
    .option('--hidden <ids>', 'comma-separated node ids the user cannot see, with their subtrees', cliParser(parseIdList('--hidden')))
    .option('--unreadable <ids>', 'comma-separated node ids that are listed but give 404 when read', cliParser(parseIdList('--unreadable')));
  return addFaultOptions(command).action(async (flags: SimulateFlags) => {
    done(await runSimulate(io, flags));
  });
}

function faultsFrom(flags: SimulateFlags): Faults {
  return {
    seed: flags.faultSeed,
    latency: flags.latency,
    rateLimit: flags.rateLimit === undefined ? undefined : { rps: flags.rateLimit, retryAfter: flags.retryAfter },
    rateLimitBursts: flags.rateLimitBursts && { ...flags.rateLimitBursts, retryAfter: flags.retryAfter },
    serverErrors: flags.serverErrors === undefined ? undefined : { rate: flags.serverErrors },
    connectionResets: flags.connectionResets,
    timeouts: flags.timeouts,
    slowBodies: flags.slowBodies,
    truncatedJson: flags.truncatedJson,
    capSequence: flags.capSequence,
    ignoreOffset: flags.ignoreOffset,
    duplicateAcrossPages: flags.duplicateAcrossPages,
    repeatPage: flags.repeatPage,
    nextPastEnd: flags.nextPastEnd,
    scrambleAncestors: flags.scrambleAncestors,
    missingPositions: flags.missingPositions,
    htmlLoginPage: flags.htmlLoginPage,
    mutations: flags.mutations,
  };
}

/** Returns why `--context-path` cannot be used, or undefined when it can. */
function checkContextPath(contextPath: string | undefined, flavor: string): string | undefined {
  if (contextPath === undefined || contextPath === '') {
    return undefined;
  }
  if (flavor === 'cloud') {
    return `--context-path applies to Server and Data Center only; Cloud always serves under /wiki, so leave it out or choose --flavor datacenter.`;
  }
  if (!/^\/[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*\/?$/.test(contextPath)) {
    return `Invalid --context-path "${contextPath}": use a path that starts with a slash, such as /confluence.`;
  }
  return undefined;
}

async function runSimulate(io: CliIo, flags: SimulateFlags): Promise<CommandOutcome> {
  let spaces: SpaceDefinition[] | undefined;
  try {
    spaces = flags.load === undefined ? undefined : await loadSpaceFile(flags.load);
  } catch (error) {
    if (error instanceof SpaceFileError) {
      io.stderr.write(`conftree: error: ${error.message}\n`);
      return { exitCode: ExitCode.Usage };
    }
    throw error;
  }

  const contextPathError = checkContextPath(flags.contextPath, flags.flavor);
  if (contextPathError !== undefined) {
    io.stderr.write(`conftree: error: ${contextPathError}\n`);
    return { exitCode: ExitCode.Usage };
  }

  let simulator;
  try {
    simulator = await startSimulator({
      flavor: flags.flavor,
      host: flags.host,
      port: flags.port,
      contextPath: flags.contextPath,
      spaces,
      generate: { key: 'DEMO', pages: flags.pages, seed: flags.seed, flavor: flags.flavor },
      permissions: { hidden: flags.hidden, unreadable: flags.unreadable },
      faults: faultsFrom(flags),
    });
  } catch (error) {
    if ((error as Error).message.includes('EADDRINUSE')) {
      io.stderr.write(`conftree: error: Port ${flags.port} on ${flags.host} is already in use: choose another --port, or --port 0 for a free one.\n`);
      return { exitCode: ExitCode.Usage };
    }
    // Invalid space contents (an unknown parent, a cycle) and invalid fault values end here.
    const source = flags.load === undefined ? '' : `${flags.load}: `;
    io.stderr.write(`conftree: error: ${source}${(error as Error).message}\n`);
    return { exitCode: ExitCode.Usage };
  }
  io.stdout.write(`${formatBanner(simulator)}\n`);

  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await simulator.close();
  io.stderr.write('conftree: simulator stopped\n');
  return { exitCode: ExitCode.Ok };
}
