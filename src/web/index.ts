/**
 * Entry of the browser bundle: defines `<conftree-tree>` and
 * `<conftree-picker>`. Loading the bundle twice defines them once.
 */
import { ConftreePicker } from './components/picker-element.js';
import { ConftreeTree } from './components/tree-element.js';

export { ConftreePicker, ConftreeTree };
export type { TreeSelectDetail } from './components/tree-element.js';
export type { TreeDocument, TreeDocumentNode } from './model/document.js';

if (customElements.get('conftree-tree') === undefined) {
  customElements.define('conftree-tree', ConftreeTree);
}
if (customElements.get('conftree-picker') === undefined) {
  customElements.define('conftree-picker', ConftreePicker);
}

declare global {
  interface HTMLElementTagNameMap {
    'conftree-tree': ConftreeTree;
    'conftree-picker': ConftreePicker;
  }
}
