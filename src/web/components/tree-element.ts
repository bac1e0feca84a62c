import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  Virtualizer,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  defaultRangeExtractor,
  type Range,
  type Rect,
} from '@tanstack/virtual-core';

import { safeLinkUrl, type TreeDocument, type TreeDocumentNode } from '../model/document.js';
import { flattenTree, hasChildren, pathOf, type FlatTree } from '../model/flat-tree.js';
import { documentUrl, fetchTreeDocument, readInlineDocument, spaceApiUrl } from '../model/load-document.js';
import { addSearchPaths, fetchSearch, replaceChildren } from '../model/server-search.js';
import { listFilteredRows, listRows, markMatches, type VisibleRows } from '../model/visible-rows.js';
import { chevronIcon, typeIcon } from './icons.js';
import { styleProperties } from './style-properties.js';
import { treeKeyAction, type TreeKeyAction } from './tree-keys.js';
import { treeStyles } from './tree-styles.js';

/** Levels loaded per request when `lazy` is set: a node and its children, so the children know whether they have children. */
const LAZY_DEPTH = 2;

/** Indentation per level, in pixels. */
const INDENT = 18;

/** Pause after the last keystroke before a lazy tree sends a search request to the server, in milliseconds. */
const SEARCH_DEBOUNCE_MS = 250;

/** Matches that a lazy tree requests per search; the server accepts at most 200. */
const SEARCH_LIMIT = 100;

/** Detail of the `conftree-select` event. */
export interface TreeSelectDetail {
  /** Id of the node that was picked or unpicked. */
  id: string;
  /** Every selected id after the change. */
  ids: string[];
  /** The node's path from the top level, the node last. */
  path: Array<{ id: string; title: string }>;
}

/**
 * `<conftree-tree>`: a collapsible, searchable tree of a space's pages.
 *
 * Data comes from the `data` property (a tree document, as the `json` format
 * writes it), from the `src` attribute (a URL of such a document), or from a
 * `<script type="application/json">` child. Only the rows on screen are in the
 * DOM, so 50,000 nodes cost as much to draw as 50.
 *
 * Keyboard and ARIA follow the WAI-ARIA tree view pattern. Focus stays on the
 * element with `role="tree"` and `aria-activedescendant` names the active
 * row, because a virtualized row may leave the DOM while it is scrolled away.
 * Titles are rendered as text through lit bindings and never parsed as HTML.
 *
 * Search filters the loaded nodes as the user types. With `lazy` and a
 * `conftree serve` tree URL in `src`, it also sends the query to the server's
 * search endpoint after a pause in typing. Each match and its ancestors are
 * added to the loaded tree, so matches that were not loaded yet are shown too.
 *
 * Events: `conftree-load` after data is loaded, `conftree-error` when loading
 * fails, `conftree-select` with a `TreeSelectDetail` when a node is picked.
 */
export class ConftreeTree extends LitElement {
  static override styles = treeStyles;

  static override properties = {
    src: { type: String },
    lazy: { type: Boolean },
    data: { attribute: false },
    multiple: { type: Boolean },
    noLinks: { type: Boolean, attribute: 'no-links' },
    selected: { attribute: false },
    label: { type: String },
    rowHeight: { type: Number, attribute: 'row-height' },
  };

  /** URL of a tree document. */
  declare src: string | undefined;
  /** Load two levels at first and the children of a node when it is expanded (needs a `conftree serve` URL in `src`). */
  declare lazy: boolean;
  declare data: TreeDocument | undefined;
  /** Allow several selected nodes (`aria-multiselectable`). */
  declare multiple: boolean;
  /** Show titles as plain text instead of links to Confluence, as the picker does. */
  declare noLinks: boolean;
  /** Ids of the selected nodes. */
  declare selected: string[];
  /** Accessible name of the tree. */
  declare label: string;
  /** Height of one row in pixels. */
  declare rowHeight: number;

  #document: TreeDocument | null = null;
  #flat: FlatTree | null = null;
  #expanded = new Uint8Array(0);
  #query = '';
  #overrides = new Map<number, 0 | 1>();
  #view: VisibleRows = { rows: new Int32Array(0), expanded: new Uint8Array(0), matchCount: -1 };
  #viewStale = true;
  /** Set when the search changes, so the next update shows the first matches. */
  #scrollToTop = false;
  /** Flat-tree index of the row that keyboard navigation acts on, or -1. */
  #active = -1;
  #message = 'Loading…';
  #loading: AbortController | null = null;
  #typeAhead = { text: '', at: 0 };
  #virtualizer: Virtualizer<HTMLElement, HTMLElement> | null = null;
  #unmountVirtualizer: (() => void) | null = null;
  /** Passes the viewport's current size to the virtualizer, which otherwise learns it from a ResizeObserver a frame later. */
  #reportViewportSize: (() => void) | null = null;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #searching: AbortController | null = null;
  /** State of the server search for the current query in lazy mode: `total` counts matches in the whole space. */
  #serverSearch: { state: 'idle' } | { state: 'loading' } | { state: 'done'; total: number } | { state: 'failed'; message: string } = { state: 'idle' };
  /** Display position among siblings of each node that a search added, by id. */
  #searchedPositions = new Map<string, number>();

  constructor() {
    super();
    this.lazy = false;
    this.multiple = false;
    this.noLinks = false;
    this.selected = [];
    this.label = 'Pages';
    this.rowHeight = 28;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.data === undefined && this.src === undefined && this.#document === null) {
      this.#loadInline();
    }
    if (this.#virtualizer !== null) {
      this.#unmountVirtualizer = this.#virtualizer._didMount();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unmountVirtualizer?.();
    this.#unmountVirtualizer = null;
    this.#cancelServerSearch();
  }

  /** Number of nodes loaded. */
  get nodeCount(): number {
    return this.#flat?.size ?? 0;
  }

  /** Number of rows drawable with the current expansion and search. */
  get visibleRowCount(): number {
    return this.#view.rows.length;
  }

  /** Returns the path from the top level to the node, or null when the node is not loaded. */
  pathOf(id: string): TreeDocumentNode[] | null {
    const index = this.#flat?.indexById.get(id);
    return index === undefined || this.#flat === null ? null : pathOf(this.#flat, index);
  }

  expandAll(): void {
    this.#setAll(1);
  }

  collapseAll(): void {
    this.#setAll(0);
  }

  /** Sets the search text, as typing it into the search field does. */
  search(query: string): void {
    this.#query = query;
    this.#overrides.clear();
    this.#viewStale = true;
    this.#scrollToTop = true;
    this.#scheduleServerSearch();
    this.requestUpdate();
  }

  /** Moves focus to the tree. */
  focusTree(): void {
    this.#reportViewportSize?.();
    this.#viewport()?.focus();
  }

  /**
   * Moves focus to the search field. A tree that was just shown, as in the
   * picker's dropdown, also measures its viewport now, so that its rows are
   * drawn before the next key press.
   */
  focusSearch(): void {
    this.#reportViewportSize?.();
    this.renderRoot.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') && this.data !== undefined) {
      this.#adopt(this.data);
    }
    if (changed.has('src') && this.src !== undefined && this.data === undefined) {
      void this.#loadFrom(this.src);
    }
    if (this.#viewStale) {
      this.#refreshView();
    }
    // The virtualizer gets the new row count before `render` reads the rows on screen from it.
    this.#virtualizer?.setOptions(this.#virtualizerOptions());
  }

  protected override firstUpdated(): void {
    this.#virtualizer = new Virtualizer<HTMLElement, HTMLElement>(this.#virtualizerOptions());
    this.#unmountVirtualizer = this.#virtualizer._didMount();
    this.requestUpdate();
  }

  protected override updated(): void {
    this.#virtualizer?._willUpdate();
    if (this.#scrollToTop) {
      this.#scrollToTop = false;
      this.#virtualizer?.scrollToOffset(0);
    }
  }

  #virtualizerOptions() {
    const rowHeight = this.rowHeight;
    return {
      count: this.#view.rows.length,
      getScrollElement: () => this.#viewport(),
      estimateSize: () => rowHeight,
      scrollToFn: elementScroll,
      observeElementRect: (instance: Virtualizer<HTMLElement, HTMLElement>, report: (rect: Rect) => void) => {
        this.#reportViewportSize = () => {
          const element = instance.scrollElement;
          if (element !== null) report({ width: element.offsetWidth, height: element.offsetHeight });
        };
        return observeElementRect(instance, report);
      },
      observeElementOffset: observeElementOffset,
      overscan: 10,
      // The active row is always drawn, so `aria-activedescendant` never names a missing element.
      rangeExtractor: (range: Range) => this.#withActiveRow(defaultRangeExtractor(range)),
      onChange: () => this.requestUpdate(),
    };
  }

  #withActiveRow(indexes: number[]): number[] {
    const position = this.#activePosition();
    if (position < 0 || indexes.includes(position)) {
      return indexes;
    }
    return [...indexes, position].sort((a, b) => a - b);
  }

  #viewport(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.viewport');
  }

  #loadInline(): void {
    try {
      const inline = readInlineDocument(this);
      if (inline !== null) {
        this.#adopt(inline);
      } else if (document.readyState === 'loading') {
        // A script that runs before the parser reaches the data block upgrades the element without its children.
        document.addEventListener('DOMContentLoaded', () => this.#loadInline(), { once: true });
      }
    } catch (error) {
      this.#fail(error);
    }
  }

  async #loadFrom(src: string): Promise<void> {
    this.#loading?.abort();
    this.#cancelServerSearch();
    const controller = new AbortController();
    this.#loading = controller;
    this.#message = 'Loading…';
    this.requestUpdate();
    try {
      const url = this.lazy ? documentUrl(src, { depth: LAZY_DEPTH }) : documentUrl(src);
      const loaded = await fetchTreeDocument(url, controller.signal);
      if (!controller.signal.aborted) {
        this.#searchedPositions.clear();
        this.#adopt(loaded);
        this.#scheduleServerSearch();
      }
    } catch (error) {
      if (!controller.signal.aborted) {
        this.#fail(error);
      }
    }
  }

  #fail(error: unknown): void {
    this.#message = error instanceof Error ? error.message : String(error);
    this.dispatchEvent(new CustomEvent('conftree-error', { detail: { message: this.#message }, bubbles: true, composed: true }));
    this.requestUpdate();
  }

  /** Takes a new document and keeps the expansion of nodes that are still in it, also during a search. */
  #adopt(document: TreeDocument): void {
    const expandedIds = this.#expandedIds();
    const activeId = this.#activeId();
    const overrideIds = [...this.#overrides].map(([index, open]) => [this.#flat?.nodes[index]?.id, open] as const);
    this.#document = document;
    this.#flat = flattenTree(document);
    this.#expanded = new Uint8Array(this.#flat.size);
    for (const id of expandedIds) {
      const index = this.#flat.indexById.get(id);
      if (index !== undefined) this.#expanded[index] = 1;
    }
    this.#overrides.clear();
    for (const [id, open] of overrideIds) {
      const index = id === undefined ? undefined : this.#flat.indexById.get(id);
      if (index !== undefined) this.#overrides.set(index, open);
    }
    this.#active = activeId === null ? -1 : (this.#flat.indexById.get(activeId) ?? -1);
    this.#message = this.#flat.size === 0 ? 'This space has no pages.' : '';
    this.#viewStale = true;
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent('conftree-load', { detail: { nodes: this.#flat.size }, bubbles: true, composed: true }));
  }

  #expandedIds(): string[] {
    const flat = this.#flat;
    if (flat === null) return [];
    const ids: string[] = [];
    for (let index = 0; index < flat.size; index++) {
      if (this.#expanded[index] === 1) ids.push(flat.nodes[index]!.id);
    }
    return ids;
  }

  #activeId(): string | null {
    return this.#active >= 0 ? (this.#flat?.nodes[this.#active]?.id ?? null) : null;
  }

  #refreshView(): void {
    this.#viewStale = false;
    const flat = this.#flat;
    if (flat === null) {
      return;
    }
    if (this.#query.trim() === '') {
      this.#view = listRows(flat, this.#expanded);
    } else {
      const { marks, matchCount } = markMatches(flat, this.#query.trim());
      this.#view = listFilteredRows(flat, marks, matchCount, this.#overrides);
    }
    if (this.#activePosition() < 0) {
      this.#active = this.#view.rows[0] ?? -1;
    }
  }

  /** Returns the position of the active row among the drawn rows, or -1. */
  #activePosition(): number {
    return this.#active < 0 ? -1 : this.#view.rows.indexOf(this.#active);
  }

  #setAll(value: 0 | 1): void {
    const flat = this.#flat;
    if (flat === null) return;
    if (this.#query.trim() !== '') {
      for (const index of this.#view.rows) {
        if (hasChildren(flat, index)) this.#overrides.set(index, value);
      }
    } else {
      this.#expanded.fill(value);
    }
    this.#viewStale = true;
    this.requestUpdate();
  }

  /** Expands or collapses one row. Loads its children first when they are not loaded yet. */
  #setExpanded(index: number, open: boolean): void {
    const flat = this.#flat;
    if (flat === null || !hasChildren(flat, index)) return;
    if (this.#query.trim() !== '') {
      this.#overrides.set(index, open ? 1 : 0);
    } else {
      this.#expanded[index] = open ? 1 : 0;
    }
    this.#viewStale = true;
    this.requestUpdate();
    if (open && flat.pendingChildren[index]! > 0) {
      void this.#loadChildren(flat.nodes[index]!);
    }
  }

  /** Fetches a depth-limited slice below `node` and attaches its children. */
  async #loadChildren(node: TreeDocumentNode): Promise<void> {
    if (this.src === undefined || this.#document === null) return;
    try {
      const slice = await fetchTreeDocument(documentUrl(this.src, { depth: LAZY_DEPTH, rootId: node.id }));
      const top = slice.roots[0];
      // A search may have replaced the document meanwhile, but it keeps the node objects it had.
      const document = this.#document;
      const index = this.#flat?.indexById.get(node.id);
      if (top === undefined || document === null || index === undefined || this.#flat?.nodes[index] !== node) return;
      replaceChildren(node, top.children ?? [], this.#searchedPositions);
      const counts = { ...document.childCounts, ...slice.childCounts };
      delete counts[node.id];
      this.#adopt({ ...document, childCounts: counts });
    } catch (error) {
      this.#fail(error);
    }
  }

  #cancelServerSearch(): void {
    clearTimeout(this.#searchTimer);
    this.#searching?.abort();
    this.#searching = null;
  }

  /** Starts the server search for the current query after a pause in typing, in lazy mode with a server URL. */
  #scheduleServerSearch(): void {
    this.#cancelServerSearch();
    const query = this.#query.trim();
    const spaceUrl = this.lazy ? spaceApiUrl(this.src) : null;
    if (query === '' || spaceUrl === null || this.#document === null) {
      this.#serverSearch = { state: 'idle' };
      return;
    }
    this.#serverSearch = { state: 'loading' };
    this.#searchTimer = setTimeout(() => void this.#runServerSearch(spaceUrl, query), SEARCH_DEBOUNCE_MS);
  }

  async #runServerSearch(spaceUrl: URL, query: string): Promise<void> {
    const controller = new AbortController();
    this.#searching = controller;
    try {
      const result = await fetchSearch(spaceUrl, query, SEARCH_LIMIT, controller.signal);
      const document = this.#document;
      const flat = this.#flat;
      if (controller.signal.aborted || document === null || flat === null) return;
      const nodeById = new Map([...flat.indexById].map(([id, index]) => [id, flat.nodes[index]!] as const));
      const childCounts = addSearchPaths(document, nodeById, result.matches, this.#searchedPositions);
      this.#serverSearch = { state: 'done', total: result.total };
      this.#adopt({ ...document, childCounts });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#serverSearch = { state: 'failed', message: error instanceof Error ? error.message : String(error) };
      this.requestUpdate();
    } finally {
      if (this.#searching === controller) this.#searching = null;
    }
  }

  #isExpanded(index: number): boolean {
    return this.#view.expanded[index] === 1;
  }

  #onSearchInput(event: InputEvent): void {
    this.search((event.target as HTMLInputElement).value);
  }

  #onSearchKeydown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      this.focusTree();
    }
  }

  #onRowClick(event: MouseEvent, index: number): void {
    this.#active = index;
    const onToggle = (event.target as Element).closest('.toggle') !== null;
    if (onToggle) {
      this.#setExpanded(index, !this.#isExpanded(index));
    } else {
      this.#select(index, this.multiple ? 'toggle' : 'replace');
    }
    this.focusTree();
    this.requestUpdate();
  }

  #onKeydown(event: KeyboardEvent): void {
    const action = treeKeyAction(event);
    const flat = this.#flat;
    if (action === null || flat === null || this.#view.rows.length === 0) {
      return;
    }
    event.preventDefault();
    this.#perform(action, flat);
    this.requestUpdate();
    this.#scrollToActive();
  }

  #perform(action: TreeKeyAction, flat: FlatTree): void {
    const rows = this.#view.rows;
    const position = Math.max(0, this.#activePosition());
    const index = this.#active < 0 ? rows[0]! : this.#active;
    switch (action.kind) {
      case 'next':
        this.#active = rows[Math.min(rows.length - 1, position + 1)]!;
        break;
      case 'previous':
        this.#active = rows[Math.max(0, position - 1)]!;
        break;
      case 'first':
        this.#active = rows[0]!;
        break;
      case 'last':
        this.#active = rows[rows.length - 1]!;
        break;
      case 'right':
        this.#moveRight(flat, index, position);
        break;
      case 'left':
        this.#moveLeft(flat, index);
        break;
      case 'activate':
        this.#select(index, this.multiple ? 'toggle' : 'replace');
        break;
      case 'toggle-selection':
        this.#select(index, this.multiple ? 'toggle' : 'replace');
        break;
      case 'expand-siblings':
        this.#expandSiblings(flat, index);
        break;
      case 'type-ahead':
        this.#typeAheadTo(flat, action.character, position);
        break;
    }
  }

  /** A closed node opens, an open node moves to its first child, and an end node does nothing. */
  #moveRight(flat: FlatTree, index: number, position: number): void {
    if (!hasChildren(flat, index)) return;
    if (!this.#isExpanded(index)) {
      this.#setExpanded(index, true);
      return;
    }
    const next = this.#view.rows[position + 1];
    if (next !== undefined && flat.parent[next] === index) this.#active = next;
  }

  /** An open node closes, and a closed or end node moves to its parent. */
  #moveLeft(flat: FlatTree, index: number): void {
    if (this.#isExpanded(index)) {
      this.#setExpanded(index, false);
      return;
    }
    const parent = flat.parent[index]!;
    if (parent >= 0) this.#active = parent;
  }

  #expandSiblings(flat: FlatTree, index: number): void {
    const parent = flat.parent[index]!;
    let sibling = parent >= 0 ? parent + 1 : 0;
    const end = parent >= 0 ? flat.subtreeEnd[parent]! : flat.size;
    while (sibling < end) {
      this.#setExpanded(sibling, true);
      sibling = flat.subtreeEnd[sibling]!;
    }
  }

  /** Moves to the next drawn row whose title starts with the characters typed within the last half second. */
  #typeAheadTo(flat: FlatTree, character: string, position: number): void {
    const now = Date.now();
    const text = (now - this.#typeAhead.at < 500 ? this.#typeAhead.text : '') + character.toLowerCase();
    this.#typeAhead = { text, at: now };
    const rows = this.#view.rows;
    // A repeated first letter moves on to the next match, and a longer prefix may match the current row.
    const start = text.length === 1 ? position + 1 : position;
    for (let step = 0; step < rows.length; step++) {
      const candidate = rows[(start + step) % rows.length]!;
      if (flat.searchTitles[candidate]!.startsWith(text)) {
        this.#active = candidate;
        return;
      }
    }
  }

  #select(index: number, mode: 'replace' | 'toggle'): void {
    const flat = this.#flat;
    if (flat === null) return;
    const id = flat.nodes[index]!.id;
    if (mode === 'toggle') {
      this.selected = this.selected.includes(id) ? this.selected.filter((other) => other !== id) : [...this.selected, id];
    } else {
      this.selected = [id];
    }
    const detail: TreeSelectDetail = {
      id,
      ids: [...this.selected],
      path: pathOf(flat, index).map((node) => ({ id: node.id, title: node.title })),
    };
    this.dispatchEvent(new CustomEvent('conftree-select', { detail, bubbles: true, composed: true }));
  }

  #scrollToActive(): void {
    const position = this.#activePosition();
    if (position >= 0) this.#virtualizer?.scrollToIndex(position, { align: 'auto' });
  }

  protected override render(): TemplateResult {
    const flat = this.#flat;
    const status = this.#statusText();
    return html`
      <div class="toolbar" part="toolbar">
        <input
          type="search"
          part="search"
          aria-label="Search page titles"
          placeholder="Search titles"
          .value=${this.#query}
          @input=${this.#onSearchInput}
          @keydown=${this.#onSearchKeydown}
        />
        <button type="button" part="button expand-all" @click=${() => this.expandAll()}>Expand all</button>
        <button type="button" part="button collapse-all" @click=${() => this.collapseAll()}>Collapse all</button>
        <span class="status" part="status" role="status">${status}</span>
      </div>
      ${flat === null || flat.size === 0 ? html`<div class="message" part="message">${this.#message}</div>` : nothing}
      <div
        class="viewport"
        part="viewport"
        role="tree"
        tabindex="0"
        aria-label=${this.label}
        aria-multiselectable=${this.multiple ? 'true' : nothing}
        aria-activedescendant=${this.#active >= 0 && this.#activePosition() >= 0 ? `row-${this.#active}` : nothing}
        @keydown=${this.#onKeydown}
      >
        <div class="spacer" ${styleProperties({ height: `${this.#totalHeight()}px` })}>${this.#renderRows()}</div>
      </div>
    `;
  }

  #statusText(): string {
    if (this.#message !== '' && this.#flat !== null && this.#flat.size > 0) return this.#message;
    if (this.#view.matchCount < 0) return '';
    const search = this.#serverSearch;
    if (search.state === 'loading') return 'Searching…';
    if (search.state === 'failed') return `Search of the whole space failed: ${search.message}`;
    const loadedMatches = this.#view.matchCount;
    if (search.state === 'done' && search.total > loadedMatches) return `${loadedMatches} of ${search.total} matches`;
    return loadedMatches === 1 ? '1 match' : `${loadedMatches} matches`;
  }

  #totalHeight(): number {
    return this.#virtualizer?.getTotalSize() ?? this.#view.rows.length * this.rowHeight;
  }

  #renderRows(): TemplateResult[] {
    const flat = this.#flat;
    if (flat === null || this.#virtualizer === null) return [];
    const rows = this.#view.rows;
    const templates: TemplateResult[] = [];
    for (const item of this.#virtualizer.getVirtualItems()) {
      const index = rows[item.index];
      if (index !== undefined) templates.push(this.#renderRow(flat, index, item.start));
    }
    return templates;
  }

  #renderRow(flat: FlatTree, index: number, top: number): TemplateResult {
    const node = flat.nodes[index]!;
    const depth = flat.depth[index]!;
    const expandable = hasChildren(flat, index);
    const href = this.noLinks ? null : safeLinkUrl(node.url);
    const classes = index === this.#active ? 'row active' : 'row';
    const style = styleProperties({
      transform: `translateY(${top}px)`,
      height: `${this.rowHeight}px`,
      'padding-left': `${4 + depth * INDENT}px`,
    });
    return html`
      <div
        role="treeitem"
        id=${`row-${index}`}
        class=${classes}
        part="row"
        ${style}
        aria-level=${depth + 1}
        aria-posinset=${flat.positionInSet[index]!}
        aria-setsize=${flat.setSize[index]!}
        aria-expanded=${expandable ? String(this.#isExpanded(index)) : nothing}
        aria-selected=${String(this.selected.includes(node.id))}
        data-id=${node.id}
        @click=${(event: MouseEvent) => this.#onRowClick(event, index)}
      >
        <span class="toggle" part="toggle">${expandable ? chevronIcon() : nothing}</span>
        <span class="icon" part="icon">${typeIcon(node.type, node.home === true)}</span>
        ${href === null
          ? html`<span class="title" part="title">${node.title}</span>`
          : html`<a class="title" part="title link" href=${href} tabindex="-1" target="_top">${node.title}</a>`}
      </div>
    `;
  }
}
