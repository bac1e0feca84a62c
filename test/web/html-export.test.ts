import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { renderToString } from '../../src/render/index.js';
import { cli, envFor } from '../support/cli.js';
import { BOLD_TITLE, DOCS_SPACE, SCRIPT_TITLE } from '../server/support/docs-space.js';
import { fetchFrom, simulate } from '../support/simulator.js';
import { launchBrowser, openPage, type TestBrowser } from './support/browser.js';
import { drawnRows, waitForTree } from './support/tree-page.js';

let browser: TestBrowser;
let folder: string;

beforeAll(async () => {
  browser = await launchBrowser();
  folder = mkdtempSync(join(tmpdir(), 'conftree-html-'));
});

afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function exportDocs(): Promise<string> {
  const simulator = await simulate({ flavor: 'cloud', spaces: [DOCS_SPACE] });
  const result = await fetchFrom(simulator, 'DOCS');
  return renderToString('html', result);
}

describe('html format', () => {
  it('inlines one script allowed by its hash', async () => {
    const html = await exportDocs();

    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    const code = scripts.filter((script) => !script[1]!.includes('application/json'));
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replaceAll('&#39;', "'");
    const hash = createHash('sha256').update(code[0]![2]!).digest('base64');

    expect(code).toHaveLength(1);
    expect(code[0]![1]).toBe('');
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`script-src 'sha256-${hash}'`);
    expect(policy).not.toContain('unsafe-inline');
    expect(html).not.toMatch(/<(script|link|img|iframe)\b[^>]*\b(src|href)=/);
  });

  it('is a format of conftree tree', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const run = await cli(['tree', 'DOCS', '--format', 'html'], envFor(simulator));

    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('<!doctype html>\n')).toBe(true);
    expect(run.stdout).toContain('<conftree-tree label="Pages of DOCS">');
  });

  it('writes no title as markup', async () => {
    const html = await exportDocs();

    expect(html).not.toContain(SCRIPT_TITLE);
    expect(html).not.toContain(BOLD_TITLE);
    expect(html).toContain('\\u003cimg src=x onerror=alert(1)>');
    expect(html).toContain('<h1>DOCS — Documentation</h1>');
  });

  it('opens from disk with the tree', async () => {
    const path = join(folder, 'docs.html');
    writeFileSync(path, await exportDocs());
    const errors: string[] = [];
    const requests: string[] = [];
    const page = await openPage(browser.context, errors);
    page.on('request', (request) => requests.push(request.url()));

    await page.goto(pathToFileURL(path).href);
    await waitForTree(page, 'conftree-tree');
    await page.locator('conftree-tree button[part~="expand-all"]').click();
    const titles = (await drawnRows(page, 'conftree-tree')).map((row) => row.title);

    expect(titles).toHaveLength(10);
    expect(titles).toContain(SCRIPT_TITLE);
    expect(titles).toContain(BOLD_TITLE);
    expect(requests).toEqual([pathToFileURL(path).href]);
    expect(errors).toEqual([]);
  });
});
