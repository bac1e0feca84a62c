import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateSpace, startSimulator, type RunningSimulator, type SpaceDefinition } from '../../src/simulator/index.js';
import { busiestParent, collectV1, collectV2, getJson, pageIds, sortedIds } from './helpers.js';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('cloud v2', () => {
  const space: SpaceDefinition = generateSpace({ key: 'DEMO', pages: 400, seed: 11, flavor: 'cloud' });
  const second: SpaceDefinition = generateSpace({ key: 'OPS', pages: 30, seed: 12, flavor: 'cloud' });
  let sim: RunningSimulator;
  let spaceId: string;
  const byId = new Map(space.pages.map((page) => [page.id, page]));
  const ofType = (type: string) => space.pages.find((page) => page.type === type)!;

  beforeAll(async () => {
    sim = await startSimulator({ flavor: 'cloud', spaces: [space, second] });
    spaceId = sim.spaces[0]!.id;
  });

  afterAll(async () => {
    await sim.close();
  });

  test('url ends in /wiki', () => {
    expect(sim.url).toBe(`${sim.origin}/wiki`);
    expect(sim.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  describe('spaces', () => {
    test('by key returns id and homepageId', async () => {
      const { status, body } = await getJson(sim, '/wiki/api/v2/spaces?keys=DEMO');
      expect(status).toBe(200);
      expect(body.results).toHaveLength(1);
      expect(body.results[0]).toMatchObject({ id: spaceId, key: 'DEMO', homepageId: space.homepageId, type: 'global' });
      expect(body._links.base).toBe(sim.url);
    });

    test('comma list and repeated keys', async () => {
      const comma = await getJson(sim, '/wiki/api/v2/spaces?keys=DEMO,OPS');
      const repeated = await getJson(sim, '/wiki/api/v2/spaces?keys=DEMO&keys=OPS');
      expect(comma.body.results.map((result: { key: string }) => result.key).sort()).toEqual(['DEMO', 'OPS']);
      expect(repeated.body.results).toEqual(comma.body.results);
    });

    test('unknown key gives empty results', async () => {
      const { status, body } = await getJson(sim, '/wiki/api/v2/spaces?keys=NOPE');
      expect(status).toBe(200);
      expect(body.results).toEqual([]);
    });

    test('by id includes homepageId', async () => {
      const { status, body } = await getJson(sim, `/wiki/api/v2/spaces/${spaceId}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: spaceId, key: 'DEMO', homepageId: space.homepageId });
      expect(body.createdAt).toMatch(ISO_TIME);
    });

    test('unknown id gives 404 v2 body', async () => {
      const { status, body } = await getJson(sim, '/wiki/api/v2/spaces/999');
      expect(status).toBe(404);
      expect(body).toEqual({ errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null }] });
    });
  });

  describe('space pages', () => {
    test('default lists current and archived pages once', async () => {
      const { items, pages } = await collectV2(sim, `/wiki/api/v2/spaces/${spaceId}/pages?limit=50`);
      const ids = items.map((item: { id: string }) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(sortedIds(ids)).toEqual(sortedIds(pageIds(space, ['current', 'archived'])));
      expect(pages.length).toBe(Math.ceil(ids.length / 50));
      expect(ids).toEqual(sortedIds(ids));
    });

    test('status=current excludes archived', async () => {
      const { items } = await collectV2(sim, `/wiki/api/v2/spaces/${spaceId}/pages?status=current&limit=250`);
      expect(sortedIds(items.map((item: { id: string }) => item.id))).toEqual(sortedIds(pageIds(space, ['current'])));
    });

    test('depth=root lists top-level pages', async () => {
      const { items } = await collectV2(sim, `/wiki/api/v2/spaces/${spaceId}/pages?depth=root`);
      const expected = space.pages.filter((page) => page.parentId === null && (page.type ?? 'page') === 'page');
      expect(sortedIds(items.map((item: { id: string }) => item.id))).toEqual(sortedIds(expected.map((page) => page.id)));
    });

    test('next link puts cursor first', async () => {
      const { body, headers } = await getJson(sim, `/wiki/api/v2/spaces/${spaceId}/pages?status=current&sort=title&limit=7`);
      const next: string = body._links.next;
      expect(next.startsWith(`/wiki/api/v2/spaces/${spaceId}/pages?cursor=`)).toBe(true);
      expect(next).toMatch(/cursor=[^&]*%3D/);
      const params = [...new URL(next, sim.origin).searchParams.keys()];
      expect(params).toEqual(['cursor', 'depth', 'limit', 'status', 'sort']);
      expect(new URL(next, sim.origin).searchParams.get('limit')).toBe('7');
      expect(headers.get('link')).toBe(`<${next}>; rel="next", <${sim.url}>; rel="base"`);
    });

    test('last page has no next and no Link', async () => {
      const first = await getJson(sim, `/wiki/api/v2/spaces/${spaceId}/pages?depth=root&limit=250`);
      expect(first.body._links.next).toBeUndefined();
      expect(first.headers.get('link')).toBeNull();
    });

    test('default limit is 25', async () => {
      const { body } = await getJson(sim, `/wiki/api/v2/spaces/${spaceId}/pages`);
      expect(body.results).toHaveLength(25);
    });

    test('limit above 250 is clamped', async () => {
      const { status, body } = await getJson(sim, `/wiki/api/v2/spaces/${spaceId}/pages?limit=1000`);
      expect(status).toBe(200);
      expect(body.results).toHaveLength(250);
      expect(new URL(body._links.next, sim.origin).searchParams.get('limit')).toBe('250');
    });

    test('limit 0 gives 400', async () => {
      const { status, body } = await getJson(sim, `/wiki/api/v2/spaces/${spaceId}/pages?limit=0`);
      expect(status).toBe(400);
      expect(body.errors[0]).toMatchObject({ status: 400, code: 'INVALID_REQUEST_PARAMETER' });
    });

    test('broken cursor gives 400', async () => {
      const { status } = await getJson(sim, `/wiki/api/v2/spaces/${spaceId}/pages?cursor=garbage`);
      expect(status).toBe(400);
    });

    test('sort by -id and title', async () => {
      const descending = await collectV2(sim, `/wiki/api/v2/spaces/${spaceId}/pages?sort=-id&limit=250`);
      const ids = descending.items.map((item: { id: string }) => item.id);
      expect(ids).toEqual(sortedIds(ids).reverse());
      const byTitle = await getJson(sim, `/wiki/api/v2/spaces/${spaceId}/pages?sort=title&limit=30`);
      const titles: string[] = byTitle.body.results.map((item: { title: string }) => item.title);
      for (let i = 1; i < titles.length; i++) {
        expect(titles[i - 1]!.localeCompare(titles[i]!, 'en', { sensitivity: 'base' })).toBeLessThanOrEqual(0);
      }
    });

    test('PageBulk shape', async () => {
      const { items } = await collectV2(sim, `/wiki/api/v2/spaces/${spaceId}/pages?limit=250`);
      const underFolder = items.find((item: { parentId: string | null }) => item.parentId !== null && byId.get(item.parentId)?.type === 'folder');
      expect(underFolder).toBeDefined();
      expect(underFolder.parentType).toBe('folder');
      const top = items.find((item: { id: string }) => item.id === space.homepageId);
      expect(top).toMatchObject({ status: 'current', spaceId });
      // The v2 document declares parentId and parentType as strings, so top-level items omit them.
      expect(top).not.toHaveProperty('parentId');
      expect(top).not.toHaveProperty('parentType');
      for (const item of items) {
        const source = byId.get(item.id)!;
        expect(item.title).toBe(source.title);
        expect(item.position).toBe(source.position ?? null);
        expect(item.createdAt).toMatch(ISO_TIME);
        expect(item.version.number).toBeGreaterThanOrEqual(1);
        expect(item._links.webui.startsWith(`/spaces/DEMO/pages/${item.id}/`)).toBe(true);
        expect(item._links.tinyui).toMatch(/^\/x\//);
        expect(item.body).toBeUndefined();
      }
    });
  });

  describe('page by id', () => {
    test('returns the page', async () => {
      const { status, body } = await getJson(sim, `/wiki/api/v2/pages/${space.homepageId}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: space.homepageId, title: 'Demo space Home' });
      expect(body).not.toHaveProperty('parentId');
      expect(body._links.base).toBe(sim.url);
    });

    test('folder id gives 404', async () => {
      const { status, body } = await getJson(sim, `/wiki/api/v2/pages/${ofType('folder').id}`);
      expect(status).toBe(404);
      expect(body.errors[0]).toEqual({ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null });
    });

    test('unknown id gives 404', async () => {
      expect((await getJson(sim, '/wiki/api/v2/pages/12345')).status).toBe(404);
    });
  });

  describe('children', () => {
    test('children paginates every child page', async () => {
      const parent = busiestParent(space);
      const { items, pages } = await collectV2(sim, `/wiki/api/v2/pages/${parent.id}/children?limit=10`);
      const expected = space.pages.filter(
        (page) => page.parentId === parent.id && (page.status ?? 'current') !== 'draft' && (page.type ?? 'page') === 'page',
      );
      expect(pages.length).toBeGreaterThan(1);
      expect(sortedIds(items.map((item: { id: string }) => item.id))).toEqual(sortedIds(expected.map((page) => page.id)));
      expect(Object.keys(items[0]).sort()).toEqual(['childPosition', 'id', 'spaceId', 'status', 'title']);
    });

    test('children in display order', async () => {
      const parent = busiestParent(space);
      const { items } = await collectV2(sim, `/wiki/api/v2/pages/${parent.id}/children?limit=250`);
      const expected = sim
        .expectedTree('DEMO', { statuses: ['current', 'archived'] })
        .flatMap(function find(node): { id: string; children: { id: string }[] }[] {
          return node.id === parent.id ? [node] : node.children.flatMap(find);
        })[0]!;
      expect(items.map((item: { id: string }) => item.id)).toEqual(expected.children.map((child) => child.id));
    });

    test('direct-children of a folder', async () => {
      const folder = ofType('folder');
      const { items } = await collectV2(sim, `/wiki/api/v2/folders/${folder.id}/direct-children`);
      const expected = space.pages.filter((page) => page.parentId === folder.id);
      expect(sortedIds(items.map((item: { id: string }) => item.id))).toEqual(sortedIds(expected.map((page) => page.id)));
      expect(items[0]).toHaveProperty('type');
      expect(items[0]).toHaveProperty('childPosition');
      expect(items[0]).not.toHaveProperty('parentId');
    });

    test('direct-children of a page includes folders', async () => {
      const nested = space.pages.find((page) => page.type === 'folder' && page.parentId !== null)!;
      const { items } = await collectV2(sim, `/wiki/api/v2/pages/${nested.parentId}/direct-children?limit=250`);
      expect(items.find((item: { id: string }) => item.id === nested.id)).toMatchObject({ type: 'folder', title: nested.title });
    });

    test('direct-children pages through a big parent', async () => {
      const parent = busiestParent(space);
      const { items, pages } = await collectV2(sim, `/wiki/api/v2/pages/${parent.id}/direct-children`);
      expect(pages.length).toBe(Math.ceil(items.length / 25));
      expect(new Set(items.map((item: { id: string }) => item.id)).size).toBe(items.length);
    });

    test('direct-children with wrong type gives 404', async () => {
      expect((await getJson(sim, `/wiki/api/v2/folders/${space.homepageId}/direct-children`)).status).toBe(404);
    });
  });

  describe('typed nodes', () => {
    test('folder has epoch createdAt', async () => {
      const folder = ofType('folder');
      const { status, body } = await getJson(sim, `/wiki/api/v2/folders/${folder.id}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: folder.id, type: 'folder', title: folder.title, spaceId });
      expect(body.parentId).toBe(folder.parentId ?? undefined);
      expect(typeof body.createdAt).toBe('number');
      expect(body._links.webui).toBe(`/spaces/DEMO/folder/${folder.id}`);
    });

    test.each(['whiteboard', 'database', 'embed'])('%s has ISO createdAt', async (type) => {
      const node = ofType(type);
      const { status, body } = await getJson(sim, `/wiki/api/v2/${type}s/${node.id}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: node.id, type, title: node.title });
      expect(body.createdAt).toMatch(ISO_TIME);
    });

    test('page id under folders gives 404', async () => {
      expect((await getJson(sim, `/wiki/api/v2/folders/${space.homepageId}`)).status).toBe(404);
    });
  });

  describe('cloud v1', () => {
    test('space by key in v1 shape', async () => {
      const { status, body } = await getJson(sim, '/wiki/rest/api/space/DEMO?expand=homepage');
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: Number(spaceId), key: 'DEMO', type: 'global' });
      expect(body.homepage.id).toBe(space.homepageId);
      expect(body._links).toMatchObject({ base: sim.url, context: '/wiki' });
    });

    test('descendant/page lists every current descendant', async () => {
      const { items } = await collectV1(sim, `/wiki/rest/api/content/${space.homepageId}/descendant/page?limit=20`);
      const descendants = new Set<string>();
      const visit = (id: string) => {
        for (const page of space.pages.filter((candidate) => candidate.parentId === id)) {
          descendants.add(page.id);
          visit(page.id);
        }
      };
      visit(space.homepageId!);
      const expected = [...descendants].filter((id) => (byId.get(id)!.type ?? 'page') === 'page' && (byId.get(id)!.status ?? 'current') === 'current');
      expect(expected.length).toBeGreaterThan(20);
      expect(sortedIds(items.map((item: { id: string }) => item.id))).toEqual(sortedIds(expected));
    });

    test('unknown v1 route gives v1 404 body', async () => {
      const { status, body } = await getJson(sim, '/wiki/rest/api/content/1/child/blogpost-tree');
      expect(status).toBe(404);
      expect(body).toMatchObject({ statusCode: 404, reason: 'Not Found', data: { successful: false } });
    });

    test('removed v1 listings give 410', async () => {
      for (const path of ['/wiki/rest/api/content?spaceKey=DEMO', '/wiki/rest/api/space/DEMO/content/page']) {
        const { status, body } = await getJson(sim, path);
        expect(status).toBe(410);
        expect(body.message).toBe('This deprecated endpoint has been removed');
      }
    });
  });

  test('unknown v2 route gives v2 404 body', async () => {
    const { status, body } = await getJson(sim, '/wiki/api/v2/blogposts');
    expect(status).toBe(404);
    expect(body).toEqual({ errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null }] });
  });

  test('request log records each request', async () => {
    sim.resetLog();
    await getJson(sim, '/wiki/api/v2/spaces?keys=DEMO');
    await getJson(sim, '/wiki/api/v2/pages/1');
    expect(sim.requests).toEqual([
      { method: 'GET', path: '/wiki/api/v2/spaces', query: 'keys=DEMO', status: 200 },
      { method: 'GET', path: '/wiki/api/v2/pages/1', query: '', status: 404 },
    ]);
  });
});
