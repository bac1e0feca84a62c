import { css } from 'lit';

/** Styles of `<conftree-picker>`; the tree in its dropdown keeps its own styles and custom properties. */
export const pickerStyles = css`
  :host {
    display: inline-block;
    position: relative;
    min-width: 16em;
    font: var(--conftree-font, 14px/1.4 system-ui, sans-serif);
    color: var(--conftree-color, #172b4d);
  }
  :host([hidden]) {
    display: none;
  }
  .control {
    position: relative;
  }
  .trigger {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    width: 100%;
    min-height: 2.2em;
    box-sizing: border-box;
    padding: 0.3em 2em 0.3em 0.6em;
    font: inherit;
    text-align: left;
    color: inherit;
    background: var(--conftree-background, #fff);
    border: var(--conftree-border, 1px solid #dfe1e6);
    border-radius: var(--conftree-radius, 4px);
    cursor: pointer;
  }
  .trigger::after {
    content: '▾';
    position: absolute;
    right: 0.6em;
    top: 0.35em;
    color: var(--conftree-muted-color, #6b778c);
  }
  .trigger:focus-visible {
    outline: 2px solid var(--conftree-focus-color, #4c9aff);
    outline-offset: 1px;
  }
  .trigger:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .placeholder {
    color: var(--conftree-muted-color, #6b778c);
  }
  .path.failed {
    color: var(--conftree-error-color, #ae2a19);
  }
  .path-error {
    margin-top: 0.25em;
    font-size: 0.9em;
    color: var(--conftree-error-color, #ae2a19);
  }
  .popup {
    position: absolute;
    z-index: var(--conftree-popup-z-index, 10);
    left: 0;
    top: calc(100% + 4px);
    width: var(--conftree-popup-width, max(100%, 28em));
    box-shadow: 0 4px 12px rgb(9 30 66 / 25%);
    --conftree-height: var(--conftree-popup-height, 18rem);
  }
  .popup[hidden] {
    display: none;
  }
`;
