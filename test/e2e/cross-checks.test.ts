import { describe, expect, it } from 'vitest';
import type { SpaceDefinition } from '../../src/simulator/index.js';
import { fetchFrom, shapeOf, simulate } from '../support/simulator.js';

const SPACE: SpaceDefinition = {
  key: 'XCHK',
  homepageId: '1',
  pages: [
    { id: '1', title: 'Home', parentId: null, position: 1 },
    { id: '2', title: 'Child', parentId: '1', position: 1 },
  ],
};

/** Wraps fetch so that each JSON listing body passes through `edit` before the client reads it. */
function tamperingFetch(edit: (body: Record<string, unknown>, url: URL) => void): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!(response.headers.get('content-type') ?? '').includes('json')) {
      return response;
    }
    const body = (await response.json()) as Record<string, unknown>;
    edit(body, url);
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
}

describe('cross-checks on listings', () => {
  it('leaves out pages of another space and flags the result', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [SPACE] });
    const intruder = { id: '999', title: 'Other space page', status: 'current', spaceId: '424242', parentId: null, parentType: null, position: 5 };
    const fetchWithIntruder = tamperingFetch((body, url) => {
      if (url.pathname.endsWith('/pages') && Array.isArray(body['results'])) {
        (body['results'] as unknown[]).push(intruder);
      }
    });
    const result = await fetchFrom(simulator, 'XCHK', { http: { fetch: fetchWithIntruder } });

    expect(result.tree.byId.has('999')).toBe(false);
    expect(result.tree.byId.size).toBe(2);
    expect(result.complete).toBe(false);
    expect(result.warnings.find((warning) => warning.code === 'foreign-space-pages')?.details).toEqual({ ids: ['999'] });
  });

  it('keeps a cycle of parents and flags it', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [SPACE] });
    const cyclic = tamperingFetch((body, url) => {
      if (url.pathname.endsWith('/pages') && Array.isArray(body['results'])) {
        const results = body['results'] as Array<Record<string, unknown>>;
        results.push({ ...results[0], id: '50', title: 'Loop A', parentId: '51', parentType: 'page' });
        results.push({ ...results[0], id: '51', title: 'Loop B', parentId: '50', parentType: 'page' });
      }
    });
    const result = await fetchFrom(simulator, 'XCHK', { http: { fetch: cyclic } });

    expect(result.complete).toBe(false);
    expect(result.tree.byId.has('50')).toBe(true);
    expect(result.tree.byId.has('51')).toBe(true);
    expect(result.warnings.map((warning) => warning.code)).toContain('parent-cycle');
  });

  it('places Data Center pages that come without ancestors from child listings', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [SPACE] });
    const stripped = tamperingFetch((body, url) => {
      if (/\/rest\/api\/content(\/search)?$/.test(url.pathname) && Array.isArray(body['results'])) {
        for (const item of body['results'] as Array<Record<string, unknown>>) {
          if (item['id'] === '2') {
            delete item['ancestors'];
          }
        }
      }
    });
    const result = await fetchFrom(simulator, 'XCHK', { http: { fetch: stripped } });

    expect(result.complete).toBe(true);
    expect(shapeOf(result.tree.roots)).toEqual(simulator.expectedTree('XCHK'));
    expect(result.fallbacks).toContain('children-expand');
    const warning = result.warnings.find((candidate) => candidate.code === 'ancestors-missing');
    expect(warning?.affectsCompleteness).toBe(false);
    expect(warning?.details).toMatchObject({ ids: ['2'], recoveredBy: result.fallbacks });
  });

  it('flags Data Center pages without ancestors when the child listings fail too', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [SPACE] });
    const broken: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname.includes('/space/XCHK/content/page')) {
        return new Response('{"statusCode":500,"message":"Simulated failure."}', { status: 500, headers: { 'Content-Type': 'application/json' } });
      }
      const response = await fetch(input, init);
      if (!/\/rest\/api\/content(\/search)?$/.test(url.pathname)) {
        return response;
      }
      const body = (await response.json()) as { results: Array<Record<string, unknown>> };
      body.results = body.results.map((item) => (item['id'] === '2' ? { ...item, ancestors: undefined } : item));
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    const result = await fetchFrom(simulator, 'XCHK', { http: { fetch: broken, maxAttempts: 2 } });

    expect(result.complete).toBe(false);
    expect(result.tree.orphans.map((orphan) => orphan.node.id)).toEqual(['2']);
    const codes = result.warnings.filter((warning) => warning.affectsCompleteness).map((warning) => warning.code);
    expect(codes).toEqual(expect.arrayContaining(['ancestors-missing', 'fallback-incomplete']));
  });
});
