import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { DOCS_SPACE } from '../server/support/docs-space.js';
import { serveSimulator } from '../server/support/serve.js';
import { launchBrowser, openPage, type TestBrowser } from './support/browser.js';
import { activeTitle, waitForTree } from './support/tree-page.js';

const PICKER = 'conftree-picker#page';
const SCREENSHOTS = join(import.meta.dirname, '../../docs/screenshots');

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

async function openHome(): Promise<Page> {
  const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });
  const page = await openPage(browser.context, errors);
  await page.goto(`${server.url}/`);
  await waitForTree(page, PICKER);
  return page;
}

/** Picks "Install" with the keyboard alone: open, search, move into the tree, pick. */
async function pickInstallByKeyboard(page: Page): Promise<void> {
  await page.locator(`${PICKER} button.trigger`).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('install');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
}

function triggerText(page: Page): Promise<string> {
  return page.locator(`${PICKER} button.trigger`).innerText();
}

describe('<conftree-picker> in the browser', () => {
  it('picks a page with the keyboard', async () => {
    const page = await openHome();

    await pickInstallByKeyboard(page);
    const state = await page.evaluate((selector) => {
      const picker = document.querySelector(selector) as HTMLElement & { value: string; open: boolean };
      return { value: picker.value, open: picker.open };
    }, PICKER);

    expect(state).toEqual({ value: '102', open: false });
    expect(await triggerText(page)).toBe('Home › Guides › Install');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page');
    expect(errors).toEqual([]);
  });

  it('submits the picked id in a form', async () => {
    const page = await openHome();

    await pickInstallByKeyboard(page);
    await Promise.all([page.waitForURL(/\/demo\/submitted\?/), page.locator('button[type="submit"]').click()]);

    expect(new URL(page.url()).searchParams.getAll('page')).toEqual(['102']);
    expect(await page.locator('#submitted output').allInnerTexts()).toEqual(['102']);
  });

  it('blocks submission while required is unmet', async () => {
    const page = await openHome();

    await page.locator('button[type="submit"]').click();
    const state = await page.evaluate((selector) => {
      const picker = document.querySelector(selector) as HTMLElement & { validity: ValidityState; validationMessage: string };
      return { valueMissing: picker.validity.valueMissing, message: picker.validationMessage, path: location.pathname };
    }, PICKER);

    expect(state).toEqual({ valueMissing: true, message: 'Pick a page.', path: '/' });
  });

  it('returns to its default on form reset', async () => {
    const page = await openHome();

    await pickInstallByKeyboard(page);
    await page.locator('button[type="reset"]').click();
    const state = await page.evaluate((selector) => {
      const picker = document.querySelector(selector) as HTMLElement & { value: string };
      return { value: picker.value, entries: new FormData(document.querySelector('form')!).getAll('page') };
    }, PICKER);

    expect(state).toEqual({ value: '', entries: [] });
    expect(await triggerText(page)).toBe('Pick a page');
  });

  it('closes on Escape without a change', async () => {
    const page = await openHome();

    await page.locator(`${PICKER} button.trigger`).click();
    const opened = await page.locator(`${PICKER} .popup`).isVisible();
    await page.keyboard.press('Escape');

    expect(opened).toBe(true);
    expect(await page.locator(`${PICKER} .popup`).isVisible()).toBe(false);
    expect(await page.evaluate((selector) => (document.querySelector(selector) as HTMLElement & { value: string }).value, PICKER)).toBe('');
  });

  it('submits several ids with multiple', async () => {
    const page = await openHome();

    await page.evaluate(() => {
      const form = document.createElement('form');
      form.id = 'multi-form';
      const picker = document.createElement('conftree-picker');
      picker.id = 'multi';
      picker.setAttribute('name', 'pages');
      picker.setAttribute('multiple', '');
      picker.setAttribute('value', '300');
      picker.setAttribute('src', '/api/spaces/DOCS/tree');
      form.append(picker);
      document.body.append(form);
    });
    await waitForTree(page, 'conftree-picker#multi');
    await page.locator('conftree-picker#multi button.trigger').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    expect(await activeTitle(page, 'conftree-picker#multi')).toBe('Home');
    await page.keyboard.press(' ');
    const entries = await page.evaluate(() => new FormData(document.querySelector('#multi-form') as HTMLFormElement).getAll('pages'));
    const text = await page.locator('conftree-picker#multi button.trigger').innerText();

    expect(entries).toEqual(['300', '100']);
    expect(text.split('\n')).toEqual(['Release notes', 'Home']);
  });

  it('writes the picker screenshot', async () => {
    const page = await openHome();
    await pickInstallByKeyboard(page);
    await page.locator(`${PICKER} button.trigger`).click();
    await page.locator(`${PICKER} input[type="search"]`).fill('');
    await page.locator(`${PICKER} button[part~="expand-all"]`).click();

    mkdirSync(SCREENSHOTS, { recursive: true });
    const image = await page.screenshot({ path: join(SCREENSHOTS, 'picker.png'), clip: await pickerArea(page), fullPage: true });

    expect(image.byteLength).toBeGreaterThan(5000);
  });
});

/** Returns the page area from the form's heading down to the bottom of the open dropdown. */
async function pickerArea(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  await page.locator('#form-heading').scrollIntoViewIfNeeded();
  const heading = await page.locator('#form-heading').boundingBox();
  const popup = await page.locator(`${PICKER} .popup`).boundingBox();
  if (heading === null || popup === null) {
    throw new Error('The demo form or the picker dropdown is not on screen.');
  }
  const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
  const x = Math.max(0, Math.min(heading.x, popup.x) - 16 + scroll.x);
  const y = Math.max(0, heading.y - 12 + scroll.y);
  const right = popup.x + popup.width + 16 + scroll.x;
  const bottom = popup.y + popup.height + 16 + scroll.y;
  return { x, y, width: right - x, height: bottom - y };
}
