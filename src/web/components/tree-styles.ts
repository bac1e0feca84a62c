import { css } from 'lit';

/**
 * Styles of `<conftree-tree>`. Lit applies them as a constructed style sheet
 * (`adoptedStyleSheets`), which a Content-Security-Policy without
 * 'unsafe-inline' allows. Every colour and size is a custom property.
 */
export const treeStyles = css`
  :host {
    display: block;
    font: var(--conftree-font, 14px/1.4 system-ui, sans-serif);
    color: var(--conftree-color, #172b4d);
    background: var(--conftree-background, #fff);
    border: var(--conftree-border, 1px solid #dfe1e6);
    border-radius: var(--conftree-radius, 4px);
  }
  :host([hidden]) {
    display: none;
  }
  .toolbar {
    display: flex;
    gap: 0.5em;
    align-items: center;
    padding: 0.5em;
    border-bottom: var(--conftree-border, 1px solid #dfe1e6);
  }
  input[type='search'] {
    flex: 1;
    min-width: 8em;
    font: inherit;
    padding: 0.25em 0.5em;
    border: var(--conftree-border, 1px solid #dfe1e6);
    border-radius: var(--conftree-radius, 4px);
  }
  button {
    font: inherit;
    padding: 0.25em 0.6em;
    border: var(--conftree-border, 1px solid #dfe1e6);
    border-radius: var(--conftree-radius, 4px);
    background: var(--conftree-button-background, #f4f5f7);
    color: inherit;
    cursor: pointer;
  }
  .status {
    color: var(--conftree-muted-color, #6b778c);
    font-size: 0.9em;
    white-space: nowrap;
  }
  .viewport {
    position: relative;
    height: var(--conftree-height, 24rem);
    overflow: auto;
    outline: none;
  }
  .viewport:focus-visible {
    box-shadow: inset 0 0 0 2px var(--conftree-focus-color, #4c9aff);
  }
  .spacer {
    position: relative;
    width: 100%;
  }
  .row {
    position: absolute;
    top: 0;
    left: 0;
    right: 0;
    display: flex;
    align-items: center;
    gap: 0.3em;
    box-sizing: border-box;
    white-space: nowrap;
    cursor: default;
  }
  .row:hover {
    background: var(--conftree-hover-background, #f4f5f7);
  }
  .row[aria-selected='true'] {
    background: var(--conftree-selected-background, #deebff);
  }
  .row.active {
    box-shadow: inset 0 0 0 2px var(--conftree-focus-color, #4c9aff);
  }
  .toggle {
    display: inline-flex;
    width: 16px;
    justify-content: center;
    color: var(--conftree-muted-color, #6b778c);
    transition: transform 0.1s;
  }
  .row[aria-expanded='true'] > .toggle {
    transform: rotate(90deg);
  }
  .icon {
    display: inline-flex;
    color: var(--conftree-icon-color, #42526e);
  }
  .title {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  a.title {
    color: var(--conftree-link-color, #0052cc);
    text-decoration: none;
  }
  a.title:hover {
    text-decoration: underline;
  }
  .match {
    font-weight: 600;
  }
  .message {
    padding: 1em;
    color: var(--conftree-muted-color, #6b778c);
  }
`;
