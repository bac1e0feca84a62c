import { escapeControlCharacters } from './escape-controls.js';

/**
 * Characters that XML 1.0 does not allow at all, even as character
 * references: C0 controls other than tab, LF and CR, lone surrogates, and
 * U+FFFE and U+FFFF (XML 1.0 fifth edition, production 2, `Char`).
 */
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Escapes text for a double-quoted XML attribute value. Tab, LF and CR become
 * character references, because a parser would otherwise normalize them to
 * spaces (XML 1.0, section 3.3.3), so those titles read back exactly.
 * Characters that XML cannot carry become visible escapes such as `\x1b`
 * (`escapeControlCharacters`), and `\uFFFE`-style for the rest.
 */
export function escapeXmlAttribute(text: string): string {
  const allowed = text.replace(NOT_XML_CHARACTER, (character) => {
    const visible = escapeControlCharacters(character);
    return visible !== character ? visible : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return allowed.replace(/[&<>"\t\n\r]/g, (character) => ATTRIBUTE_ESCAPES[character] ?? character);
}

/** Escapes text for XML element content. */
export function escapeXmlText(text: string): string {
  return escapeXmlAttribute(text);
}
