import { escapeControlCharacters } from './escape-controls.js';

/**
 * Characters that start or end inline markup anywhere in a line: backslash
 * escapes, code spans, emphasis, links and images, HTML and autolinks, entity
 * references, and the GitHub Flavored Markdown strikethrough and table cells.
 */
const INLINE_SPECIAL = /[\\`*_[\]<>&~|]/g;

/** A start of line that CommonMark reads as a heading, a list marker or a block quote. */
const BLOCK_START = /^(?:[#+\-=]|\d+(?=[.)]))/;

/** `#` at the end of a line, which closes an ATX heading and would be dropped from it, unless already escaped. */
const END_HASHES = /(?<!\\)#+$/;

/** Spaces at either end of a text, which a Markdown parser would strip. */
const EDGE_SPACES = /^ +| +$/g;

/**
 * Escapes text for Markdown inline content, as CommonMark 0.31 defines it.
 * Control characters first become visible escapes (`escapeControlCharacters`),
 * so a title stays on one line. Then each inline markup character gets a
 * backslash, and so do a start of line such as `#`, `-` or `1.` and a `#` at
 * the end, which would close a heading. Spaces at
 * either end become `&#32;`, which a parser keeps. So the text reads back as
 * it went in after the control character step, and other punctuation, such as
 * `/`, `.` or `(`, stays readable in the file.
 */
export function escapeMarkdown(text: string): string {
  let escaped = escapeControlCharacters(text).replace(INLINE_SPECIAL, (character) => `\\${character}`);
  escaped = escaped.replace(BLOCK_START, (start) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`));
  escaped = escaped.replace(END_HASHES, (hashes) => `\\${hashes}`);
  return escaped.replace(EDGE_SPACES, (spaces) => '&#32;'.repeat(spaces.length));
}

/** Characters that a `<...>` link destination cannot contain, or that would change its meaning. */
const UNSAFE_IN_DESTINATION = /[\u0000-\u0020<>\\\u007f-\u009f]/g;

/**
 * Returns a link destination for `[text](<...>)`, or null when `url` is not
 * an absolute http or https URL. Characters that would end or change the
 * destination are percent-encoded.
 */
export function markdownLinkDestination(url: string | undefined): string | null {
  if (url === undefined || !/^https?:\/\//i.test(url)) {
    return null;
  }
  const encoded = url.replace(UNSAFE_IN_DESTINATION, (character) => encodeURIComponent(character));
  return `<${encoded}>`;
}
