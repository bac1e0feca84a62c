import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { DEEP_SCRIPT_TITLE, DEEP_SPACE, DOCS_SPACE } from '../server/support/docs-space.js';
import { serveSimulator } from '../server/support/serve.js';
import { launchBrowser, openPage, type TestBrowser } from './support/browser.js';
import { activeTitle, waitForTree } from './support/tree-page.js';
import { SCREENSHOTS } from './support/screenshots.js';

const PICKER = 'conftree-picker#page';

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

  it('stays open on clicks inside the dropdown', async () => {
    const page = await openHome();
    await page.locator(`${PICKER} button.trigger`).click();
    await page.locator(`${PICKER} input[type="search"]`).waitFor();
    await page.locator(`${PICKER} .popup`).evaluate((popup) => popup.scrollIntoView({ block: 'end' }));
    const toolbar = page.locator(`${PICKER} [part~="toolbar"]`);
    const box = await toolbar.boundingBox();
    const viewport = await page.locator(`${PICKER} [part~="viewport"]`).boundingBox();
    if (box === null || viewport === null) throw new Error('The picker dropdown is not on screen.');

    // The toolbar's padding: 2 pixels inside its top-left corner, where no control is.
    await page.mouse.click(box.x + 2, box.y + 2);
    const afterPadding = await page.locator(`${PICKER} .popup`).isVisible();
    // The toolbar's padding at its bottom-right corner, past the buttons and the status text.
    await page.mouse.click(box.x + box.width - 2, box.y + box.height - 2);
    const afterCorner = await page.locator(`${PICKER} .popup`).isVisible();
    // The right edge of the viewport below the rows, where its scrollbar is when the rows overflow.
    await page.mouse.click(viewport.x + viewport.width - 3, viewport.y + viewport.height - 5);
    const afterViewportEdge = await page.locator(`${PICKER} .popup`).isVisible();
    await page.keyboard.press('Escape');
    const afterEscape = await page.locator(`${PICKER} .popup`).isVisible();

    expect(afterPadding).toBe(true);
    expect(afterCorner).toBe(true);
    expect(afterViewportEdge).toBe(true);
    expect(afterEscape).toBe(false);
    expect(errors).toEqual([]);
  });

  it('stays open when a click inside clears focus', async () => {
    const page = await openHome();
    await page.locator(`${PICKER} button.trigger`).click();
    await page.locator(`${PICKER} input[type="search"]`).waitFor();
    const box = await page.locator(`${PICKER} [part~="toolbar"]`).boundingBox();
    if (box === null) throw new Error('The picker dropdown is not on screen.');

    // Chromium keeps focus inside a delegatesFocus host on such a click, so the
    // test clears focus itself, as a browser that moves focus to the body does.
    await page.mouse.move(box.x + 2, box.y + 2);
    await page.mouse.down();
    await page.evaluate((selector) => {
      const tree = document.querySelector(selector)!.shadowRoot!.querySelector('conftree-tree')!;
      (tree.shadowRoot!.activeElement as HTMLElement).blur();
    }, PICKER);
    await page.mouse.up();
    const afterBlur = await page.locator(`${PICKER} .popup`).isVisible();
    await page.waitForFunction((selector) => document.activeElement === document.querySelector(selector), PICKER);
    await page.keyboard.press('Escape');

    expect(afterBlur).toBe(true);
    expect(await page.locator(`${PICKER} .popup`).isVisible()).toBe(false);
  });

  it('closes when focus moves outside', async () => {
    const page = await openHome();
    await page.locator(`${PICKER} button.trigger`).click();
    const opened = await page.locator(`${PICKER} .popup`).isVisible();

    await page.locator('button[type="submit"]').focus();

    expect(opened).toBe(true);
    expect(await page.locator(`${PICKER} .popup`).isVisible()).toBe(false);
  });

  it('closes on a click outside', async () => {
    const page = await openHome();
    await page.locator(`${PICKER} button.trigger`).click();
    const opened = await page.locator(`${PICKER} .popup`).isVisible();

    await page.locator('#form-heading').click();

    expect(opened).toBe(true);
    expect(await page.locator(`${PICKER} .popup`).isVisible()).toBe(false);
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

  it('shows the server path of an unloaded value', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DEEP_SPACE] });
    const page = await openPage(browser.context, errors);
    const pathRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/path')) pathRequests.push(new URL(request.url()).pathname);
    });
    let releasePath = (): void => {};
    const pathHeld = new Promise<void>((resolve) => {
      releasePath = resolve;
    });
    await page.route('**/api/spaces/DEEP/pages/503/path', async (route) => {
      await pathHeld;
      await route.continue();
    });
    await page.goto(`${server.url}/demo/submitted`);

    await addLazyPicker(page, '503');
    const busy = page.locator('conftree-picker#lazy button.trigger[aria-busy="true"]');
    await busy.waitFor();
    const whileLoading = await lazyPickerState(page);
    releasePath();
    await page.locator('conftree-picker#lazy button.trigger:not([aria-busy])').waitFor();
    const loaded = await lazyPickerState(page);

    expect(whileLoading).toMatchObject({ value: '503', entries: ['503'], text: 'Loading the path of page 503…' });
    expect(loaded).toMatchObject({ value: '503', entries: ['503'], images: 0, describedBy: null });
    expect(loaded.text).toBe(`Top › Level two › ${DEEP_SCRIPT_TITLE} › Deep leaf`);
    expect(pathRequests).toEqual(['/api/spaces/DEEP/pages/503/path']);
    expect(errors).toEqual([]);
  });

  it('shows a failed server path as an error', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DEEP_SPACE] });
    const page = await openPage(browser.context, errors);
    await page.goto(`${server.url}/demo/submitted`);

    await addLazyPicker(page, '999');
    await page.locator('conftree-picker#lazy [role="alert"]').waitFor();
    const state = await lazyPickerState(page);

    expect(state).toMatchObject({ value: '999', entries: ['999'], text: 'Page 999', describedBy: 'path-error' });
    expect(state.alert).toBe('The path of page 999 could not be loaded: Page 999 is not in space "DEEP".');
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

/** Adds a lazy picker of the DEEP space with `value` in a form of its own. */
async function addLazyPicker(page: Page, value: string): Promise<void> {
  await page.evaluate((id) => {
    const form = document.createElement('form');
    form.id = 'lazy-form';
    const picker = document.createElement('conftree-picker');
    picker.id = 'lazy';
    picker.setAttribute('name', 'page');
    picker.setAttribute('lazy', '');
    picker.setAttribute('value', id);
    picker.setAttribute('src', '/api/spaces/DEEP/tree');
    form.append(picker);
    document.body.append(form);
  }, value);
}

/** Reads the lazy picker's value, form entries, button text and error state. */
function lazyPickerState(page: Page) {
  return page.evaluate(() => {
    const picker = document.querySelector('conftree-picker#lazy') as HTMLElement & { value: string };
    const root = picker.shadowRoot!;
    const trigger = root.querySelector('button.trigger')!;
    return {
      value: picker.value,
      entries: new FormData(document.querySelector('#lazy-form') as HTMLFormElement).getAll('page'),
      text: (trigger as HTMLElement).innerText,
      images: root.querySelectorAll('img').length,
      describedBy: trigger.getAttribute('aria-describedby'),
      alert: root.querySelector('[role="alert"]')?.textContent?.trim() ?? null,
    };
  });
}
