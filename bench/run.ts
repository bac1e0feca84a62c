/**
 * `npm run bench`: the full fetch benchmark. It prints, and writes to the
 * "## Fetch benchmark" section of BENCHMARKS.md:
 *
 * 1. the request-count table of a default fetch of 10,000 generated nodes;
 * 2. every peer crawl against the same simulated spaces (1k, 10k and 50k
 *    nodes; 0 and 100 ms added latency; Cloud and Data Center), see matrix.ts;
 * 3. build and render throughput of 1,000,000 synthetic records, measured in
 *    a child process so that its peak RSS is its own.
 *
 * Budgets keep the whole run near 15 minutes on a 2-core machine; cells over
 * budget are reported with exact request counts and estimated wall times.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runMatrix, PEERS, type MatrixSettings } from './matrix.js';
import { boundTable, findings, growthTable, matrixTable, speedupTable, throughputTable, writeSection, type ThroughputFigures } from './report.js';
import { requestCountTable } from './request-counts.js';

const COMMAND = 'npm run bench';
const THROUGHPUT_RECORDS = 1_000_000;

function shell(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).trim();
  } catch (error) {
    return `(${command} failed: ${error instanceof Error ? error.message : String(error)})`;
  }
}

function machineDescription(): string[] {
  return [
    '```',
    `$ nproc`,
    shell('nproc', []),
    `$ lscpu | head -20`,
    shell('sh', ['-c', 'lscpu | head -20']),
    `$ node --version`,
    process.version,
    '```',
  ];
}

function loadAverage(): string {
  return shell('sh', ['-c', "cut -d' ' -f1-3 /proc/loadavg"]);
}

/** Child processes of the throughput measurement; the report shows the run with the median build rate. */
const THROUGHPUT_RUNS = 5;

function measureThroughputOnce(): ThroughputFigures {
  const script = fileURLToPath(new URL('./throughput.ts', import.meta.url));
  const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, String(THROUGHPUT_RECORDS)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(output.trim().split('\n').pop() ?? '{}') as ThroughputFigures;
}

/**
 * Runs the throughput measurement several times, because on a shared machine
 * one run's build rate varies by about 15 % either way, and returns the run
 * with the median build rate, with the range over all runs.
 */
function measureThroughput(): ThroughputFigures {
  const runs: ThroughputFigures[] = [];
  for (let run = 0; run < THROUGHPUT_RUNS; run += 1) {
    runs.push(measureThroughputOnce());
  }

  runs.sort((a, b) => a.nodesPerSecond - b.nodesPerSecond);
  const median = runs[Math.floor(runs.length / 2)] as ThroughputFigures;
  return {
    ...median,
    runs: runs.length,
    nodesPerSecondRange: [(runs[0] as ThroughputFigures).nodesPerSecond, (runs[runs.length - 1] as ThroughputFigures).nodesPerSecond],
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = loadAverage();
  const log = (line: string) => console.log(line);

  // First, while this process is still small and no simulator runs.
  log('Build and render throughput (child processes):');
  const throughput = measureThroughput();
  log(JSON.stringify(throughput));

  log('Request counts of a default fetch, 10,000 generated nodes:');
  const counts = await requestCountTable(10_000);
  log(counts.join('\n'));

  const settings: MatrixSettings = {
    sizes: [1_000, 10_000, 50_000],
    latenciesMs: [0, 100],
    flavors: ['cloud', 'datacenter'],
    cellBudgetMs: 40_000,
    repeatBudgetMs: 8_000,
    repeats: 3,
    deadline: started + 13 * 60_000,
  };
  const cells = await runMatrix(settings, log);
  const loadAfter = loadAverage();
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);

  const body = [
    `Command: \`${COMMAND}\` (that is \`tsx bench/run.ts\`), which took ${minutes} minutes.`,
    `Load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter}. Other sessions shared the machine, so wall times are noisy.`,
    '',
    ...machineDescription(),
    '',
    'Every crawl runs in this one process against the same simulated space (seed 1),',
    'served over loopback by the simulator in the same process, with `faults.latencyMs`',
    'added to every response. Requests are counted by the simulator. Wall time is the',
    `median of up to ${settings.repeats} runs (column "runs"). A cell predicted to take more than`,
    `${settings.cellBudgetMs / 1000} s is not run: its request count is exact, computed from the space's`,
    'expected tree, and its wall time is an estimate (est.): the mean time per request',
    'of the largest run cell of the same crawl, flavor and latency, times the requests,',
    'or requests × latency when no such cell ran. "× conftree" divides by conftree\'s',
    'wall time on the same space. N is the number of current pages, L the page size',
    'of the listing (250 on Cloud v2, 200 on Data Center with `expand=ancestors`).',
    '',
    'Crawls:',
    '',
    ...PEERS.map((peer) => `- **${peer.name}**: ${peer.description}.`),
    '',
    '### Findings',
    '',
    ...findings(cells, throughput),
    '',
    '### Requests, bytes and wall time',
    '',
    ...matrixTable(cells),
    '',
    '### conftree against the request bound',
    '',
    'N counts pages only. "other nodes" are Cloud\'s folders, whiteboards, databases',
    'and embeds, which no v2 endpoint lists: conftree finds them with one CQL search',
    'beside the page listing, one request while they fit in one page of search results.',
    '',
    ...boundTable(cells),
    '',
    '### Speed-up over the careful sequential crawl',
    '',
    ...speedupTable(cells),
    '',
    '### How conftree\'s cost grows',
    '',
    ...growthTable(cells),
    '',
    '### Request counts of a default fetch (10,000 nodes, no added latency)',
    '',
    ...counts,
    '',
    '### Build and render throughput',
    '',
    `\`tsx bench/throughput.ts ${THROUGHPUT_RECORDS}\` in a child process with \`--expose-gc\`: a seeded random tree`,
    'of synthetic records, copied through `JSON.parse` one page of 250 at a time, as a',
    'fetch parses a listing, then built with `buildTree` (linking, sibling order, depths)',
    'twice: in id order, the order of conftree\'s listings (Cloud `sort=id`, Data Center',
    '`order by created`), and shuffled. The id-ordered tree is then rendered as text and',
    'CSV to a sink that only counts lines.',
    '',
    ...throughputTable(throughput),
  ];
  log(body.join('\n'));
  writeSection(fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url)), body);
}

await main();
