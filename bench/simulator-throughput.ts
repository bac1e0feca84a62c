/**
 * Measures how many requests per second the simulator serves from a
 * 50,000-node space at zero latency, so that benchmarks of conftree measure
 * conftree and not the simulator.
 *
 * The simulator runs in this process (one thread for its JavaScript), and a
 * child process sends a fixed number of requests over loopback with a fixed
 * concurrency, using the light client of `load-http1.ts`. Each row is one kind
 * of request that a crawl sends, repeated over paths spread across the space.
 * The listings are walked once before the measurement, so the measured
 * requests hit warm caches, as repeated crawls do. Every row runs `rounds`
 * times and reports the round with the median requests/s, because the figures
 * vary from run to run on a shared machine.
 *
 * Besides wall-clock figures, each row reports the CPU time (user plus system)
 * of the simulator process per request, so the simulator's own cost can be
 * read apart from the load generator competing for the same cores. The load
 * generator's CPU time is given in percent of one core over the round.
 *
 * Run: npm run bench:simulator -- [requests] [concurrency] [rounds] [filter]
 * Defaults: 20000 requests, 16 connections, 3 rounds and every row. `filter`
 * keeps the rows whose request name contains it, e.g. 'expand=ancestors'.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSimulator, type RunningSimulator, type SimulatorFlavorName } from '../src/simulator/index.js';
import { runLoad, type LoadJob, type LoadResult } from './load-http1.js';

const PAGES = 50_000;

/** Follows a listing's `next` links once and returns every page's path relative to the origin. */
async function listingPaths(sim: RunningSimulator, first: string, authorization: string): Promise<string[]> {
  const paths: string[] = [];
  for (let path: string | undefined = first; path !== undefined; ) {
    paths.push(path);
    const response = await fetch(`${sim.origin}${path}`, { headers: { Authorization: authorization } });
    const body = (await response.json()) as { _links: { next?: string; context?: string } };
    // v2 links start with /wiki; v1 links are relative to the site base, so they need the context path.
    const next = body._links.next;
    path = next === undefined ? undefined : `${body._links.context ?? ''}${next}`;
  }
  return paths;
}

interface RequestKind {
  readonly name: string;
  readonly paths: string[];
}

/** Request kinds of a crawl, each with paths spread over the space. */
async function requestKinds(sim: RunningSimulator, authorization: string): Promise<RequestKind[]> {
  const space = sim.spaces[0]!;
  const ids = sim.expectedTree(space.key).flatMap(function walk(node): string[] {
    return [node.id, ...node.children.flatMap(walk)];
  });
  const sample = ids.filter((_, index) => index % 97 === 0);
  if (sim.flavor === 'cloud') {
    return [
      { name: 'GET spaces/{id}/pages, 250 per page', paths: await listingPaths(sim, `/wiki/api/v2/spaces/${space.id}/pages?depth=all&status=current&limit=250`, authorization) },
      { name: 'GET pages/{id}', paths: sample.map((id) => `/wiki/api/v2/pages/${id}`) },
      { name: 'GET pages/{id}/direct-children', paths: sample.map((id) => `/wiki/api/v2/pages/${id}/direct-children?limit=250`) },
      { name: 'GET pages/{id}/descendants?depth=2', paths: sample.map((id) => `/wiki/api/v2/pages/${id}/descendants?depth=2&limit=250`) },
    ];
  }
  return [
    { name: 'GET content?expand=ancestors, 200 per page', paths: await listingPaths(sim, `/rest/api/content?spaceKey=${space.key}&type=page&expand=ancestors&limit=200`, authorization) },
    { name: 'GET content, 200 per page, no expand', paths: await listingPaths(sim, `/rest/api/content?spaceKey=${space.key}&type=page&limit=200`, authorization) },
    { name: 'GET content/scan, 200 per page', paths: await listingPaths(sim, `/rest/api/content/scan?spaceKey=${space.key}&limit=200`, authorization) },
    { name: 'GET content/{id}?expand=ancestors', paths: sample.map((id) => `/rest/api/content/${id}?expand=ancestors`) },
    { name: 'GET content/{id}/child/page', paths: sample.map((id) => `/rest/api/content/${id}/child/page?limit=200`) },
  ];
}

/** Message from the load client: `started` right before its clock starts, then `result` or `error`. */
type ClientMessage =
  | { readonly kind: 'started' }
  | { readonly kind: 'result'; readonly result: LoadResult }
  | { readonly kind: 'error'; readonly message: string };

interface Round {
  readonly load: LoadResult;
  /** CPU time of this process, which runs the simulator, from the client's start to its result. */
  readonly simulatorCpuSeconds: number;
}

/** Runs one round in a child process, so that the load generator does not share the simulator's thread. */
async function runRound(job: LoadJob): Promise<Round> {
  const client = fork(fileURLToPath(import.meta.url), ['--load-client'], { execArgv: ['--import', 'tsx'] });
  try {
    return await new Promise<Round>((resolve, reject) => {
      let cpuBefore: NodeJS.CpuUsage | undefined;
      client.on('message', (message: ClientMessage) => {
        if (message.kind === 'started') {
          cpuBefore = process.cpuUsage();
        } else if (message.kind === 'result') {
          const cpu = process.cpuUsage(cpuBefore);
          resolve({ load: message.result, simulatorCpuSeconds: (cpu.user + cpu.system) / 1e6 });
        } else {
          reject(new Error(`Load client failed: ${message.message}`));
        }
      });
      client.once('error', reject);
      client.once('exit', (code) => reject(new Error(`Load client exited with code ${code} before sending a result.`)));
      client.send(job);
    });
  } finally {
    client.kill();
  }
}

/** Formats the round with the median requests/s as a table row. The range column spans every round. */
function formatRow(flavor: string, kind: RequestKind, requests: number, rounds: Round[]): string {
  const sorted = [...rounds].sort((a, b) => b.load.seconds - a.load.seconds);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const rate = (round: Round) => Math.round(requests / round.load.seconds);
  const range = `${rate(sorted[0]!)}–${rate(sorted[sorted.length - 1]!)}`;
  const { seconds, bytes, failures, cpuSeconds } = median.load;
  const cells = [
    flavor,
    kind.name,
    String(requests),
    seconds.toFixed(2),
    String(rate(median)),
    range,
    (bytes / requests / 1024).toFixed(1),
    (bytes / 2 ** 20 / seconds).toFixed(1),
    ((median.simulatorCpuSeconds / requests) * 1e6).toFixed(0),
    ((cpuSeconds / seconds) * 100).toFixed(0),
    String(failures),
  ];
  return `| ${cells.join(' | ')} |`;
}

interface Settings {
  readonly requests: number;
  readonly concurrency: number;
  readonly rounds: number;
  /** Substring that selects rows by request name. The empty string selects every row. */
  readonly filter: string;
}

async function measure(flavor: SimulatorFlavorName, settings: Settings): Promise<string[]> {
  const sim = await startSimulator({ flavor, generate: { key: 'BENCH', pages: PAGES, seed: 1, flavor } });
  try {
    const authorization =
      sim.flavor === 'cloud'
        ? `Basic ${Buffer.from(`${sim.credentials.username}:${sim.credentials.apiToken}`).toString('base64')}`
        : `Bearer ${sim.credentials.personalToken}`;
    const rows: string[] = [];
    const kinds = (await requestKinds(sim, authorization)).filter((kind) => kind.name.includes(settings.filter));
    for (const kind of kinds) {
      const job: LoadJob = { paths: kind.paths, origin: sim.origin, authorization, requests: settings.requests, concurrency: settings.concurrency };
      const rounds: Round[] = [];
      for (let round = 0; round < settings.rounds; round++) {
        rounds.push(await runRound(job));
      }
      rows.push(formatRow(flavor, kind, settings.requests, rounds));
    }
    return rows;
  } finally {
    await sim.close();
  }
}

function parseSettings(args: string[]): Settings {
  const [requests, concurrency, rounds] = [args[0] ?? '20000', args[1] ?? '16', args[2] ?? '3'].map(Number) as [number, number, number];
  if (![requests, concurrency, rounds].every((value) => Number.isInteger(value) && value >= 1)) {
    throw new Error(
      `Invalid arguments "${args.join(' ')}". Usage: npm run bench:simulator -- [requests] [concurrency] [rounds] [filter], the first three positive integers.`,
    );
  }
  return { requests, concurrency, rounds, filter: args[3] ?? '' };
}

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  console.log(
    `${PAGES}-node space, ${settings.requests} requests per row, concurrency ${settings.concurrency}, ` +
      `median of ${settings.rounds} rounds, zero latency, Node.js ${process.version}`,
  );
  console.log(
    '| flavor | request | requests | seconds | requests/s | requests/s range | KiB/response | MiB/s | simulator CPU µs/request | load generator CPU % | non-200 |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const flavor of ['cloud', 'dc-9'] as const) {
    for (const row of await measure(flavor, settings)) {
      console.log(row);
    }
  }
}

if (process.argv[2] === '--load-client') {
  process.once('message', (job: LoadJob) => {
    process.send!({ kind: 'started' } satisfies ClientMessage);
    runLoad(job).then(
      (result) => process.send!({ kind: 'result', result } satisfies ClientMessage),
      (error: Error) => process.send!({ kind: 'error', message: error.message } satisfies ClientMessage),
    );
  });
} else {
  await main();
}
