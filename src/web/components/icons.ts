import { svg, type SVGTemplateResult } from 'lit';

/**
 * Type icons as inline SVG, so they need no font or image file and follow
 * `currentColor`. Each is 16 × 16 user units.
 */
const ICONS: Record<string, SVGTemplateResult> = {
  page: svg`<path d="M4 1.5h5.5L13 5v9.5H4z" fill="none" stroke="currentColor" stroke-width="1.2"/><path d="M9.5 1.5V5H13" fill="none" stroke="currentColor" stroke-width="1.2"/>`,
  home: svg`<path d="M2 8 8 2.5 14 8M4 7v7h3v-4h2v4h3V7" fill="none" stroke="currentColor" stroke-width="1.2" stroke-linejoin="round"/>`,
  folder: svg`<path d="M1.5 3.5h5l1.5 2h6.5v8h-13z" fill="none" stroke="currentColor" stroke-width="1.2" stroke-linejoin="round"/>`,
  whiteboard: svg`<rect x="1.5" y="2.5" width="13" height="9" fill="none" stroke="currentColor" stroke-width="1.2"/><path d="M5 14.5 8 11.5l3 3M4 8.5l3-3 2 2 3-3" fill="none" stroke="currentColor" stroke-width="1.2"/>`,
  database: svg`<ellipse cx="8" cy="3.5" rx="5.5" ry="2" fill="none" stroke="currentColor" stroke-width="1.2"/><path d="M2.5 3.5v9c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2v-9M2.5 8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2" fill="none" stroke="currentColor" stroke-width="1.2"/>`,
  embed: svg`<path d="M6.5 9.5a3 3 0 0 0 4.2 0l2.3-2.3a3 3 0 0 0-4.2-4.2L7.7 4.1M9.5 6.5a3 3 0 0 0-4.2 0L3 8.8A3 3 0 0 0 7.2 13l1.1-1.1" fill="none" stroke="currentColor" stroke-width="1.2"/>`,
};

const CHEVRON = svg`<path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/>`;

/** Returns the icon of a node type; the home page gets a house, and an unknown type the page icon. */
export function typeIcon(type: string, isHome: boolean): SVGTemplateResult {
  const key = isHome ? 'home' : type;
  return svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${ICONS[key] ?? ICONS['page']}</svg>`;
}

export function chevronIcon(): SVGTemplateResult {
  return svg`<svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">${CHEVRON}</svg>`;
}
