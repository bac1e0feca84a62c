import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';

import type { TreeDocument } from '../model/document.js';
import { pickerStyles } from './picker-styles.js';
import type { ConftreeTree, TreeSelectDetail } from './tree-element.js';

/** Separator between the titles of a path. */
const PATH_SEPARATOR = ' › ';

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
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('values') || changed.has('name') || changed.has('required') || changed.has('multiple')) {
      this.#syncFormValue();
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

  #onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (this.open && (next === null || !this.contains(next)) && !this.renderRoot.contains(next)) {
      this.open = false;
    }
  }

  /** Returns the path of a picked page as text, or its id when the page is not loaded. */
  pathText(id: string): string {
    const path = this.#tree()?.pathOf(id);
    return path === null || path === undefined ? `Page ${id}` : path.map((node) => node.title).join(PATH_SEPARATOR);
  }

  protected override render(): TemplateResult {
    const disabled = this.#isDisabled();
    return html`
      <div class="control" @focusout=${this.#onFocusOut}>
        <button
          type="button"
          class="trigger"
          part="button"
          aria-haspopup="tree"
          aria-expanded=${String(this.open)}
          ?disabled=${disabled}
          @click=${this.#onTriggerClick}
          @keydown=${this.#onTriggerKeydown}
        >
          ${this.#renderSelection()}
        </button>
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
            @conftree-load=${() => this.requestUpdate()}
          ></conftree-tree>
        </div>
      </div>
    `;
  }

  #renderSelection(): TemplateResult | typeof nothing {
    if (this.values.length === 0) {
      return html`<span class="placeholder" part="placeholder">${this.placeholder}</span>`;
    }
    return html`${this.values.map((id) => html`<span class="path" part="path">${this.pathText(id)}</span>`)}`;
  }
}
