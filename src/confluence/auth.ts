/**
 * Credentials: reading them from options and environment variables, turning
 * them into an `Authorization` header, and removing them from text.
 */
import { CredentialsError } from './errors.js';
import type { Credentials } from './types.js';

/** Environment variables read by `credentialsFromEnv`. */
export const CREDENTIAL_VARIABLES = {
  username: 'CONFLUENCE_USERNAME',
  apiToken: 'CONFLUENCE_API_TOKEN',
  password: 'CONFLUENCE_PASSWORD',
  personalToken: 'CONFLUENCE_PERSONAL_TOKEN',
} as const;

/** Credentials given as command-line options; each one overrides its environment variable. */
export interface CredentialFlags {
  username?: string;
  /** Cloud API token, used with `username` for Basic authentication. */
  apiToken?: string;
  /** Server password, used with `username` for Basic authentication. */
  password?: string;
  /** Data Center personal access token or Cloud OAuth 2.0 access token, sent as a Bearer token. */
  personalToken?: string;
}

type Environment = Record<string, string | undefined>;

const REDACTED = '***';

/** `Authorization: VALUE`, also as a JSON or form field; the value ends at a quote, comma, brace or line end. */
const AUTHORIZATION_VALUE = /(authorization["']?\s*[:=]\s*["']?)[^"'\r\n,}]+/gi;

/** Returns the value, or `undefined` when it is missing or empty. */
function present(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** Rejects a value that would break or inject an HTTP header. The message never contains the value. */
function checkHeaderSafe(value: string, variable: string): void {
  if (/[\x00-\x1f\x7f]/.test(value)) {
    throw new CredentialsError(
      variable,
      `Invalid ${variable}: it contains a line break or another control character, so remove it`,
    );
  }
}

/**
 * Reads credentials from `flags` first, then from environment variables:
 *
 * - `CONFLUENCE_PERSONAL_TOKEN`: a Bearer token (Data Center personal access
 *   token, or Cloud OAuth 2.0 access token). It wins when a user name and
 *   secret are set too, because a token is the narrower credential that the
 *   user set up on purpose.
 * - `CONFLUENCE_USERNAME` with `CONFLUENCE_API_TOKEN`: Basic authentication on Cloud.
 * - `CONFLUENCE_USERNAME` with `CONFLUENCE_PASSWORD`: Basic authentication on
 *   Server. When both secrets are set, the API token is used.
 *
 * Tokens lose surrounding white space, such as a newline from a file. Empty
 * values count as unset. Returns `undefined` when nothing is set, for
 * anonymous access to public spaces.
 *
 * @throws {CredentialsError} when a user name has no secret, a secret has no
 *   user name, or a value contains a control character. The message names the
 *   variable, never the value of a secret.
 */
export function credentialsFromEnv(env: Environment, flags: CredentialFlags = {}): Credentials | undefined {
  const names = CREDENTIAL_VARIABLES;
  const personalToken = present((flags.personalToken ?? env[names.personalToken])?.trim());
  const username = present(flags.username ?? env[names.username]);
  const apiToken = present((flags.apiToken ?? env[names.apiToken])?.trim());
  const password = present(flags.password ?? env[names.password]);

  if (personalToken !== undefined) {
    checkHeaderSafe(personalToken, names.personalToken);
    return { kind: 'bearer', token: personalToken };
  }

  const secret = apiToken ?? password;
  const secretVariable = apiToken !== undefined ? names.apiToken : names.password;

  if (username === undefined && secret === undefined) {
    return undefined;
  }
  if (username === undefined) {
    throw new CredentialsError(
      names.username,
      `Missing ${names.username}: ${secretVariable} is set, so also set ${names.username} ` +
        `to the account e-mail (Cloud) or user name (Server), or use ${names.personalToken} for a bearer token`,
    );
  }
  if (secret === undefined) {
    throw new CredentialsError(
      names.apiToken,
      `Missing ${names.apiToken} or ${names.password}: ${names.username} is set to "${username}", ` +
        `so also set ${names.apiToken} (Cloud) or ${names.password} (Server), or use ${names.personalToken} instead`,
    );
  }

  checkHeaderSafe(username, names.username);
  checkHeaderSafe(secret, secretVariable);
  if (username.includes(':')) {
    throw new CredentialsError(
      names.username,
      `Invalid ${names.username} "${username}": Basic authentication does not allow ":" in a user name`,
    );
  }
  return { kind: 'basic', username, secret };
}

/** Returns the base64 text of `username:secret` as Basic authentication sends it (UTF-8). */
function basicToken(username: string, secret: string): string {
  return Buffer.from(`${username}:${secret}`, 'utf8').toString('base64');
}

/** Returns the `Authorization` header value for `credentials`: `Basic ...` or `Bearer ...`. */
export function authorizationHeader(credentials: Credentials): string {
  if (credentials.kind === 'bearer') {
    return `Bearer ${credentials.token}`;
  }
  return `Basic ${basicToken(credentials.username, credentials.secret)}`;
}

/** Returns every form in which the given secrets could appear in text. */
function secretForms(secrets: Credentials | readonly string[]): string[] {
  if (Array.isArray(secrets)) {
    return secrets.flatMap((secret: string) => [secret, encodeURIComponent(secret)]);
  }

  const credentials = secrets as Credentials;
  const secret = credentials.kind === 'bearer' ? credentials.token : credentials.secret;
  const forms = [secret, encodeURIComponent(secret)];
  if (credentials.kind === 'basic') {
    forms.push(basicToken(credentials.username, credentials.secret));
  }
  return forms;
}

/**
 * Returns `text` with every occurrence of a secret replaced by `***`: as
 * written, percent-encoded, and (for `Credentials`) inside a Basic
 * authentication value. `secrets` is the credentials in use or a list of
 * secret strings, such as the values of token variables. Also masks the value
 * of any `Authorization: ...` text. This is a last line of defence for error
 * messages and log lines, which should never receive a secret in the first place.
 */
export function redactSecrets(text: string, secrets: Credentials | readonly string[] | undefined): string {
  let result = text.replace(AUTHORIZATION_VALUE, `$1${REDACTED}`);
  if (secrets === undefined) {
    return result;
  }

  const forms = secretForms(secrets)
    .filter((form) => form !== '')
    .sort((a, b) => b.length - a.length);
  for (const form of forms) {
    result = result.split(form).join(REDACTED);
  }
  return result;
}
