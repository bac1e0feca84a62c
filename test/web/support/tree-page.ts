import type { Page } from 'playwright-core';

/** A drawn row of a `<conftree-tree>`, as read from its shadow DOM. */
export interface DrawnRow {
  id: string;
  title: string;
  level: number;
  expanded: string | null;
  selected: string | null;
}

/**
 * Returns the rows that the tree at `selector` has in its DOM, in display
 * order. A row is drawn only while it is in or near the scrolled view.
 */
export function drawnRows(page: Page, selector: string): Promise<DrawnRow[]> {
  return page.evaluate((treeSelector) => {
    const host = document.querySelector(treeSelector) as HTMLElement | null;
    const tree = host?.tagName === 'CONFTREE-TREE' ? host : host?.shadowRoot?.querySelector('conftree-tree');
    const rows = Array.from(tree?.shadowRoot?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? []);
    return rows.map((row) => ({
      id: row.dataset['id'] ?? '',
      title: row.querySelector('.title')?.textContent ?? '',
      level: Number(row.getAttribute('aria-level')),
      expanded: row.getAttribute('aria-expanded'),
      selected: row.getAttribute('aria-selected'),
    }));
  }, selector);
}

/** Returns the title of the row that `aria-activedescendant` names, in a tree or in a picker's tree. */
export function activeTitle(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((treeSelector) => {
    const host = document.querySelector(treeSelector) as HTMLElement | null;
    const tree = host?.tagName === 'CONFTREE-TREE' ? host : host?.shadowRoot?.querySelector('conftree-tree');
    const root = tree?.shadowRoot;
    const id = root?.querySelector('[role="tree"]')?.getAttribute('aria-activedescendant');
    return id ? (root?.getElementById(id)?.querySelector('.title')?.textContent ?? null) : null;
  }, selector);
}

/** Waits until the tree at `selector` has drawn rows, or the tree inside the picker at `selector` has loaded. */
export async function waitForTree(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((treeSelector) => {
    const host = document.querySelector(treeSelector) as HTMLElement | null;
    const tree = (host?.tagName === 'CONFTREE-TREE' ? host : host?.shadowRoot?.querySelector('conftree-tree')) as
      | (HTMLElement & { nodeCount?: number })
      | null
      | undefined;
    // A picker's tree is hidden until the dropdown opens, so it draws no rows before.
    const drawn = host?.tagName !== 'CONFTREE-TREE' || tree?.shadowRoot?.querySelector('[role="treeitem"]') != null;
    return tree != null && (tree.nodeCount ?? 0) > 0 && drawn;
  }, selector, { timeout: 10_000 });
}

/**
 * Returns the drawn rows once two reads, each after two animation frames,
 * agree. A change that scrolls the list, such as a search, draws its rows
 * only after the scroll event that follows it, so an immediate read can show
 * the rows of the old scroll position.
 */
export async function settledRows(page: Page, selector: string): Promise<DrawnRow[]> {
  let previous = await drawnRows(page, selector);
  for (let attempt = 0; attempt < 50; attempt++) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const current = await drawnRows(page, selector);
    if (JSON.stringify(current) === JSON.stringify(previous)) {
      return current;
    }
    previous = current;
  }
  return previous;
}
