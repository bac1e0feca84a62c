import { describe, expect, test } from 'vitest';

import { nextLinkFromHeader, parseLinkHeader, resolveNextLink } from '../../src/quirks/next-link.js';

const cloud = { origin: 'https://acme.atlassian.net', gatewayPrefix: '', contextPath: '/wiki' };
const gateway = { origin: 'https://api.atlassian.com', gatewayPrefix: '/ex/confluence/abc', contextPath: '/wiki' };
const dataCenter = { origin: 'https://example.com', gatewayPrefix: '', contextPath: '/confluence' };
const root = { origin: 'http://127.0.0.1:8090', gatewayPrefix: '', contextPath: '' };

describe('resolveNextLink', () => {
  test('never doubles /wiki', () => {
    expect(resolveNextLink(cloud, '/wiki/api/v2/pages?cursor=x')).toBe('https://acme.atlassian.net/wiki/api/v2/pages?cursor=x');
  });

  test('puts v1 paths below the context path', () => {
    expect(resolveNextLink(cloud, '/rest/api/content?start=25')).toBe('https://acme.atlassian.net/wiki/rest/api/content?start=25');
    expect(resolveNextLink(dataCenter, '/rest/api/content?start=25')).toBe('https://example.com/confluence/rest/api/content?start=25');
    expect(resolveNextLink(root, '/rest/api/content?start=25')).toBe('http://127.0.0.1:8090/rest/api/content?start=25');
  });

  test('puts relative links below the gateway', () => {
    expect(resolveNextLink(gateway, '/wiki/api/v2/pages?cursor=x')).toBe('https://api.atlassian.com/ex/confluence/abc/wiki/api/v2/pages?cursor=x');
    expect(resolveNextLink(gateway, '/rest/api/content?start=2')).toBe('https://api.atlassian.com/ex/confluence/abc/wiki/rest/api/content?start=2');
  });

  test('keeps the query byte-for-byte', () => {
    const queries = [
      '?cursor=YWJj%3D%3D&limit=25',
      '?cursor=a+b%2Bc=&limit=25',
      '?cursor=a%2Fb&depth=all&limit=100&sort=-title',
      '?cql=space%3DENG%20and%20type%3Dpage&cursor=_f_MjU%3D_sa_WyJcdDEyMyJd&next=true',
      '?cursor=%E2%9C%93&x=%zz',
    ];

    for (const query of queries) {
      expect(resolveNextLink(cloud, `/wiki/api/v2/pages${query}`)).toBe(`https://acme.atlassian.net/wiki/api/v2/pages${query}`);
    }
  });

  test('keeps an absolute link on the same origin', () => {
    const link = 'https://example.com/confluence/rest/api/content?start=25&limit=25';

    expect(resolveNextLink(dataCenter, link)).toBe(link);
  });

  test('compares origins after normalising', () => {
    const link = 'HTTPS://Example.COM:443/confluence/rest/api/content?start=25';

    expect(resolveNextLink(dataCenter, link)).toBe(link);
  });

  test('re-roots a link on another origin', () => {
    expect(resolveNextLink(dataCenter, 'http://10.0.0.5:8090/confluence/rest/api/content?start=25')).toBe(
      'https://example.com/confluence/rest/api/content?start=25',
    );
    expect(resolveNextLink(gateway, 'https://acme.atlassian.net/wiki/rest/api/content?start=25')).toBe(
      'https://api.atlassian.com/ex/confluence/abc/wiki/rest/api/content?start=25',
    );
  });

  test('handles an absolute link with a query but no path', () => {
    expect(resolveNextLink(root, 'http://elsewhere?start=5')).toBe('http://127.0.0.1:8090/?start=5');
  });

  test('handles a scheme-relative link', () => {
    expect(resolveNextLink(dataCenter, '//example.com/confluence/rest/api/content?start=5')).toBe(
      'https://example.com/confluence/rest/api/content?start=5',
    );
  });

  test('rejects an invalid absolute link', () => {
    expect(() => resolveNextLink(cloud, 'http://')).toThrow('Cannot resolve a next link that is not a valid URL');
  });

  test('rejects an empty link', () => {
    expect(() => resolveNextLink(cloud, '  ')).toThrow('Cannot resolve an empty next link');
  });

  test('rejects a relative link without request URL', () => {
    expect(() => resolveNextLink(cloud, 'pages?cursor=x')).toThrow('without the URL of the page that carried it');
  });

  test('resolves a relative link against the request URL', () => {
    expect(resolveNextLink(cloud, 'pages?cursor=x', 'https://acme.atlassian.net/wiki/api/v2/spaces/1/pages')).toBe(
      'https://acme.atlassian.net/wiki/api/v2/spaces/1/pages?cursor=x',
    );
  });
});

describe('parseLinkHeader', () => {
  test('reads Cloud v2 next and base', () => {
    const header = '</wiki/api/v2/pages?cursor=abc%3D&limit=5>; rel="next", <https://acme.atlassian.net/wiki>; rel="base"';

    expect(parseLinkHeader(header)).toEqual([
      { target: '/wiki/api/v2/pages?cursor=abc%3D&limit=5', params: { rel: 'next' } },
      { target: 'https://acme.atlassian.net/wiki', params: { rel: 'base' } },
    ]);
  });

  test('keeps commas inside the target and quoted values', () => {
    const header = '</a?ids=1,2,3>; rel="next"; title="one, two", </b>; rel=prev';

    expect(parseLinkHeader(header)).toEqual([
      { target: '/a?ids=1,2,3', params: { rel: 'next', title: 'one, two' } },
      { target: '/b', params: { rel: 'prev' } },
    ]);
  });

  test('unescapes quoted pairs', () => {
    expect(parseLinkHeader('</a>; rel="next"; title="say \\"hi\\""')[0]?.params.title).toBe('say "hi"');
  });

  test('keeps the first of repeated parameters', () => {
    expect(parseLinkHeader('</a>; rel="next"; rel="prev"')[0]?.params.rel).toBe('next');
  });

  test('skips text without targets', () => {
    expect(parseLinkHeader('garbage; rel=next')).toEqual([]);
    expect(parseLinkHeader('</unclosed; rel=next')).toEqual([]);
  });
});

describe('nextLinkFromHeader', () => {
  test.each([
    ['</wiki/api/v2/pages?cursor=x>; rel="next"', '/wiki/api/v2/pages?cursor=x'],
    ['<https://h/a>; rel="base", <https://h/b>; rel="next"', 'https://h/b'],
    ['</a>; REL="Next"', '/a'],
    ['</a>; rel=next', '/a'],
    ['</a>; rel="prev next"', '/a'],
    ['</a> ; rel = "next"', '/a'],
    ['</a>; rel="prev"', undefined],
    ['</a>; rel="nextpage"', undefined],
    ['<>; rel="next"', undefined],
    ['', undefined],
  ])('%s', (header, expected) => {
    expect(nextLinkFromHeader(header)).toBe(expected);
  });

  test('accepts a missing header', () => {
    expect(nextLinkFromHeader(null)).toBeUndefined();
    expect(nextLinkFromHeader(undefined)).toBeUndefined();
  });
});
