import { describe, expect, test } from 'vitest';

import { InvalidSiteUrlError, isInvalidSiteUrlError, parseSiteUrl } from '../../src/confluence/index.js';

const CLOUD_ID = '1324a887-45db-1bf4-1e99-ef0ff456d421';
const GATEWAY = `https://api.atlassian.com/ex/confluence/${CLOUD_ID}`;

describe('parseSiteUrl', () => {
  test.each([
    ['https://acme.atlassian.net', 'https://acme.atlassian.net', '', '/wiki', true],
    ['https://acme.atlassian.net/', 'https://acme.atlassian.net', '', '/wiki', true],
    ['https://acme.atlassian.net/wiki', 'https://acme.atlassian.net', '', '/wiki', true],
    ['https://acme.atlassian.net/wiki//', 'https://acme.atlassian.net', '', '/wiki', true],
    ['  https://ACME.atlassian.net/wiki  ', 'https://acme.atlassian.net', '', '/wiki', true],
    [GATEWAY, 'https://api.atlassian.com', `/ex/confluence/${CLOUD_ID}`, '/wiki', true],
    [`${GATEWAY}/`, 'https://api.atlassian.com', `/ex/confluence/${CLOUD_ID}`, '/wiki', true],
    [`${GATEWAY}/wiki`, 'https://api.atlassian.com', `/ex/confluence/${CLOUD_ID}`, '/wiki', true],
    [`${GATEWAY}/wiki/`, 'https://api.atlassian.com', `/ex/confluence/${CLOUD_ID}`, '/wiki', true],
    ['https://wiki.example.com', 'https://wiki.example.com', '', '', false],
    ['https://wiki.example.com/', 'https://wiki.example.com', '', '', false],
    ['https://example.com/confluence', 'https://example.com', '', '/confluence', false],
    ['https://example.com/confluence/', 'https://example.com', '', '/confluence', false],
    ['http://example.com:8090/tools/confluence', 'http://example.com:8090', '', '/tools/confluence', false],
    ['http://127.0.0.1:5000/wiki', 'http://127.0.0.1:5000', '', '/wiki', false],
    ['http://[::1]:5000', 'http://[::1]:5000', '', '', false],
    ['https://example.com:443/confluence', 'https://example.com', '', '/confluence', false],
  ])('%s', (input, origin, gatewayPrefix, contextPath, isCloudHost) => {
    const site = parseSiteUrl(input);

    expect(site.origin).toBe(origin);
    expect(site.gatewayPrefix).toBe(gatewayPrefix);
    expect(site.contextPath).toBe(contextPath);
    expect(site.isCloudHost).toBe(isCloudHost);
    expect(site.baseUrl).toBe(origin + gatewayPrefix + contextPath);
  });

  test.each([
    ['not a url', 'use an absolute http or https URL such as https://example.atlassian.net/wiki'],
    ['acme.atlassian.net/wiki', 'use an absolute http or https URL'],
    ['ftp://x', 'use an http or https URL such as https://example.atlassian.net/wiki'],
    ['file:///etc/passwd', 'use an http or https URL'],
    ['https://acme.atlassian.net/wiki?spaceKey=ENG', 'remove the query string and fragment, as in https://acme.atlassian.net/wiki'],
    ['https://acme.atlassian.net/wiki#top', 'remove the query string and fragment'],
    ['https://wiki.example.com/?', 'remove the query string'],
    ['https://acme.atlassian.net/wiki/spaces/ENG/overview', 'use the site root without a page or API path, such as https://acme.atlassian.net/wiki'],
    ['https://acme.atlassian.net/jira', 'use the site root'],
    ['https://api.atlassian.com/ex/confluence', 'use the gateway URL with a cloud id'],
    ['https://api.atlassian.com/wiki', 'use the gateway URL with a cloud id'],
    ['https://example.com/confluence/rest/api', 'use the site root without a page or REST API path'],
    ['https://example.com/confluence/display/ENG/Home', 'use the site root without a page or REST API path'],
    ['https://example.com/wiki/api/v2', 'use the site root without a page or REST API path'],
  ])('rejects %s', (input, fix) => {
    let caught: unknown;
    try {
      parseSiteUrl(input);
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(InvalidSiteUrlError);
    expect(isInvalidSiteUrlError(caught)).toBe(true);
    const error = caught as InvalidSiteUrlError;
    expect(error.code).toBe('invalid-site-url');
    expect(error.message).toContain(`Invalid site URL "${input.trim()}"`);
    expect(error.message).toContain(fix);
    expect(error.message).not.toContain('\n');
  });

  test.each([
    ['https://alice:s3cr3t-T0KEN@acme.atlassian.net/wiki', 's3cr3t-T0KEN'],
    ['https://alice@acme.atlassian.net/wiki', 'alice'],
    ['https://example.com/wiki?access_token=s3cr3t-T0KEN', 's3cr3t-T0KEN'],
    ['alice:s3cr3t-T0KEN@example.com', 's3cr3t-T0KEN'],
  ])('rejects credentials without echoing them: %s', (input, secret) => {
    let caught: unknown;
    try {
      parseSiteUrl(input);
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(InvalidSiteUrlError);
    const error = caught as InvalidSiteUrlError;
    expect(error.message).not.toContain(secret);
    expect(error.value).not.toContain(secret);
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(error.stack ?? '').not.toContain(secret);
  });

  test('credentials error names the fix', () => {
    expect(() => parseSiteUrl('https://alice:pw@acme.atlassian.net/wiki')).toThrow(
      'Invalid site URL "https://***@acme.atlassian.net/wiki": remove the user name and password from the URL',
    );
  });
});

describe('SiteUrl.api', () => {
  test.each([
    ['https://acme.atlassian.net', '/api/v2/spaces', 'https://acme.atlassian.net/wiki/api/v2/spaces'],
    ['https://acme.atlassian.net/wiki/', '/rest/api/content', 'https://acme.atlassian.net/wiki/rest/api/content'],
    [GATEWAY, '/api/v2/spaces', `${GATEWAY}/wiki/api/v2/spaces`],
    [`${GATEWAY}/wiki`, '/rest/api/content', `${GATEWAY}/wiki/rest/api/content`],
    ['https://wiki.example.com', '/rest/api/content', 'https://wiki.example.com/rest/api/content'],
    ['https://example.com/confluence', '/rest/api/content', 'https://example.com/confluence/rest/api/content'],
    ['http://127.0.0.1:5000/wiki', '/api/v2/spaces', 'http://127.0.0.1:5000/wiki/api/v2/spaces'],
  ])('%s + %s', (site, path, expected) => {
    expect(parseSiteUrl(site).api(path)).toBe(expected);
  });

  test('encodes query values', () => {
    const site = parseSiteUrl('https://example.com/confluence');

    const url = site.api('/rest/api/content/search', {
      cql: 'space = "ENG" and type = page',
      limit: 200,
      draft: false,
      start: undefined,
      expand: ['ancestors', 'version'],
      title: 'R&D / 100%',
    });

    expect(url).toBe(
      'https://example.com/confluence/rest/api/content/search' +
        '?cql=space%20%3D%20%22ENG%22%20and%20type%20%3D%20page&limit=200&draft=false' +
        '&expand=ancestors&expand=version&title=R%26D%20%2F%20100%25',
    );
  });

  test('appends to a path with a query', () => {
    const site = parseSiteUrl('https://acme.atlassian.net');

    expect(site.api('/api/v2/pages?depth=all', { limit: 250 })).toBe(
      'https://acme.atlassian.net/wiki/api/v2/pages?depth=all&limit=250',
    );
  });

  test('leaves out an empty query', () => {
    const site = parseSiteUrl('https://acme.atlassian.net');

    expect(site.api('/api/v2/spaces', {})).toBe('https://acme.atlassian.net/wiki/api/v2/spaces');
    expect(site.api('/api/v2/spaces', { cursor: undefined })).toBe('https://acme.atlassian.net/wiki/api/v2/spaces');
  });

  test('rejects a path without a leading slash', () => {
    const site = parseSiteUrl('https://acme.atlassian.net');

    expect(() => site.api('api/v2/spaces')).toThrow('Invalid API path "api/v2/spaces": start it with "/"');
  });
});

describe('SiteUrl.webUrl', () => {
  test('joins a Cloud webui path below /wiki', () => {
    const site = parseSiteUrl('https://acme.atlassian.net');

    expect(site.webUrl('/spaces/ENG/pages/123/Home')).toBe('https://acme.atlassian.net/wiki/spaces/ENG/pages/123/Home');
  });

  test('joins a Data Center webui path below the context path', () => {
    const site = parseSiteUrl('https://example.com/confluence');

    expect(site.webUrl('/pages/viewpage.action?pageId=42')).toBe(
      'https://example.com/confluence/pages/viewpage.action?pageId=42',
    );
    expect(site.webUrl('display/ENG/Home')).toBe('https://example.com/confluence/display/ENG/Home');
  });

  test('prefers the response base', () => {
    const site = parseSiteUrl(GATEWAY);

    expect(site.webUrl('/spaces/ENG/pages/123', 'https://acme.atlassian.net/wiki/')).toBe(
      'https://acme.atlassian.net/wiki/spaces/ENG/pages/123',
    );
  });

  test('returns undefined on the gateway without base', () => {
    expect(parseSiteUrl(GATEWAY).webUrl('/spaces/ENG/pages/123')).toBeUndefined();
  });

  test('keeps an absolute URL', () => {
    const site = parseSiteUrl('https://acme.atlassian.net');

    expect(site.webUrl('https://acme.atlassian.net/wiki/x/AbCd')).toBe('https://acme.atlassian.net/wiki/x/AbCd');
  });
});

describe('SiteUrl.resolveNext', () => {
  const cursor = 'eyJpZCI6MTIzfQ%3D%3D+abc%2Bdef=';

  test.each([
    [
      'Cloud v2 next on a site given without /wiki',
      'https://acme.atlassian.net',
      `/wiki/api/v2/spaces/1/pages?cursor=${cursor}&limit=250`,
      `https://acme.atlassian.net/wiki/api/v2/spaces/1/pages?cursor=${cursor}&limit=250`,
    ],
    [
      'Cloud v2 next on a site given with /wiki',
      'https://acme.atlassian.net/wiki',
      `/wiki/api/v2/spaces/1/pages?cursor=${cursor}`,
      `https://acme.atlassian.net/wiki/api/v2/spaces/1/pages?cursor=${cursor}`,
    ],
    [
      'Cloud v1 next',
      'https://acme.atlassian.net/wiki',
      '/rest/api/content?spaceKey=ENG&type=page&limit=25&start=25',
      'https://acme.atlassian.net/wiki/rest/api/content?spaceKey=ENG&type=page&limit=25&start=25',
    ],
    [
      'gateway v2 next',
      GATEWAY,
      `/wiki/api/v2/spaces/1/pages?cursor=${cursor}&depth=all`,
      `${GATEWAY}/wiki/api/v2/spaces/1/pages?cursor=${cursor}&depth=all`,
    ],
    [
      'gateway v1 next',
      `${GATEWAY}/wiki`,
      '/rest/api/content/search?cql=space%3DENG&cursor=raNDoMsTRiNg&limit=25',
      `${GATEWAY}/wiki/rest/api/content/search?cql=space%3DENG&cursor=raNDoMsTRiNg&limit=25`,
    ],
    [
      'gateway next that already has the prefix',
      GATEWAY,
      `/ex/confluence/${CLOUD_ID}/wiki/api/v2/pages?cursor=${cursor}`,
      `${GATEWAY}/wiki/api/v2/pages?cursor=${cursor}`,
    ],
    [
      'gateway absolute next on the site host',
      GATEWAY,
      `https://acme.atlassian.net/wiki/api/v2/pages?cursor=${cursor}`,
      `${GATEWAY}/wiki/api/v2/pages?cursor=${cursor}`,
    ],
    [
      'gateway absolute next on the gateway',
      GATEWAY,
      `${GATEWAY}/wiki/api/v2/pages?cursor=${cursor}`,
      `${GATEWAY}/wiki/api/v2/pages?cursor=${cursor}`,
    ],
    [
      'gateway absolute next on the gateway without the prefix',
      GATEWAY,
      `https://api.atlassian.com/wiki/api/v2/pages?cursor=${cursor}`,
      `${GATEWAY}/wiki/api/v2/pages?cursor=${cursor}`,
    ],
    [
      'Data Center next without context path',
      'https://wiki.example.com',
      '/rest/api/content?limit=2&start=2',
      'https://wiki.example.com/rest/api/content?limit=2&start=2',
    ],
    [
      'Data Center next with context path',
      'https://example.com/confluence',
      '/rest/api/content?limit=2&start=2',
      'https://example.com/confluence/rest/api/content?limit=2&start=2',
    ],
    [
      'Data Center next that already has the context path',
      'https://example.com/confluence',
      '/confluence/rest/api/content?limit=2&start=2',
      'https://example.com/confluence/rest/api/content?limit=2&start=2',
    ],
    [
      'Data Center scan cursor',
      'https://example.com/confluence',
      '/rest/api/content/scan?cursor=content:false:393229&limit=2',
      'https://example.com/confluence/rest/api/content/scan?cursor=content:false:393229&limit=2',
    ],
    [
      'absolute next on the site',
      'https://example.com/confluence',
      'https://example.com/confluence/rest/api/space?next=true&limit=5&start=5',
      'https://example.com/confluence/rest/api/space?next=true&limit=5&start=5',
    ],
    [
      'absolute next from a misconfigured base URL',
      'https://example.com/confluence',
      'http://internal-node:8090/confluence/rest/api/content?start=25',
      'https://example.com/confluence/rest/api/content?start=25',
    ],
    [
      'context path that only shares a prefix',
      'http://127.0.0.1:5000/wiki',
      '/wikipedia/rest/api/content',
      'http://127.0.0.1:5000/wiki/wikipedia/rest/api/content',
    ],
  ])('%s', (_name, site, next, expected) => {
    expect(parseSiteUrl(site).resolveNext(next)).toBe(expected);
  });

  test('keeps a cursor that is not the last parameter', () => {
    const site = parseSiteUrl('https://acme.atlassian.net');

    const url = site.resolveNext('/wiki/api/v2/spaces/9/pages?cursor=abc%3D%3D&depth=all&limit=100');

    expect(url).toBe('https://acme.atlassian.net/wiki/api/v2/spaces/9/pages?cursor=abc%3D%3D&depth=all&limit=100');
    const params = new URL(url).searchParams;
    expect(params.get('cursor')).toBe('abc==');
    expect(params.get('depth')).toBe('all');
    expect(params.get('limit')).toBe('100');
  });

  test('resolves a query-only link against the request URL', () => {
    const site = parseSiteUrl('https://example.com/confluence');

    expect(site.resolveNext('?start=50', 'https://example.com/confluence/rest/api/content?start=25')).toBe(
      'https://example.com/confluence/rest/api/content?start=50',
    );
  });
});
