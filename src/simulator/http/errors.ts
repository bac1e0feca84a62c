/**
 * Error responses in the two body styles that Confluence uses.
 *
 * Cloud REST v2: `{"errors":[{"status":404,"code":"NOT_FOUND","title":"Not Found","detail":null}]}`.
 * REST v1 (Cloud and Server/Data Center):
 * `{statusCode, data:{authorized, valid, allowedInReadOnlyMode, errors, successful}, message, reason}`.
 */
import { STATUS_CODES } from 'node:http';

export type ErrorStyle = 'v2' | 'v1';

/** A request that a handler rejects; `app.ts` turns it into an error response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const V2_CODES: Record<number, string> = {
  400: 'INVALID_REQUEST_PARAMETER',
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  501: 'NOT_IMPLEMENTED',
};

export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** `detail` is null for 404, as Cloud sends it; other statuses carry the message. */
export function v2ErrorBody(status: number, detail: string | null) {
  return {
    errors: [
      {
        status,
        code: V2_CODES[status] ?? 'ERROR',
        title: reasonPhrase(status),
        detail: status === 404 ? null : detail,
      },
    ],
  };
}

export function v1ErrorBody(status: number, message: string) {
  return {
    statusCode: status,
    data: {
      authorized: false,
      valid: status !== 400,
      allowedInReadOnlyMode: true,
      errors: [],
      successful: false,
    },
    message,
    reason: reasonPhrase(status),
  };
}

export function errorResponse(
  style: ErrorStyle,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const body = style === 'v2' ? v2ErrorBody(status, message) : v1ErrorBody(status, message);
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json;charset=UTF-8', ...headers },
  });
}
