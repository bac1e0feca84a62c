/**
 * Measures how many requests per second the simulator serves from a
 * 50,000-node space at zero latency, so that benchmarks of conftree measure
 * conftree and not the simulator.
 *
 * The simulator runs in this process (one thread for its JavaScript), and a
 * child process sends a fixed number of requests over loopback with a fixed
 * concurrency. Each row is one kind of request that a crawl sends, repeated
 * over paths spread across the space. The listings are walked once before
 * the measurement, so the measured requests hit warm caches, as repeated crawls do.
 *
 * Run: npm run bench:simulator -- [requests] [concurrency]   (defaults 20000 and 16)
 */
import { fork } from 'node:child_process';
import { Agent, get as httpGet } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startSimulator, type RunningSimulator, type SimulatorFlavorName } from '../src/simulator/index.js';

const PAGES = 50_000;

interface LoadJob {
  readonly paths: string[];
  readonly origin: string;
  readonly authorization: string;
  readonly requests: number;
  readonly concurrency: number;
}

interface LoadResult {
  readonly seconds: number;
  readonly bytes: number;
  readonly failures: number;
}

/** GETs one path on a keep-alive connection and returns the status and body size. */
function get(agent: Agent, origin: URL, path: string, authorization: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const request = httpGet({ host: origin.hostname, port: origin.port, path, agent, headers: { Authorization: authorization } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** Sends `job.requests` requests with `job.concurrency` keep-alive connections. node:http is used because it costs the client less CPU than fetch. */
async function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const origin = new URL(job.origin);
  let next = 0;
  let bytes = 0;
  let failures = 0;
  const started = performance.now();
  const lane = async () => {
    for (let index = next++; index < job.requests; index = next++) {
      const result = await get(agent, origin, job.paths[index % job.paths.length]!, job.authorization);
      bytes += result.bytes;
      if (result.status !== 200) {
        failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, lane));
  agent.destroy();
  return { seconds: (performance.now() - started) / 1000, bytes, failures };
}

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

async function runClient(job: LoadJob): Promise<LoadResult> {
  const client = fork(fileURLToPath(import.meta.url), ['--load-client'], { execArgv: ['--import', 'tsx'] });
  try {
    return await new Promise<LoadResult>((resolve, reject) => {
      client.once('message', (message) => resolve(message as LoadResult));
      client.once('error', reject);
      client.send(job);
    });
  } finally {
    client.kill();
  }
}

async function measure(flavor: SimulatorFlavorName, requests: number, concurrency: number): Promise<string[]> {
  const sim = await startSimulator({ flavor, generate: { key: 'BENCH', pages: PAGES, seed: 1, flavor } });
  try {
    const authorization =
      sim.flavor === 'cloud'
        ? `Basic ${Buffer.from(`${sim.credentials.username}:${sim.credentials.apiToken}`).toString('base64')}`
        : `Bearer ${sim.credentials.personalToken}`;
    const rows: string[] = [];
    for (const kind of await requestKinds(sim, authorization)) {
      const result = await runClient({ paths: kind.paths, origin: sim.origin, authorization, requests, concurrency });
      const rps = Math.round(requests / result.seconds);
      const kib = result.bytes / requests / 1024;
      const mib = result.bytes / 2 ** 20 / result.seconds;
      rows.push(`| ${flavor} | ${kind.name} | ${requests} | ${result.seconds.toFixed(2)} | ${rps} | ${kib.toFixed(1)} | ${mib.toFixed(1)} | ${result.failures} |`);
    }
    return rows;
  } finally {
    await sim.close();
  }
}

async function main(): Promise<void> {
  const requests = Number(process.argv[2] ?? 20_000);
  const concurrency = Number(process.argv[3] ?? 16);
  if (!Number.isInteger(requests) || requests < 1 || !Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error('Usage: npm run bench:simulator -- [requests] [concurrency], both positive integers.');
  }
  console.log(`${PAGES}-node space, ${requests} requests per row, concurrency ${concurrency}, zero latency`);
  console.log('| flavor | request | requests | seconds | requests/s | KiB/response | MiB/s | non-200 |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const flavor of ['cloud', 'dc-9'] as const) {
    for (const row of await measure(flavor, requests, concurrency)) {
      console.log(row);
    }
  }
}

if (process.argv[2] === '--load-client') {
  process.once('message', async (job) => {
    process.send!(await runLoad(job as LoadJob));
  });
} else {
  await main();
}
