/**
 * Reading of response bodies: JSON parsing with a content-type check, and the
 * error text of Confluence error bodies. Internal to the HTTP layer.
 */
import { toOneLine, truncate } from './redact.js';

/** Maximum length of the server error text quoted in an error message, in characters. */
const MAX_SERVER_MESSAGE_LENGTH = 200;

export type JsonBody =
  | { ok: true; data: unknown }
  /** The body is something else, such as an HTML login page. Not worth a retry. */
  | { ok: false; kind: 'not-json'; looksLikeHtml: boolean }
  /** The body declared or looked like JSON but did not parse, as a cut-off body does. */
  | { ok: false; kind: 'invalid-json' };

const HTML_START = /^<(?:!doctype|html|head|body|!--|\?xml|meta|title|script|form)\b/i;

/** Returns whether `text` starts like an HTML or XML document. */
export function looksLikeHtml(text: string): boolean {
  return HTML_START.test(text.replace(/^\uFEFF/, '').trimStart());
}

/**
 * Parses a response body as JSON.
 *
 * An HTML content type or an HTML-looking body gives `not-json`, even when
 * the server claims JSON, because single sign-on proxies respond with a login
 * page. A body that fails to parse gives `invalid-json` when it declared a JSON
 * content type or starts like JSON. An empty body counts as cut off.
 */
export function parseJsonBody(text: string, contentType: string): JsonBody {
  const type = contentType.toLowerCase();
  const html = looksLikeHtml(text);
  if (type.includes('html') || html) {
    return { ok: false, kind: 'not-json', looksLikeHtml: true };
  }

  const body = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, data: JSON.parse(body) as unknown };
  } catch {
    // Classified below.
  }

  const start = body.trimStart();
  const declaredJson = /[/+]json\b/.test(type);
  if (declaredJson || start === '' || /^[{["]/.test(start)) {
    return { ok: false, kind: 'invalid-json' };
  }
  return { ok: false, kind: 'not-json', looksLikeHtml: false };
}

/** Returns `value[key]` when `value` is an object, else `undefined`. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** Returns the first non-empty string among `values`. */
function firstText(...values: unknown[]): string | undefined {
  for (const value of values) {
    if (typeof value === 'string' && value.trim() !== '') {
      return value;
    }
  }
  return undefined;
}

/**
 * Returns the error text of a Confluence error body, on one line and at most
 * 200 characters, or `undefined` when the body has none. Reads the v2 form
 * `{"errors":[{"title","detail"}]}`, the v1 and Server form `{"message"}`, and
 * short plain text. Markup, such as an HTML error page, gives `undefined`.
 */
export function serverErrorMessage(text: string): string | undefined {
  let message: string | undefined;
  try {
    const body: unknown = JSON.parse(text);
    const errors = field(body, 'errors');
    const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
    message = firstText(field(first, 'detail'), field(first, 'title'), field(body, 'message'), field(body, 'reason'));
  } catch {
    const plain = text.trim();
    if (plain !== '' && !plain.startsWith('<') && !plain.startsWith('{') && !plain.startsWith('[')) {
      message = plain;
    }
  }

  if (message === undefined) {
    return undefined;
  }
  return truncate(toOneLine(message), MAX_SERVER_MESSAGE_LENGTH);
}
