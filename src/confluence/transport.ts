/**
 * One HTTP attempt: send a GET with a timeout, read the whole body, and report
 * what happened without throwing. Retries and errors are the client's job.
 * Internal to the HTTP layer.
 */
import { toOneLine } from './redact.js';
import { ATTEMPT_TIMEOUT } from './retry-policy.js';

export interface AttemptRequest {
  url: string;
  /** Request headers, credentials included; they never leave this function. */
  headers: Record<string, string>;
  /** Timeout of the whole attempt (connect, headers and body), in milliseconds. */
  timeoutMs: number;
  fetch: typeof globalThis.fetch;
}

/** Result of one attempt. `bytes` is the decoded body length that arrived. */
export type AttemptOutcome =
  | {
      kind: 'response';
      status: number;
      headers: Headers;
      /** The body decoded as UTF-8. */
      text: string;
      bytes: number;
      /** The URL that responded, after redirects. */
      finalUrl: string;
    }
  | {
      kind: 'failure';
      /** `ATTEMPT_TIMEOUT`, a Node.js or undici code such as `ECONNREFUSED`, or undefined. */
      errorCode: string | undefined;
      /** Message of the innermost cause, on one line; not yet redacted. */
      message: string;
      bytes: 0;
    };

/** Returns the own `code` property of an error-like value when it is a string. */
function ownCode(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('code' in value)) {
    return undefined;
  }
  return typeof value.code === 'string' ? value.code : undefined;
}

/**
 * Returns the innermost error of the `cause` chain, following the first entry
 * of an `AggregateError` (which Node.js raises when every address of a host
 * refuses the connection).
 */
function innermostCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth += 1) {
    if (typeof current === 'object' && current !== null && 'cause' in current && current.cause !== undefined) {
      current = current.cause;
    } else if (current instanceof AggregateError && current.errors.length > 0) {
      current = current.errors[0];
    } else {
      break;
    }
  }
  return current;
}

/**
 * Returns the error code of a failed fetch. Node's fetch (undici) rejects with
 * `TypeError: fetch failed` and puts the code on `cause`, such as
 * `ECONNREFUSED` or `UND_ERR_SOCKET`. A body cut off mid-read rejects with
 * `TypeError: terminated` and a code on `cause` in the same way.
 */
export function fetchErrorCode(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; depth < 5; depth += 1) {
    const code = ownCode(current);
    if (code !== undefined) {
      return code;
    }
    if (current instanceof AggregateError && current.errors.length > 0) {
      current = current.errors[0];
      continue;
    }
    if (typeof current === 'object' && current !== null && 'cause' in current) {
      current = current.cause;
      continue;
    }
    break;
  }
  return undefined;
}

/** Returns the message of the innermost cause of a failed fetch, on one line. */
export function fetchErrorMessage(error: unknown): string {
  const cause = innermostCause(error);
  const message = cause instanceof Error ? cause.message : String(cause);
  return toOneLine(message) || 'unknown error';
}

/** Sends one GET and reads the whole body. Never throws. */
export async function sendAttempt(request: AttemptRequest): Promise<AttemptOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);

  try {
    const response = await request.fetch(request.url, {
      method: 'GET',
      headers: request.headers,
      redirect: 'follow',
      signal: controller.signal,
    });
    const body = new Uint8Array(await response.arrayBuffer());

    return {
      kind: 'response',
      status: response.status,
      headers: response.headers,
      text: new TextDecoder('utf-8').decode(body),
      bytes: body.byteLength,
      finalUrl: response.url === '' ? request.url : response.url,
    };
  } catch (error) {
    if (timedOut) {
      return { kind: 'failure', errorCode: ATTEMPT_TIMEOUT, message: `timed out after ${request.timeoutMs} ms`, bytes: 0 };
    }
    return { kind: 'failure', errorCode: fetchErrorCode(error), message: fetchErrorMessage(error), bytes: 0 };
  } finally {
    clearTimeout(timer);
  }
}
