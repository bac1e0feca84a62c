import { isConftreeError, isHttpStatusError } from '../confluence/index.js';

/** An HTTP status and a message for a failed fetch, for API clients. */
export interface FetchFailure {
  status: 404 | 502 | 500;
  message: string;
}

/**
 * Maps an error of `fetchSpaceTree` to a response: 404 when Confluence has no
 * such space, 502 for every other failure of the Confluence site (its
 * credentials included, which are the server's, not the caller's), and 500
 * for a bug. The library's messages name no secret.
 */
export function describeFetchFailure(error: unknown): FetchFailure {
  if (isConftreeError(error)) {
    const notFound = error.code === 'space-not-found' || (isHttpStatusError(error) && error.status === 404);
    return { status: notFound ? 404 : 502, message: error.message };
  }
  return { status: 500, message: 'Internal error while fetching the tree; the server log has the details.' };
}
