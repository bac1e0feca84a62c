/**
 * For generated spaces of each flavor, how many requests a default fetch
 * needs against the lower bound ceil(N / L), where N is the number of listed
 * pages and L the page size the listing endpoint serves. `npm run bench`
 * prints this table; to print it alone:
 *
 *   tsx bench/request-counts.ts [pages]   (default 10000)
 */
import { fetchSpaceTree } from '../src/fetch/fetch-space-tree.js';
import { startSimulator, type SimulatorFlavor } from '../src/simulator/index.js';

const PAGE_SIZE: Record<SimulatorFlavor, number> = { cloud: 250, datacenter: 200 };

export const REQUEST_COUNT_HEADER = [
  '| flavor | nodes | pages listed N | page size L | ceil(N/L) | requests | extra | bytes/node | ms | complete |',
  '|---|---|---|---|---|---|---|---|---|---|',
];

async function measure(flavor: SimulatorFlavor, pages: number): Promise<string> {
  const simulator = await startSimulator({ flavor, generate: { key: 'BENCH', pages, seed: 1, flavor } });
  try {
    const credentials =
      flavor === 'cloud'
        ? { kind: 'basic' as const, username: simulator.credentials.username, secret: simulator.credentials.apiToken }
        : { kind: 'bearer' as const, token: simulator.credentials.personalToken };
    const result = await fetchSpaceTree({ site: simulator.url, spaceKey: 'BENCH', credentials });

    const listed = result.stats.pages;
    const bound = Math.ceil(listed / PAGE_SIZE[flavor]);
    const cells = [
      flavor,
      result.stats.nodes,
      listed,
      PAGE_SIZE[flavor],
      bound,
      result.stats.requests,
      result.stats.requests - bound,
      (result.stats.bytes / result.stats.nodes).toFixed(0),
      result.stats.durationMs,
      result.complete ? 'yes' : 'no',
    ];
    return `| ${cells.join(' | ')} |`;
  } finally {
    await simulator.close();
  }
}

/** Returns the table rows, header included, for generated spaces of `pages` nodes. */
export async function requestCountTable(pages: number): Promise<string[]> {
  const rows = [...REQUEST_COUNT_HEADER];
  for (const flavor of ['cloud', 'datacenter'] as const) {
    rows.push(await measure(flavor, pages));
  }
  return rows;
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const rows = await requestCountTable(Number(process.argv[2] ?? 10_000));
  console.log(rows.join('\n'));
}
