/**
 * Local throughput of tree building and rendering, run in a child process of
 * its own so that its peak RSS is not mixed with the simulator's:
 *
 *   tsx bench/throughput.ts [records]     (default 1000000)
 *
 * Prints one JSON object: build and order rates, peak RSS, and text and CSV
 * rendering rates. Records form a seeded random tree, 1 to 40 children per
 * page, manual positions on four groups in five, titles of 10 to 40 characters.
 * They are parsed from JSON pages by `asListed` before the timed part starts,
 * as a fetch would leave them. They are built twice. The first build takes
 * them shuffled, the worst case for memory locality. The second takes them in
 * id order, as conftree's listings return them (Cloud `sort=id`, Data Center
 * `order by created`).
 */
import type { FetchResult } from '../src/fetch/types.js';
import { renderTo } from '../src/render/index.js';
import type { RenderSink } from '../src/render/types.js';
import { buildTree } from '../src/tree/build.js';
import type { PageRecord } from '../src/tree/types.js';

/** Mulberry32, a small seeded generator, so every run builds the same records. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generates `count` records in shuffled order. */
export function syntheticRecords(count: number, seed = 7): PageRecord[] {
  const random = seededRandom(seed);
  const records: PageRecord[] = [];
  const open: string[] = [];
  let parentIndex = 0;
  for (let index = 0; index < count; index += 1) {
    const id = String(100_000 + index);
    let parentId: string | null = null;
    if (index >= 10) {
      parentIndex = Math.min(open.length - 1, parentIndex + (random() < 0.08 ? 1 : 0));
      parentId = open[Math.floor(random() * (parentIndex + 1))] ?? null;
    }
    const manual = parentId === null || Number(parentId) % 5 !== 0;
    const title = `Page ${index.toString(36)} ${'x'.repeat(Math.floor(random() * 30))}`;
    records.push({ id, title, type: 'page', parentId, position: manual ? Math.floor(random() * 1000) : null, status: 'current' });
    open.push(id);
  }
  for (let index = records.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [records[index], records[other]] = [records[other]!, records[index]!];
  }
  return records;
}

/** Returns the records sorted by numeric id, the order of conftree's listings. */
function inIdOrder(records: readonly PageRecord[]): PageRecord[] {
  return [...records].sort((a, b) => Number(a.id) - Number(b.id));
}

/** Builds a tree from `records` and returns it with the seconds the build took. */
function timeBuild(records: PageRecord[]): { tree: ReturnType<typeof buildTree>['tree']; seconds: number } {
  // Collect earlier garbage first, so that it is not charged to the build.
  // Needs `--expose-gc`; without it the build pays for it.
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  const { tree } = buildTree(records, '100000');
  return { tree, seconds: (performance.now() - started) / 1000 };
}

/**
 * Returns copies of `records` made the way a fetch makes them: parsed by
 * `JSON.parse` one listing page at a time, in listing order. Each copy then
 * lies in memory next to the records listed before and after it, and its
 * strings are flat, as the parser makes them. V8 in Node 20 internalizes the
 * parsed strings of up to 10 characters, such as these 6-digit ids, so a
 * parent id is the same string as the parent's id, as after a fetch of such
 * ids. The records of `syntheticRecords` lie in the order they were
 * generated, which the shuffle scatters, and their titles are concatenations.
 * Building from them took 16 to 26 % longer than building from the copies.
 */
export function asListed(records: readonly PageRecord[], pageSize = 250): PageRecord[] {
  const listed: PageRecord[] = [];
  for (let start = 0; start < records.length; start += pageSize) {
    const page = JSON.parse(JSON.stringify(records.slice(start, start + pageSize))) as PageRecord[];
    for (const record of page) {
      listed.push(record);
    }
  }
  return listed;
}

/** Returns a sink that counts lines and bytes and keeps nothing. */
function countingSink(): RenderSink & { lines: number; bytes: number } {
  const sink = {
    lines: 0,
    bytes: 0,
    write(chunk: string) {
      sink.bytes += chunk.length;
      for (let index = chunk.indexOf('\n'); index !== -1; index = chunk.indexOf('\n', index + 1)) {
        sink.lines += 1;
      }
    },
  };
  return sink;
}

function resultOf(tree: ReturnType<typeof buildTree>['tree'], nodes: number): FetchResult {
  return {
    space: { key: 'BENCH', name: 'Benchmark' },
    flavor: 'cloud',
    strategy: 'synthetic',
    fallbacks: [],
    unreadable: [],
    complete: true,
    warnings: [],
    stats: { nodes, pages: nodes, folders: 0, requests: 0, bytes: 0, retries: 0, durationMs: 0 },
    fetchedAt: new Date(0).toISOString(),
    rootId: null,
    maxDepth: null,
    tree,
  };
}

async function renderRate(format: 'text' | 'csv', result: FetchResult): Promise<{ lines: number; linesPerSecond: number }> {
  const sink = countingSink();
  const started = performance.now();
  await renderTo(format, result, sink);
  const seconds = (performance.now() - started) / 1000;
  return { lines: sink.lines, linesPerSecond: Math.round(sink.lines / seconds) };
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 1_000_000);
  const generated = syntheticRecords(count);

  // Each build gets copies parsed in its own order, because the parser lays
  // records out in memory in that order, and that layout is what differs.
  const shuffled = timeBuild(asListed(generated)).seconds;
  // Drop the first copies and tree before making the second, to keep the peak RSS down.
  (globalThis as { gc?: () => void }).gc?.();
  const { tree, seconds: buildSeconds } = timeBuild(asListed(inIdOrder(generated)));

  const result = resultOf(tree, count);
  const text = await renderRate('text', result);
  const csv = await renderRate('csv', result);
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;

  console.log(
    JSON.stringify({
      records: count,
      buildSeconds: Number(buildSeconds.toFixed(3)),
      nodesPerSecond: Math.round(count / buildSeconds),
      shuffled: { buildSeconds: Number(shuffled.toFixed(3)), nodesPerSecond: Math.round(count / shuffled) },
      peakRssMiB: Math.round(peakRssMiB),
      text,
      csv,
    }),
  );
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  await main();
}
