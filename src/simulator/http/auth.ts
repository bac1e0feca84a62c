/**
 * Authentication middleware. Basic authentication checks the username and the
 * profile's secret: the API token on Cloud, the password on Server and Data Center.
 * Bearer accepts the personal access token on profiles that have them (Data
 * Center 7.9+), and on Cloud in place of an OAuth access token.
 * Anything else gets 401 in the error style of the requested path.
 */
import { Buffer } from 'node:buffer';
import type { MiddlewareHandler } from 'hono';
import type { SimulatorCredentials } from '../types.js';
import type { FlavorProfile } from '../profiles/profile.js';
import { errorResponse, type ErrorStyle } from './errors.js';

export function isAuthorized(header: string | undefined, credentials: SimulatorCredentials, profile: FlavorProfile): boolean {
  if (header === undefined) {
    return false;
  }
  const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === 'bearer') {
    return profile.bearerTokens && value === credentials.personalToken;
  }
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator < 0) {
      return false;
    }
    const username = decoded.slice(0, separator);
    const secret = decoded.slice(separator + 1);
    return username === credentials.username && secret === credentials[profile.basicAuthSecret];
  }
  return false;
}

export function createAuthMiddleware(
  credentials: SimulatorCredentials,
  profile: FlavorProfile,
  errorStyleFor: (path: string) => ErrorStyle,
): MiddlewareHandler {
  return async (c, next) => {
    if (!isAuthorized(c.req.header('Authorization'), credentials, profile)) {
      return errorResponse(errorStyleFor(c.req.path), 401, 'Authentication required: send valid Basic or Bearer credentials.', {
        'WWW-Authenticate': 'Basic realm="Confluence"',
      });
    }
    await next();
  };
}
