import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { BOLD_TITLE, DEEP_BOLD_TITLE, DEEP_SCRIPT_TITLE, DEEP_SPACE, DOCS_SPACE, SCRIPT_TITLE } from '../server/support/docs-space.js';
import { serveSimulator } from '../server/support/serve.js';
import { launchBrowser, openPage, type TestBrowser } from './support/browser.js';
import { activeTitle, drawnRows, settledRows, waitForTree } from './support/tree-page.js';
import { SCREENSHOTS } from './support/screenshots.js';

const TREE = 'conftree-tree#tree';

let browser: TestBrowser;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(() => {
  errors = [];
});

/** Serves the DOCS space and opens the home page with its tree loaded. */
async function openHome(): Promise<Page> {
  const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });
  const page = await openPage(browser.context, errors);
  await page.goto(`${server.url}/`);
  await waitForTree(page, TREE);
  return page;
}

const LAZY = 'conftree-tree#lazy-deep';

/** Serves the DEEP space and adds a lazy tree of it; `requests` collects the API requests after `/DEEP/`. */
async function openLazyDeepTree(): Promise<{ page: Page; requests: string[] }> {
  const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DEEP_SPACE] });
  const page = await openPage(browser.context, errors);
  const requests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/spaces/DEEP/')) requests.push(url.pathname.slice('/api/spaces/DEEP/'.length) + url.search);
  });
  await page.goto(`${server.url}/demo/submitted`);
  await page.evaluate((id) => {
    const tree = document.createElement('conftree-tree');
    tree.id = id;
    tree.setAttribute('lazy', '');
    tree.setAttribute('src', '/api/spaces/DEEP/tree');
    document.body.append(tree);
  }, LAZY.split('#')[1]!);
  await waitForTree(page, LAZY);
  return { page, requests };
}

async function titles(page: Page): Promise<string[]> {
  return (await settledRows(page, TREE)).map((row) => row.title);
}

describe('<conftree-tree> in the browser', () => {
  it('shows the top level collapsed', async () => {
    const page = await openHome();

    const rows = await drawnRows(page, TREE);

    expect(rows.map((row) => row.title)).toEqual(['Home', 'Archive', 'Release notes']);
    expect(rows.map((row) => row.expanded)).toEqual(['false', 'false', null]);
    expect(rows.map((row) => row.level)).toEqual([1, 1, 1]);
    expect(errors).toEqual([]);
  });

  it('expands a node on a toggle click', async () => {
    const page = await openHome();

    await page.locator(`${TREE} [role="treeitem"][data-id="100"] .toggle`).click();
    const rows = await drawnRows(page, TREE);

    expect(rows.map((row) => row.title)).toEqual(['Home', 'Guides', SCRIPT_TITLE, BOLD_TITLE, 'Archive', 'Release notes']);
    expect(rows[0]!.expanded).toBe('true');
    expect(rows[1]!.level).toBe(2);
  });

  it('expands and collapses all', async () => {
    const page = await openHome();

    await page.locator(`${TREE} button[part~="expand-all"]`).click();
    const expanded = await titles(page);
    await page.locator(`${TREE} button[part~="collapse-all"]`).click();
    const collapsed = await titles(page);

    expect(expanded).toHaveLength(10);
    expect(expanded.slice(0, 5)).toEqual(['Home', 'Guides', 'Install', 'Configure', 'Proxy settings']);
    expect(collapsed).toEqual(['Home', 'Archive', 'Release notes']);
  });

  it('search keeps ancestors of matches', async () => {
    const page = await openHome();

    await page.locator(`${TREE} input[type="search"]`).fill('proxy');
    const filtered = await settledRows(page, TREE);
    const status = await page.locator(`${TREE} [role="status"]`).textContent();
    await page.locator(`${TREE} input[type="search"]`).fill('');
    const cleared = await titles(page);

    expect(filtered.map((row) => row.title)).toEqual(['Home', 'Guides', 'Configure', 'Proxy settings']);
    expect(filtered.map((row) => row.expanded)).toEqual(['true', 'true', 'true', null]);
    expect(status).toBe('1 match');
    expect(cleared).toEqual(['Home', 'Archive', 'Release notes']);
  });

  it('search is case-insensitive and counts matches', async () => {
    const page = await openHome();

    await page.locator(`${TREE} input[type="search"]`).fill('RELEASE');

    expect(await titles(page)).toEqual(['Archive', 'Old release notes', 'Release notes']);
    expect(await page.locator(`${TREE} [role="status"]`).textContent()).toBe('2 matches');
  });

  it('arrow keys follow the tree view pattern', async () => {
    const page = await openHome();
    await page.locator(`${TREE} [role="tree"]`).focus();

    expect(await activeTitle(page, TREE)).toBe('Home');
    await page.keyboard.press('ArrowRight');
    expect((await drawnRows(page, TREE))[0]!.expanded).toBe('true');
    expect(await activeTitle(page, TREE)).toBe('Home');
    await page.keyboard.press('ArrowRight');
    expect(await activeTitle(page, TREE)).toBe('Guides');
    await page.keyboard.press('ArrowDown');
    expect(await activeTitle(page, TREE)).toBe(SCRIPT_TITLE);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    expect(await activeTitle(page, TREE)).toBe('Home');
    await page.keyboard.press('ArrowLeft');
    expect((await drawnRows(page, TREE))[0]!.expanded).toBe('false');
    await page.keyboard.press('End');
    expect(await activeTitle(page, TREE)).toBe('Release notes');
    await page.keyboard.press('Home');
    expect(await activeTitle(page, TREE)).toBe('Home');
  });

  it('type-ahead, star and Enter work', async () => {
    const page = await openHome();
    const selections: string[] = [];
    await page.exposeFunction('recordSelection', (id: string) => selections.push(id));
    await page.evaluate((selector) => {
      document.querySelector(selector)!.addEventListener('conftree-select', (event) => {
        void (window as unknown as { recordSelection(id: string): void }).recordSelection((event as CustomEvent<{ id: string }>).detail.id);
      });
    }, TREE);
    await page.locator(`${TREE} [role="tree"]`).focus();

    await page.keyboard.press('r');
    expect(await activeTitle(page, TREE)).toBe('Release notes');
    await page.keyboard.press('*');
    expect(await titles(page)).toEqual(['Home', 'Guides', SCRIPT_TITLE, BOLD_TITLE, 'Archive', 'Old release notes', 'Release notes']);
    await page.keyboard.press('Enter');
    const rows = await drawnRows(page, TREE);

    expect(rows.find((row) => row.title === 'Release notes')!.selected).toBe('true');
    expect(rows.filter((row) => row.selected === 'true')).toHaveLength(1);
    expect(selections).toEqual(['300']);
  });

  it('shows titles with markup as text', async () => {
    const page = await openHome();

    await page.locator(`${TREE} button[part~="expand-all"]`).click();
    const injected = await page.evaluate((selector) => {
      const root = document.querySelector(selector)!.shadowRoot!;
      return { images: root.querySelectorAll('img').length, bold: root.querySelectorAll('b').length };
    }, TREE);

    expect(await titles(page)).toContain(SCRIPT_TITLE);
    expect(await titles(page)).toContain(BOLD_TITLE);
    expect(injected).toEqual({ images: 0, bold: 0 });
    expect(errors).toEqual([]);
  });

  it('links titles to Confluence', async () => {
    const page = await openHome();

    const href = await page.locator(`${TREE} [data-id="300"] a.title`).getAttribute('href');

    expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/wiki\/spaces\/DOCS\/pages\/300/);
  });

  it('drops a javascript: link', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });
    const page = await openPage(browser.context, errors);
    await page.goto(`${server.url}/`);

    await page.evaluate(() => {
      const tree = document.createElement('conftree-tree');
      tree.id = 'property-tree';
      (tree as unknown as { data: unknown }).data = {
        roots: [{ id: '1', title: 'Evil link', type: 'page', url: 'javascript:alert(1)', children: [] }],
      };
      document.body.append(tree);
    });
    await waitForTree(page, 'conftree-tree#property-tree');
    const links = await page.locator('conftree-tree#property-tree a').count();

    expect(await drawnRows(page, 'conftree-tree#property-tree')).toMatchObject([{ id: '1', title: 'Evil link' }]);
    expect(links).toBe(0);
  });

  it('lazy mode loads children on expand', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });
    const page = await openPage(browser.context, errors);
    const treeRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/tree')) treeRequests.push(new URL(request.url()).search);
    });
    await page.goto(`${server.url}/demo/submitted`);

    await page.evaluate(() => {
      const tree = document.createElement('conftree-tree');
      tree.id = 'lazy-tree';
      tree.setAttribute('lazy', '');
      tree.setAttribute('src', '/api/spaces/DOCS/tree');
      document.body.append(tree);
    });
    await waitForTree(page, 'conftree-tree#lazy-tree');
    await page.locator('conftree-tree#lazy-tree [data-id="100"] .toggle').click();
    await page.locator('conftree-tree#lazy-tree [data-id="101"] .toggle').click();
    await page.locator('conftree-tree#lazy-tree [data-id="102"]').waitFor();
    const rows = await drawnRows(page, 'conftree-tree#lazy-tree');

    expect(treeRequests).toEqual(['?depth=2', '?depth=2&root=101']);
    expect(rows.map((row) => row.title).slice(0, 4)).toEqual(['Home', 'Guides', 'Install', 'Configure']);
    expect(rows.find((row) => row.id === '103')!.expanded).toBe('false');
    expect(errors).toEqual([]);
  });

  it('lazy search asks the server', async () => {
    const { page, requests } = await openLazyDeepTree();

    await page.locator(`${LAZY} input[type="search"]`).pressSequentially('deep');
    await page.locator(`${LAZY} [data-id="504"]`).waitFor();
    const rows = await drawnRows(page, LAZY);
    const markup = await page.evaluate((selector) => {
      const root = document.querySelector(selector)!.shadowRoot!;
      return { images: root.querySelectorAll('img').length, bold: root.querySelectorAll('b').length };
    }, LAZY);

    expect(requests.filter((search) => search.startsWith('search'))).toEqual(['search?q=deep&limit=100']);
    expect(rows.map((row) => row.title)).toEqual(['Top', 'Level two', DEEP_SCRIPT_TITLE, 'Deep leaf', DEEP_BOLD_TITLE]);
    expect(rows.map((row) => row.expanded)).toEqual(['true', 'true', 'true', 'true', null]);
    expect(await page.locator(`${LAZY} [role="status"]`).textContent()).toBe('2 matches');
    expect(markup).toEqual({ images: 0, bold: 0 });
    expect(errors).toEqual([]);
  });

  it('lazy search match loads its children', async () => {
    const { page, requests } = await openLazyDeepTree();

    await page.locator(`${LAZY} input[type="search"]`).fill('LEAF');
    await page.locator(`${LAZY} [data-id="503"]`).waitFor();
    const found = await drawnRows(page, LAZY);
    await page.locator(`${LAZY} [data-id="503"] .toggle`).click();
    await page.locator(`${LAZY} [data-id="504"]`).waitFor();
    const opened = await drawnRows(page, LAZY);
    await page.locator(`${LAZY} input[type="search"]`).fill('');
    const cleared = await settledRows(page, LAZY);

    expect(found.map((row) => row.id)).toEqual(['500', '501', '502', '503']);
    expect(found.at(-1)!.expanded).toBe('false');
    expect(opened.map((row) => row.id)).toEqual(['500', '501', '502', '503', '504']);
    expect(opened.map((row) => row.expanded)).toEqual(['true', 'true', 'true', 'true', null]);
    expect(requests).toContain('tree?depth=2&root=503');
    expect(cleared.map((row) => row.id)).toEqual(['500']);
    expect(errors).toEqual([]);
  });

  it('lazy search shows a server failure', async () => {
    const { page } = await openLazyDeepTree();
    await page.route('**/api/spaces/DEEP/search?*', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'Confluence timed out.' }) }),
    );

    await page.locator(`${LAZY} input[type="search"]`).fill('top');
    const status = page.locator(`${LAZY} [role="status"]`);
    await status.filter({ hasText: 'failed' }).waitFor();

    expect(await status.textContent()).toBe('Search of the whole space failed: Confluence timed out.');
    expect((await drawnRows(page, LAZY)).map((row) => row.title)).toEqual(['Top']);
  });

  it('writes the tree screenshot', async () => {
    const page = await openHome();
    await page.locator(`${TREE} button[part~="expand-all"]`).click();
    await page.locator(`${TREE} [role="tree"]`).focus();
    await page.keyboard.press('ArrowDown');

    mkdirSync(SCREENSHOTS, { recursive: true });
    const image = await page.locator(TREE).screenshot({ path: join(SCREENSHOTS, 'tree.png') });

    expect(image.byteLength).toBeGreaterThan(5000);
  });
});
