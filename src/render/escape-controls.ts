/**
 * C0 controls, DEL and C1 controls (which include NEL, U+0085), plus the
 * Unicode line and paragraph separators, which editors treat as line breaks,
 * and the bidirectional embedding, override and isolate controls, which
 * reorder the text that follows them on screen.
 */
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * Replaces control characters with visible escapes: `\n`, `\r` and `\t` by
 * name, other characters up to U+00FF as `\xHH`, and the rest as `\uHHHH`.
 * Backslashes are left as they are, so the result is not reversible.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE_CHARACTER, (character) => {
    const named = NAMED_ESCAPES[character];
    if (named !== undefined) {
      return named;
    }
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
