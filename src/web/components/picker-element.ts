import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';

import type { TreeDocument } from '../model/document.js';
import { spaceApiUrl } from '../model/load-document.js';
import { ServerPaths } from '../model/server-paths.js';
import { pickerStyles } from './picker-styles.js';
import type { ConftreeTree, TreeSelectDetail } from './tree-element.js';

/** Separator between the titles of a path. */
const PATH_SEPARATOR = ' › ';

/** Id of the element that describes a failed path request, for `aria-describedby`. */
const PATH_ERROR_ID = 'path-error';

/**
 * `<conftree-picker>`: a form control that opens a `<conftree-tree>` as a
 * dropdown and picks one page, or several with `multiple`.
 *
 * It is a form-associated custom element (HTML Living Standard,
 * "Form-associated custom elements"). Inside a `<form>` it submits one
 * `name=ID` entry per picked page and takes part in constraint validation
 * with `required`. On form reset it returns to its `value` attribute, and it
 * follows `disabled` on an enclosing `<fieldset>`.
 *
 * Keyboard: Enter, Space or Down on the button opens the tree with focus in
 * its search field, Enter picks the active page, Escape closes without a change.
 * The dropdown also closes on a click outside the picker, when focus moves to
 * an element outside it, and when a page is picked without `multiple`.
 *
 * A picked page that the tree has not loaded (with `lazy`) shows its path
 * from the path endpoint of `conftree serve`, when `src` is a tree URL of that
 * server, and its id otherwise.
 */
export class ConftreePicker extends LitElement {
  static formAssociated = true;

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = pickerStyles;

  static override properties = {
    name: { type: String, reflect: true },
    src: { type: String },
    lazy: { type: Boolean },
    data: { attribute: false },
    multiple: { type: Boolean, reflect: true },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    placeholder: { type: String },
    defaultValue: { type: String, attribute: 'value' },
    open: { type: Boolean, reflect: true },
    values: { attribute: false },
  };

  /** Field name in the submitted form data. */
  declare name: string;
  /** URL of a tree document, passed to the tree. */
  declare src: string | undefined;
  declare lazy: boolean;
  /** A tree document, passed to the tree. */
  declare data: TreeDocument | undefined;
  declare multiple: boolean;
  declare required: boolean;
  declare disabled: boolean;
  declare placeholder: string;
  /** The `value` attribute: the picked ids at first and after a form reset, comma-separated when `multiple`. */
  declare defaultValue: string;
  /** Whether the dropdown is shown. */
  declare open: boolean;
  /** Picked page ids. */
  declare values: string[];

  readonly #internals: ElementInternals;
  #formDisabled = false;
  #valuesTouched = false;
  /** Paths of picked pages that the tree has not loaded, requested from the server. */
  readonly #serverPaths = new ServerPaths(() => this.requestUpdate());
  /** Set once the tree has loaded its document or failed to, so only pages it lacks are requested. */
  #treeSettled = false;
  /** Set from a pointer press inside the picker until the pointer is released. */
  #pressInside = false;
  readonly #onDocumentPointerDown = (event: PointerEvent): void => {
    if (this.open && !event.composedPath().includes(this)) {
      this.open = false;
    }
  };
  readonly #onDocumentPointerUp = (): void => {
    this.#pressInside = false;
  };

  constructor() {
    super();
    this.#internals = this.attachInternals();
    this.name = '';
    this.lazy = false;
    this.multiple = false;
    this.required = false;
    this.disabled = false;
    this.placeholder = 'Pick a page';
    this.defaultValue = '';
    this.open = false;
    this.values = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Capture, so that a page handler that stops propagation cannot keep the dropdown open.
    document.addEventListener('pointerdown', this.#onDocumentPointerDown, true);
    document.addEventListener('pointerup', this.#onDocumentPointerUp, true);
    document.addEventListener('pointercancel', this.#onDocumentPointerUp, true);
    if (this.hasUpdated) {
      this.#requestMissingPaths();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onDocumentPointerDown, true);
    document.removeEventListener('pointerup', this.#onDocumentPointerUp, true);
    document.removeEventListener('pointercancel', this.#onDocumentPointerUp, true);
    this.#serverPaths.abort();
  }

  /** The first picked page id, or '' when none is picked. Setting it picks that one page. */
  get value(): string {
    return this.values[0] ?? '';
  }

  set value(id: string) {
    this.#valuesTouched = true;
    this.values = id === '' ? [] : [id];
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get validity(): ValidityState {
    return this.#internals.validity;
  }

  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.#internals.willValidate;
  }

  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  formResetCallback(): void {
    this.#valuesTouched = false;
    this.values = this.#parseDefault();
    this.open = false;
  }

  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.requestUpdate();
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') {
      this.values = state === '' ? [] : [state];
    } else if (state instanceof FormData) {
      this.values = state.getAll(this.name).filter((entry): entry is string => typeof entry === 'string');
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('defaultValue') && !this.#valuesTouched) {
      this.values = this.#parseDefault();
    }
    if ((changed.has('src') && changed.get('src') !== undefined) || (changed.has('data') && changed.get('data') !== undefined)) {
      this.#resetServerPaths();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('values') || changed.has('name') || changed.has('required') || changed.has('multiple')) {
      this.#syncFormValue();
    }
    if (changed.has('values') || changed.has('src')) {
      this.#requestMissingPaths();
    }
  }

  #parseDefault(): string[] {
    const ids = this.defaultValue.split(',').map((id) => id.trim()).filter((id) => id !== '');
    return this.multiple ? ids : ids.slice(0, 1);
  }

  #syncFormValue(): void {
    if (this.multiple) {
      const entries = new FormData();
      for (const id of this.values) entries.append(this.name, id);
      this.#internals.setFormValue(entries, entries);
    } else {
      this.#internals.setFormValue(this.value === '' ? null : this.value, this.value);
    }

    const anchor = this.renderRoot.querySelector<HTMLElement>('button.trigger') ?? undefined;
    if (this.required && this.values.length === 0) {
      this.#internals.setValidity({ valueMissing: true }, this.multiple ? 'Pick at least one page.' : 'Pick a page.', anchor);
    } else {
      this.#internals.setValidity({});
    }
  }

  #resetServerPaths(): void {
    this.#serverPaths.clear();
    this.#treeSettled = false;
  }

  #onTreeSettled(): void {
    this.#treeSettled = true;
    this.#requestMissingPaths();
    this.requestUpdate();
  }

  /** Asks the server for the path of each picked page that the loaded tree lacks. */
  #requestMissingPaths(): void {
    const spaceUrl = spaceApiUrl(this.src);
    const tree = this.#tree();
    if (spaceUrl === null || !this.#treeSettled || tree === null) {
      return;
    }
    for (const id of this.values) {
      if (tree.pathOf(id) === null) {
        this.#serverPaths.request(spaceUrl, id);
      }
    }
  }

  #tree(): ConftreeTree | null {
    return this.renderRoot.querySelector<ConftreeTree>('conftree-tree');
  }

  #isDisabled(): boolean {
    return this.disabled || this.#formDisabled;
  }

  #show(): void {
    if (this.#isDisabled()) return;
    this.open = true;
    void this.updateComplete.then(() => this.#tree()?.focusSearch());
  }

  #close(returnFocus: boolean): void {
    this.open = false;
    if (returnFocus) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('button.trigger')?.focus());
    }
  }

  #onTriggerKeydown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#show();
    }
  }

  #onTriggerClick(): void {
    if (this.open) {
      this.#close(false);
    } else {
      this.#show();
    }
  }

  #onSelect(event: CustomEvent<TreeSelectDetail>): void {
    event.stopPropagation();
    this.#valuesTouched = true;
    this.values = this.multiple ? event.detail.ids : [event.detail.id];
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
    if (!this.multiple) {
      this.#close(true);
    }
  }

  #onPopupKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#close(true);
    }
  }

  #onPointerDown(): void {
    this.#pressInside = true;
  }

  /**
   * Closes the dropdown when focus moves to an element outside the picker.
   * Focus that moves to no element comes from a click on a part that cannot
   * take focus (padding, a toolbar's background, a scrollbar), from leaving
   * the window, or from a removed element. None of these closes the dropdown,
   * and after such a click inside the picker, focus returns where it was so
   * that Escape and the arrow keys keep working.
   */
  #onFocusOut(event: FocusEvent): void {
    if (!this.open) return;
    const next = event.relatedTarget as Node | null;
    if (next === null) {
      const previous = event.composedPath()[0];
      if (this.#pressInside && previous instanceof HTMLElement) {
        setTimeout(() => this.#restoreFocus(previous), 0);
      }
      return;
    }
    if (!this.contains(next) && !this.renderRoot.contains(next)) {
      this.open = false;
    }
  }

  #restoreFocus(previous: HTMLElement): void {
    const active = document.activeElement;
    if (this.open && previous.isConnected && (active === null || active === document.body)) {
      previous.focus({ preventScroll: true });
    }
  }

  /** Returns the path of a picked page as text, or its id when neither the tree nor the server has provided the path. */
  pathText(id: string): string {
    const path = this.#tree()?.pathOf(id);
    if (path !== null && path !== undefined) {
      return path.map((node) => node.title).join(PATH_SEPARATOR);
    }
    const fromServer = this.#serverPaths.get(id);
    if (fromServer?.state === 'loaded') {
      return fromServer.titles.join(PATH_SEPARATOR);
    }
    return fromServer?.state === 'loading' || this.#awaitsTree() ? `Loading the path of page ${id}…` : `Page ${id}`;
  }

  /** Returns true while the tree of a server URL is loading, after which missing paths are requested. */
  #awaitsTree(): boolean {
    return !this.#treeSettled && spaceApiUrl(this.src) !== null;
  }

  #isLoadingPath(id: string): boolean {
    const tree = this.#tree();
    if (tree !== null && tree.pathOf(id) !== null) return false;
    return this.#serverPaths.get(id)?.state === 'loading' || this.#awaitsTree();
  }

  #pathFailures(): Array<{ id: string; message: string }> {
    const tree = this.#tree();
    const failures: Array<{ id: string; message: string }> = [];
    for (const id of this.values) {
      const path = this.#serverPaths.get(id);
      if (path?.state === 'failed' && (tree === null || tree.pathOf(id) === null)) {
        failures.push({ id, message: path.message });
      }
    }
    return failures;
  }

  protected override render(): TemplateResult {
    const disabled = this.#isDisabled();
    const failures = this.#pathFailures();
    const loading = this.values.some((id) => this.#isLoadingPath(id));
    return html`
      <div class="control" @focusout=${this.#onFocusOut} @pointerdown=${this.#onPointerDown}>
        <button
          type="button"
          class="trigger"
          part="button"
          aria-haspopup="tree"
          aria-expanded=${String(this.open)}
          aria-busy=${loading ? 'true' : nothing}
          aria-describedby=${failures.length > 0 ? PATH_ERROR_ID : nothing}
          ?disabled=${disabled}
          @click=${this.#onTriggerClick}
          @keydown=${this.#onTriggerKeydown}
        >
          ${this.#renderSelection()}
        </button>
        ${failures.length > 0 ? this.#renderPathErrors(failures) : nothing}
        <div class="popup" part="popup" ?hidden=${!this.open} @keydown=${this.#onPopupKeydown}>
          <conftree-tree
            exportparts="toolbar, search, viewport, row, toggle, icon, title, status"
            no-links
            label=${this.multiple ? 'Pick pages' : 'Pick a page'}
            .src=${this.src}
            .lazy=${this.lazy}
            .data=${this.data}
            .multiple=${this.multiple}
            .selected=${this.values}
            @conftree-select=${this.#onSelect}
            @conftree-load=${this.#onTreeSettled}
            @conftree-error=${this.#onTreeSettled}
          ></conftree-tree>
        </div>
      </div>
    `;
  }

  #renderSelection(): TemplateResult | typeof nothing {
    if (this.values.length === 0) {
      return html`<span class="placeholder" part="placeholder">${this.placeholder}</span>`;
    }
    // Titles are bound as text, so markup in a title is shown, never parsed.
    return html`${this.values.map((id) => {
      const failed = this.#serverPaths.get(id)?.state === 'failed' && this.#tree()?.pathOf(id) == null;
      return html`<span class=${failed ? 'path failed' : 'path'} part=${failed ? 'path path-failed' : 'path'}>${this.pathText(id)}</span>`;
    })}`;
  }

  #renderPathErrors(failures: Array<{ id: string; message: string }>): TemplateResult {
    return html`
      <div id=${PATH_ERROR_ID} class="path-error" part="path-error" role="alert">
        ${failures.map(({ id, message }) => html`<div>The path of page ${id} could not be loaded: ${message}</div>`)}
      </div>
    `;
  }
}
