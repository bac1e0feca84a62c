import { describe, expect, test } from 'vitest';

import {
  CredentialsError,
  authorizationHeader,
  credentialsFromEnv,
  isCredentialsError,
  redactSecrets,
  type Credentials,
} from '../../src/confluence/index.js';

const TOKEN = 'ATATT3xFfGF0-test-token-Zq9';

/** Returns the error thrown by `action`, or fails the test. */
function errorOf(action: () => unknown): CredentialsError {
  try {
    action();
  } catch (error) {
    expect(isCredentialsError(error)).toBe(true);
    return error as CredentialsError;
  }
  throw new Error('expected a CredentialsError');
}

describe('credentialsFromEnv', () => {
  test.each<[string, Record<string, string>, Credentials | undefined]>([
    ['nothing set', {}, undefined],
    ['empty values', { CONFLUENCE_USERNAME: '', CONFLUENCE_API_TOKEN: '' }, undefined],
    [
      'Cloud e-mail and API token',
      { CONFLUENCE_USERNAME: 'ann@example.com', CONFLUENCE_API_TOKEN: TOKEN },
      { kind: 'basic', username: 'ann@example.com', secret: TOKEN },
    ],
    [
      'Server user and password',
      { CONFLUENCE_USERNAME: 'ann', CONFLUENCE_PASSWORD: ' pass word ' },
      { kind: 'basic', username: 'ann', secret: ' pass word ' },
    ],
    [
      'API token wins over password',
      { CONFLUENCE_USERNAME: 'ann', CONFLUENCE_API_TOKEN: TOKEN, CONFLUENCE_PASSWORD: 'pw' },
      { kind: 'basic', username: 'ann', secret: TOKEN },
    ],
    ['personal token', { CONFLUENCE_PERSONAL_TOKEN: TOKEN }, { kind: 'bearer', token: TOKEN }],
    [
      'personal token wins over basic',
      { CONFLUENCE_PERSONAL_TOKEN: TOKEN, CONFLUENCE_USERNAME: 'ann', CONFLUENCE_API_TOKEN: 'other' },
      { kind: 'bearer', token: TOKEN },
    ],
    ['personal token with a username only', { CONFLUENCE_PERSONAL_TOKEN: TOKEN, CONFLUENCE_USERNAME: 'ann' }, { kind: 'bearer', token: TOKEN }],
    ['token loses a trailing newline', { CONFLUENCE_PERSONAL_TOKEN: `${TOKEN}\n` }, { kind: 'bearer', token: TOKEN }],
    [
      'API token loses surrounding spaces',
      { CONFLUENCE_USERNAME: 'ann', CONFLUENCE_API_TOKEN: `  ${TOKEN}\r\n` },
      { kind: 'basic', username: 'ann', secret: TOKEN },
    ],
  ])('%s', (_name, env, expected) => {
    expect(credentialsFromEnv(env)).toEqual(expected);
  });

  test('flags override environment variables', () => {
    const env = { CONFLUENCE_USERNAME: 'env-user', CONFLUENCE_API_TOKEN: 'env-token' };

    expect(credentialsFromEnv(env, { username: 'flag-user' })).toEqual({ kind: 'basic', username: 'flag-user', secret: 'env-token' });
    expect(credentialsFromEnv(env, { apiToken: 'flag-token' })).toEqual({ kind: 'basic', username: 'env-user', secret: 'flag-token' });
    expect(credentialsFromEnv(env, { personalToken: 'pat' })).toEqual({ kind: 'bearer', token: 'pat' });
    expect(credentialsFromEnv({}, { username: 'u', password: 'p' })).toEqual({ kind: 'basic', username: 'u', secret: 'p' });
  });

  test('username without secret names the missing variables', () => {
    const error = errorOf(() => credentialsFromEnv({ CONFLUENCE_USERNAME: 'ann@example.com' }));

    expect(error.code).toBe('invalid-credentials-config');
    expect(error.variable).toBe('CONFLUENCE_API_TOKEN');
    expect(error.message).toBe(
      'Missing CONFLUENCE_API_TOKEN or CONFLUENCE_PASSWORD: CONFLUENCE_USERNAME is set to "ann@example.com", ' +
        'so also set CONFLUENCE_API_TOKEN (Cloud) or CONFLUENCE_PASSWORD (Server), or use CONFLUENCE_PERSONAL_TOKEN instead',
    );
  });

  test('secret without username names the missing variable', () => {
    const error = errorOf(() => credentialsFromEnv({ CONFLUENCE_API_TOKEN: TOKEN }));

    expect(error.variable).toBe('CONFLUENCE_USERNAME');
    expect(error.message).toContain('Missing CONFLUENCE_USERNAME: CONFLUENCE_API_TOKEN is set');
    expect(error.message).not.toContain(TOKEN);
  });

  test('password without username names the password variable', () => {
    const error = errorOf(() => credentialsFromEnv({ CONFLUENCE_PASSWORD: 'hunter2' }));

    expect(error.message).toContain('CONFLUENCE_PASSWORD is set');
    expect(error.message).not.toContain('hunter2');
  });

  test('control characters are rejected without echoing the secret', () => {
    const error = errorOf(() => credentialsFromEnv({ CONFLUENCE_USERNAME: 'ann', CONFLUENCE_PASSWORD: 'line\nbreak' }));

    expect(error.message).toBe('Invalid CONFLUENCE_PASSWORD: it contains a line break or another control character, so remove it');
  });

  test('a colon in the username is rejected', () => {
    const error = errorOf(() => credentialsFromEnv({ CONFLUENCE_USERNAME: 'a:b', CONFLUENCE_PASSWORD: 'pw' }));

    expect(error.message).toContain('Basic authentication does not allow ":" in a user name');
  });
});

describe('authorizationHeader', () => {
  test('encodes Basic as UTF-8 base64', () => {
    const header = authorizationHeader({ kind: 'basic', username: 'ann@example.com', secret: 'pä:ss' });

    expect(header).toBe(`Basic ${Buffer.from('ann@example.com:pä:ss', 'utf8').toString('base64')}`);
  });

  test('sends a Bearer token as given', () => {
    expect(authorizationHeader({ kind: 'bearer', token: TOKEN })).toBe(`Bearer ${TOKEN}`);
  });
});

describe('redactSecrets', () => {
  const basic: Credentials = { kind: 'basic', username: 'ann', secret: 'p@ss/word' };
  const base64 = Buffer.from('ann:p@ss/word').toString('base64');

  test('removes the secret in every form', () => {
    const text = `raw p@ss/word, encoded p%40ss%2Fword, header Basic ${base64}`;

    const result = redactSecrets(text, basic);

    expect(result).toBe('raw ***, encoded ***, header Basic ***');
  });

  test('removes a bearer token', () => {
    expect(redactSecrets(`token ${TOKEN} twice ${TOKEN}`, { kind: 'bearer', token: TOKEN })).toBe('token *** twice ***');
  });

  test('accepts a list of secrets', () => {
    expect(redactSecrets('a=one b=two c=three', ['one', 'three', ''])).toBe('a=*** b=two c=***');
  });

  test('masks Authorization values without credentials', () => {
    expect(redactSecrets('Authorization: Bearer abc.def', undefined)).toBe('Authorization: ***');
    expect(redactSecrets('{"authorization":"Basic eHl6"}', undefined)).toBe('{"authorization":"***"}');
  });

  test('leaves other text alone', () => {
    expect(redactSecrets('Basic authentication failed', basic)).toBe('Basic authentication failed');
  });
});
