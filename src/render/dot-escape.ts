import { escapeControlCharacters } from './escape-controls.js';

const XML_SPECIAL = /[&<>"']/g;

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Returns text as a Graphviz HTML-like label, `<...>`. Control characters
 * become visible escapes (`escapeControlCharacters`), then `&`, `<`, `>` and
 * quotes become XML entities. An HTML-like label is used instead of a quoted
 * string because Graphviz treats backslash sequences in a quoted label as
 * escapes (`\N` is the node name, `\l` a line break), and its documentation
 * leaves open how a backslash right before the closing quote is read. Inside
 * `<...>` a backslash is an ordinary character.
 */
export function dotHtmlLabel(text: string): string {
  const escaped = escapeControlCharacters(text).replace(XML_SPECIAL, (character) => XML_ENTITIES[character] ?? character);
  return `<${escaped}>`;
}

/**
 * Returns `value` as a quoted DOT string when it contains no double quote,
 * backslash or control character, or null otherwise. Meant for URLs and ids,
 * which a caller leaves out rather than escapes when they are unusual.
 */
export function dotPlainString(value: string | undefined): string | null {
  if (value === undefined || /["\\\u0000-\u001f\u007f-\u009f]/.test(value)) {
    return null;
  }
  return `"${value}"`;
}
