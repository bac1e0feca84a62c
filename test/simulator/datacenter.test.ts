import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateSpace, startSimulator, type RunningSimulator, type SpaceDefinition } from '../../src/simulator/index.js';
import { busiestParent, collectV1, getJson, pageIds, sortedIds } from './helpers.js';

const CONTEXT = '/confluence';
const API = `${CONTEXT}/rest/api`;

describe('data center', () => {
  const space: SpaceDefinition = generateSpace({ key: 'DEMO', pages: 1200, seed: 21, flavor: 'datacenter' });
  const byId = new Map(space.pages.map((page) => [page.id, page]));
  const currentIds = sortedIds(pageIds(space, ['current']));
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ flavor: 'datacenter', contextPath: CONTEXT, spaces: [space] });
  });

  afterAll(async () => {
    await sim.close();
  });

  test('url includes the context path', () => {
    expect(sim.url).toBe(`${sim.origin}${CONTEXT}`);
  });

  describe('space', () => {
    test('expand=homepage adds the home page', async () => {
      const { status, body } = await getJson(sim, `${API}/space/DEMO?expand=homepage`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ key: 'DEMO', name: space.name, type: 'global' });
      expect(typeof body.id).toBe('number');
      expect(body.homepage).toMatchObject({ id: space.homepageId, type: 'page', title: 'Demo space Home' });
      expect(body._expandable.homepage).toBeUndefined();
      expect(body._links).toMatchObject({ base: sim.url, context: CONTEXT });
    });

    test('without expand homepage is expandable', async () => {
      const { body } = await getJson(sim, `${API}/space/DEMO`);
      expect(body.homepage).toBeUndefined();
      expect(body._expandable.homepage).toBe(`/rest/api/content/${space.homepageId}`);
    });

    test('unknown key gives 404 v1 body', async () => {
      const { status, body } = await getJson(sim, `${API}/space/NOPE`);
      expect(status).toBe(404);
      expect(body).toEqual({
        statusCode: 404,
        data: { authorized: false, valid: true, allowedInReadOnlyMode: true, errors: [], successful: false },
        message: 'No space with key : NOPE',
        reason: 'Not Found',
      });
    });
  });

  describe('content listing', () => {
    test('lists every current page once', async () => {
      const { items, pages } = await collectV1(sim, `${API}/content?spaceKey=DEMO&type=page&limit=200`);
      const ids = items.map((item: { id: string }) => item.id);
      expect(ids).toEqual(currentIds);
      expect(pages).toHaveLength(Math.ceil(currentIds.length / 200));
      expect(pages[1]).toMatchObject({ start: 200, limit: 200, size: 200 });
    });

    test('next is relative to base without context', async () => {
      const { body } = await getJson(sim, `${API}/content?spaceKey=DEMO&type=page&expand=ancestors&limit=200`);
      expect(body._links.next).toBe('/rest/api/content?spaceKey=DEMO&type=page&expand=ancestors&limit=200&start=200');
      expect(body._links.base).toBe(sim.url);
      expect(body._links.context).toBe(CONTEXT);
    });

    test('status=archived lists archived pages', async () => {
      const { items } = await collectV1(sim, `${API}/content?spaceKey=DEMO&type=page&status=archived`);
      expect(sortedIds(items.map((item: { id: string }) => item.id))).toEqual(sortedIds(pageIds(space, ['archived'])));
    });

    test.each([
      ['', 1000],
      ['&expand=ancestors', 200],
      ['&expand=body.storage', 50],
      ['&expand=ancestors,body.view', 50],
    ])('limit=2000 with "%s" is capped at %i', async (expand, cap) => {
      for (const path of [
        `${API}/content?spaceKey=DEMO&type=page&limit=2000${expand}`,
        `${API}/space/DEMO/content/page?limit=2000${expand}`,
        `${API}/content/search?cql=space=DEMO+and+type=page&limit=2000${expand}`,
      ]) {
        const { body } = await getJson(sim, path);
        expect(body.limit).toBe(cap);
        expect(body.results).toHaveLength(cap);
        expect(body.size).toBe(cap);
      }
    });

    test('default limit is 25', async () => {
      const { body } = await getJson(sim, `${API}/content?spaceKey=DEMO`);
      expect(body.limit).toBe(25);
      expect(body.results).toHaveLength(25);
    });

    test('invalid limit gives 400 v1 body', async () => {
      const { status, body } = await getJson(sim, `${API}/content?spaceKey=DEMO&limit=ten`);
      expect(status).toBe(400);
      expect(body).toMatchObject({ statusCode: 400, reason: 'Bad Request' });
    });

    test('content item shape', async () => {
      const { body } = await getJson(sim, `${API}/content?spaceKey=DEMO&type=page&limit=1000`);
      for (const item of body.results) {
        const source = byId.get(item.id)!;
        expect(item).toMatchObject({ type: 'page', status: 'current', title: source.title });
        expect(item.extensions.position).toBe(source.position ?? 'none');
        expect(item._links.webui).toMatch(/^\/(display\/DEMO\/|pages\/viewpage\.action\?pageId=)/);
        expect(item._links.self).toBe(`${sim.url}/rest/api/content/${item.id}`);
        expect(item._expandable.ancestors).toBe('');
      }
      const positions = body.results.map((item: { extensions: { position: unknown } }) => item.extensions.position);
      expect(positions).toContain('none');
      expect(positions.some((position: unknown) => typeof position === 'number')).toBe(true);
    });

    test('space content depth=root lists top-level pages', async () => {
      const { items } = await collectV1(sim, `${API}/space/DEMO/content/page?depth=root`);
      const expected = space.pages.filter((page) => page.parentId === null && (page.status ?? 'current') === 'current');
      expect(sortedIds(items.map((item: { id: string }) => item.id))).toEqual(sortedIds(expected.map((page) => page.id)));
    });

    test('space content depth=all in id order', async () => {
      const { items } = await collectV1(sim, `${API}/space/DEMO/content/page?limit=500`);
      expect(items.map((item: { id: string }) => item.id)).toEqual(currentIds);
    });
  });

  describe('ancestors', () => {
    test('expand=ancestors gives the chain from the top', async () => {
      const deep = space.pages.reduce((deepest, page) => (chainOf(page.id).length > chainOf(deepest.id).length ? page : deepest));
      const { status, body } = await getJson(sim, `${API}/content/${deep.id}?expand=ancestors`);
      expect(status).toBe(200);
      expect(body.ancestors.map((ancestor: { id: string }) => ancestor.id)).toEqual(chainOf(deep.id));
      expect(body.ancestors).toHaveLength(11);
      expect(body.ancestors[0]).toMatchObject({ type: 'page', status: 'current' });
      expect(body.ancestors[0].extensions).toHaveProperty('position');
      expect(body.ancestors[0]._links).toHaveProperty('webui');
      expect(body._expandable.ancestors).toBeUndefined();
    });

    test('listing with ancestors matches parents', async () => {
      const { items } = await collectV1(sim, `${API}/content?spaceKey=DEMO&type=page&expand=ancestors&limit=200`);
      for (const item of items) {
        const parentId = byId.get(item.id)!.parentId;
        const last = item.ancestors[item.ancestors.length - 1];
        expect(last?.id ?? null).toBe(parentId);
      }
    });

    function chainOf(id: string): string[] {
      const chain: string[] = [];
      for (let parent = byId.get(id)!.parentId; parent !== null; parent = byId.get(parent)!.parentId) {
        chain.unshift(parent);
      }
      return chain;
    }
  });

  describe('content search', () => {
    test.each([
      'space = DEMO and type = page',
      'space="DEMO" AND type="page"',
      "type = 'page' And space = 'DEMO'",
    ])('cql "%s" finds every current page', async (cql) => {
      const { items } = await collectV1(sim, `${API}/content/search?cql=${encodeURIComponent(cql)}&limit=500`);
      expect(items.map((item: { id: string }) => item.id)).toEqual(currentIds);
    });

    test('parent and ancestor clauses', async () => {
      const parent = busiestParent(space);
      const children = await collectV1(sim, `${API}/content/search?cql=${encodeURIComponent(`parent = ${parent.id}`)}&limit=1000`);
      const expectedChildren = space.pages.filter((page) => page.parentId === parent.id && (page.status ?? 'current') === 'current');
      expect(sortedIds(children.items.map((item: { id: string }) => item.id))).toEqual(sortedIds(expectedChildren.map((page) => page.id)));

      const home = space.homepageId!;
      const descendants = await collectV1(
        sim,
        `${API}/content/search?cql=${encodeURIComponent(`space = DEMO and ancestor = ${home}`)}&limit=1000`,
      );
      const isUnderHome = (id: string): boolean => {
        const parentId = byId.get(id)!.parentId;
        return parentId === home || (parentId !== null && isUnderHome(parentId));
      };
      expect(descendants.items.length).toBeGreaterThan(0);
      for (const item of descendants.items) {
        expect(isUnderHome(item.id)).toBe(true);
      }
    });

    test('next link keeps the cql', async () => {
      const { body } = await getJson(sim, `${API}/content/search?cql=${encodeURIComponent('space = DEMO and type = page')}&limit=10`);
      const next = new URL(body._links.next, sim.origin);
      expect(next.pathname).toBe('/rest/api/content/search');
      expect(next.searchParams.get('cql')).toBe('space = DEMO and type = page');
      expect(next.searchParams.get('start')).toBe('10');
    });

    test('unsupported cql gives 400', async () => {
      const { status, body } = await getJson(sim, `${API}/content/search?cql=${encodeURIComponent('title ~ "notes"')}`);
      expect(status).toBe(400);
      expect(body).toMatchObject({ statusCode: 400, reason: 'Bad Request' });
      expect(body.message).toMatch(/Could not parse cql/);
    });
  });

  describe('children', () => {
    test('child/page in display order across pages', async () => {
      const parent = busiestParent(space);
      const { items, pages } = await collectV1(sim, `${API}/content/${parent.id}/child/page?limit=7`);
      expect(pages.length).toBeGreaterThan(1);
      const find = (nodes: ReturnType<RunningSimulator['expectedTree']>): { children: { id: string }[] } | undefined => {
        for (const node of nodes) {
          if (node.id === parent.id) return node;
          const found = find(node.children);
          if (found) return found;
        }
        return undefined;
      };
      const expected = find(sim.expectedTree('DEMO'))!;
      expect(items.map((item: { id: string }) => item.id)).toEqual(expected.children.map((child) => child.id));
    });

    test('descendant/page gives 501', async () => {
      const { status, body } = await getJson(sim, `${API}/content/${space.homepageId}/descendant/page`);
      expect(status).toBe(501);
      expect(body).toEqual({
        statusCode: 501,
        data: { authorized: false, valid: true, allowedInReadOnlyMode: true, errors: [], successful: false },
        message: 'Page children is currently only supported for direct children',
        reason: 'Not Implemented',
      });
    });

    test('unknown content gives 404', async () => {
      const { status, body } = await getJson(sim, `${API}/content/1/child/page`);
      expect(status).toBe(404);
      expect(body.message).toBe('No content found with id: ContentId{id=1}');
    });
  });

  describe('scan', () => {
    test('collects every current page in id order', async () => {
      const { items, pages } = await collectV1(sim, `${API}/content/scan?spaceKey=DEMO&limit=300`);
      expect(items.map((item: { id: string }) => item.id)).toEqual(currentIds);
      expect(pages[0].nextCursor).toBe(`content:false:${currentIds[299]}`);
      expect(pages[0]._links.next).toBe(`/rest/api/content/scan?cursor=content:false:${currentIds[299]}&limit=300&spaceKey=DEMO`);
      expect(pages[1].cursor).toBe(`content:false:${currentIds[299]}`);
      expect(pages[1].prevCursor).toBe(`content:true:${currentIds[300]}`);
      expect(pages[pages.length - 1].nextCursor).toBeUndefined();
    });

    test('prev link returns the previous page', async () => {
      const first = await getJson(sim, `${API}/content/scan?spaceKey=DEMO&limit=50`);
      const second = await getJson(sim, `${sim.url}${first.body._links.next}`);
      const back = await getJson(sim, `${sim.url}${second.body._links.prev}`);
      const ids = (body: { results: { id: string }[] }) => body.results.map((item) => item.id);
      expect(ids(back.body)).toEqual(ids(first.body));
    });

    test('scan caps limit and honours ancestors', async () => {
      const { body } = await getJson(sim, `${API}/content/scan?spaceKey=DEMO&limit=5000&expand=ancestors`);
      expect(body.limit).toBe(200);
      expect(body.results).toHaveLength(200);
      expect(Array.isArray(body.results[0].ancestors)).toBe(true);
    });

    test('broken cursor gives 400', async () => {
      expect((await getJson(sim, `${API}/content/scan?cursor=abc`)).status).toBe(400);
    });
  });

  test('path without context gives 404', async () => {
    expect((await getJson(sim, '/rest/api/space/DEMO')).status).toBe(404);
  });

  test('unknown route gives v1 404 body', async () => {
    const { status, body } = await getJson(sim, `${API}/blueprint`);
    expect(status).toBe(404);
    expect(body).toMatchObject({
      statusCode: 404,
      data: { authorized: false, valid: true, allowedInReadOnlyMode: true, errors: [], successful: false },
      reason: 'Not Found',
    });
  });
});
