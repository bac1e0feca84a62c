/**
 * Measures `<conftree-tree>` on a generated space in headless chromium, as
 * served by `conftree serve`: time to the first drawn row, expand all, and
 * search. Prints a Markdown table for BENCHMARKS.md.
 *
 * Run: npm run bench:web -- [nodes] [runs]   (default 50000 nodes, 5 runs)
 *
 * Times are measured inside the page with `performance.now()` and include the
 * next animation frame, so they cover the JavaScript work and the layout of
 * the rows, up to the frame in which the result can be painted.
 */
import { cpus } from 'node:os';

import type { Page } from 'playwright-core';

import { startServer } from '../src/server/index.js';
import { startSimulator } from '../src/simulator/index.js';
import { launchBrowser } from '../test/web/support/browser.js';

const nodes = Number(process.argv[2] ?? 50_000);
const runs = Number(process.argv[3] ?? 5);

/** Search texts: a common word, a rarer phrase, one letter that most titles contain, and a text no title contains. */
const QUERIES = ['guide', 'release notes', 'e', 'no title has this'];

interface PageTimes {
  firstRowMs: number;
  expandAllMs: number;
  searchMs: Record<string, number>;
}

/**
 * Records, from navigation start, the first animation frame in which the tree
 * has a drawn row. It is a string because tsx adds helper calls to compiled
 * functions, which do not exist in the page.
 */
const RECORD_FIRST_ROW = `
  const check = () => {
    const row = document.querySelector('conftree-tree')?.shadowRoot?.querySelector('[role="treeitem"]');
    if (row) {
      window.firstRowMs = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
`;

async function timeInPage(page: Page, action: 'expand' | 'search', query = ''): Promise<number> {
  return page.evaluate(
    async ({ action, query }) => {
      const tree = document.querySelector('conftree-tree') as HTMLElement & {
        expandAll(): void;
        search(text: string): void;
        updateComplete: Promise<boolean>;
      };
      const started = performance.now();
      if (action === 'expand') tree.expandAll();
      else tree.search(query);
      await tree.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - started;
    },
    { action, query },
  );
}

async function measurePage(page: Page, url: string): Promise<PageTimes> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { firstRowMs?: number }).firstRowMs !== undefined, undefined, { timeout: 60_000 });
  const firstRowMs = await page.evaluate(() => (window as unknown as { firstRowMs: number }).firstRowMs);
  const expandAllMs = await timeInPage(page, 'expand');
  const searchMs: Record<string, number> = {};
  for (const query of QUERIES) {
    searchMs[query] = await timeInPage(page, 'search', query);
  }
  await timeInPage(page, 'search', '');
  return { firstRowMs, expandAllMs, searchMs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function row(label: string, values: number[]): string {
  return `| ${label} | ${median(values).toFixed(0)} | ${Math.min(...values).toFixed(0)} | ${Math.max(...values).toFixed(0)} |`;
}

async function main(): Promise<void> {
  const simulator = await startSimulator({ flavor: 'cloud', generate: { key: 'BENCH', pages: nodes, seed: 3, flavor: 'cloud' } });
  const server = await startServer({
    site: simulator.url,
    credentials: { kind: 'basic', username: simulator.credentials.username, secret: simulator.credentials.apiToken },
    flavor: 'cloud',
    spaces: ['BENCH'],
    log: () => {},
  });
  const browser = await launchBrowser();

  try {
    // The first request fetches the space from the simulator; every page load after it is served from the cache.
    const document = await (await fetch(`${server.url}/api/spaces/BENCH/tree`)).text();
    const loaded = JSON.parse(document) as { stats: { nodes: number } };
    const page = await browser.context.newPage();
    await page.addInitScript(RECORD_FIRST_ROW);

    const results: PageTimes[] = [];
    for (let run = 0; run < runs; run++) {
      results.push(await measurePage(page, `${server.url}/?space=BENCH`));
    }

    const version = browser.context.browser()?.version() ?? 'unknown';
    console.log(`${loaded.stats.nodes} nodes, tree document ${(document.length / 1024 / 1024).toFixed(1)} MiB, ${runs} page loads`);
    console.log(`Chromium ${version}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}\n`);
    console.log('| step | median ms | min ms | max ms |');
    console.log('|---|---:|---:|---:|');
    console.log(row('first row drawn, from navigation start', results.map((result) => result.firstRowMs)));
    console.log(row(`expand all (${loaded.stats.nodes} rows)`, results.map((result) => result.expandAllMs)));
    for (const query of QUERIES) {
      console.log(row(`search "${query}"`, results.map((result) => result.searchMs[query]!)));
    }
  } finally {
    await browser.close();
    await server.close();
    await simulator.close();
  }
}

await main();
