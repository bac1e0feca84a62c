/** An injected `fetch` for unit tests. It returns responses from a function, records each call and opens no sockets. */

export interface FetchCall {
  url: string;
  headers: Record<string, string>;
}

export type Responder = (url: string, index: number) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: typeof globalThis.fetch;
  calls: FetchCall[];
}

export function fakeFetch(responder: Responder): FakeFetch {
  const calls: FetchCall[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let url: string;
    if (typeof input === 'string') {
      url = input;
    } else if (input instanceof URL) {
      url = input.href;
    } else {
      url = input.url;
    }
    calls.push({ url, headers: { ...(init?.headers as Record<string, string> | undefined) } });
    return responder(url, calls.length - 1);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** Returns an error shaped like the one Node's fetch (undici) raises for a failed connection. */
export function fetchFailed(code: string, message = `connect ${code} 127.0.0.1:1`): TypeError {
  const cause = Object.assign(new Error(message), { code });
  return new TypeError('fetch failed', { cause });
}

/** Returns a logger that stores every call, and the list it stores them in. */
export function recordingLogger() {
  const lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, fields });
  };
  return { lines, logger: { debug: log('debug'), info: log('info'), warn: log('warn') } };
}
