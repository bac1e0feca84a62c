import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { serveSimulator } from '../server/support/serve.js';
import { launchBrowser, openPage, type TestBrowser } from './support/browser.js';
import { activeTitle, settledRows, waitForTree } from './support/tree-page.js';

const TREE = 'conftree-tree#tree';

/** Nodes in the generated space, some of which are archived and not shown. */
const GENERATED_NODES = 50_000;

let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface TreeState {
  nodeCount: number;
  visibleRowCount: number;
}

describe('<conftree-tree> with 50,000 nodes', () => {
  it('renders, expands, scrolls and filters', { timeout: 120_000 }, async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', generate: { key: 'BIG', pages: GENERATED_NODES, seed: 3 } });
    const fetched = (await (await fetch(`${server.url}/api/spaces/BIG/tree`)).json()) as { stats: { nodes: number } };
    const errors: string[] = [];
    const page = await openPage(browser.context, errors);

    await page.goto(`${server.url}/?space=BIG`);
    await waitForTree(page, TREE);
    const state = (): Promise<TreeState> =>
      page.evaluate((selector) => {
        const tree = document.querySelector(selector) as HTMLElement & TreeState;
        return { nodeCount: tree.nodeCount, visibleRowCount: tree.visibleRowCount };
      }, TREE);
    const loaded = await state();

    await page.locator(`${TREE} button[part~="expand-all"]`).click();
    const expanded = await state();
    const drawnExpanded = await settledRows(page, TREE);

    await page.locator(`${TREE} [role="tree"]`).focus();
    await page.keyboard.press('End');
    const lastDrawn = await settledRows(page, TREE);
    const lastTitle = await activeTitle(page, TREE);

    const needle = lastDrawn[lastDrawn.length - 1]!.title;
    await page.locator(`${TREE} input[type="search"]`).fill(needle);
    const filtered = await settledRows(page, TREE);
    const filteredState = await state();

    expect(fetched.stats.nodes).toBeGreaterThan(GENERATED_NODES * 0.99);
    expect(loaded.nodeCount).toBe(fetched.stats.nodes);
    expect(expanded.visibleRowCount).toBe(fetched.stats.nodes);
    expect(drawnExpanded.length).toBeLessThan(100);
    expect(lastTitle).toBe(needle);
    expect(filteredState.visibleRowCount).toBeLessThan(loaded.nodeCount);
    expect(filtered.some((row) => row.title === needle)).toBe(true);
    // Every drawn row is a match or an ancestor of one, so levels never skip on the way down.
    for (let i = 1; i < filtered.length; i++) {
      expect(filtered[i]!.level).toBeLessThanOrEqual(filtered[i - 1]!.level + 1);
    }
    expect(filtered[0]!.level).toBe(1);
    expect(errors).toEqual([]);
  });
});
