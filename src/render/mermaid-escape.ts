import { escapeControlCharacters } from './escape-controls.js';

/**
 * ASCII characters other than letters, digits and space. Mermaid reads `"`
 * as the end of a label, `#...;` as an entity code, and `<`, `>`, `&` as HTML
 * in the drawn label. Its `encodeEntities` step also drops the last `;` of a
 * line that contains `style` or `classDef` and then `:` and `#`. Escaping all
 * of them leaves nothing for Mermaid to interpret.
 */
const ASCII_SYMBOL = /[\u0021-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007e]/g;

/** Spaces at either end of a label, which Mermaid trims. */
const EDGE_SPACES = /^ +| +$/g;

/**
 * Escapes text for the inside of a quoted Mermaid label (`n1["..."]`).
 * Control characters become visible escapes (`escapeControlCharacters`), then
 * each ASCII symbol and each space at either end becomes a decimal entity code
 * such as `#35;`, which Mermaid decodes in labels (its own examples write
 * `#quot;` and `#9829;`). Letters, digits, inner spaces and non-ASCII
 * characters stay as they are.
 */
export function escapeMermaidLabel(text: string): string {
  const symbolsEscaped = escapeControlCharacters(text).replace(ASCII_SYMBOL, (character) => `#${character.charCodeAt(0)};`);
  return symbolsEscaped.replace(EDGE_SPACES, (spaces) => '#32;'.repeat(spaces.length));
}
