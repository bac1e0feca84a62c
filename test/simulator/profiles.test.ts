import { afterEach, describe, expect, test } from 'vitest';
import { startSimulator, type RunningSimulator, type SimulatorOptions, type SpaceDefinition } from '../../src/simulator/index.js';
import { basicAuth, collectV1, collectV2, getJson } from './helpers.js';

const running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

async function start(options: SimulatorOptions): Promise<RunningSimulator> {
  const sim = await startSimulator(options);
  running.push(sim);
  return sim;
}

/** Home 1 > A 2 > B 3 > C 4, plus 5 under home, 6 under 5. */
const CHAIN: SpaceDefinition = {
  key: 'CH',
  homepageId: '1',
  pages: [
    { id: '1', title: 'Home', parentId: null, position: 0 },
    { id: '2', title: 'A', parentId: '1', position: 0 },
    { id: '3', title: 'B', parentId: '2', position: 0 },
    { id: '4', title: 'C <&>', parentId: '3', position: 0 },
    { id: '5', title: 'D', parentId: '1', position: 1 },
    { id: '6', title: 'E', parentId: '5', position: 0 },
  ],
};

const password = (sim: RunningSimulator) => basicAuth(sim.credentials.username, sim.credentials.password);

describe('server and data center profiles', () => {
  test('datacenter alias serves dc-9', async () => {
    const sim = await start({ flavor: 'datacenter', spaces: [CHAIN] });
    expect(sim.flavor).toBe('datacenter');
    expect(sim.profile).toBe('dc-9');
    expect(sim.product).toBe('Confluence Data Center 9');
  });

  test('server 6.4 rejects bearer tokens', async () => {
    const sim = await start({ flavor: 'server-6.4', spaces: [CHAIN] });
    const bearer = await getJson(sim, '/rest/api/space/CH', `Bearer ${sim.credentials.personalToken}`);
    expect(bearer.status).toBe(401);
    const basic = await getJson(sim, '/rest/api/space/CH', password(sim));
    expect(basic.status).toBe(200);
  });

  test('server 6.4 has no content scan', async () => {
    const sim = await start({ flavor: 'server-6.4', spaces: [CHAIN] });
    const { status } = await getJson(sim, '/rest/api/content/scan?spaceKey=CH', password(sim));
    expect(status).toBe(404);
  });

  test.each(['dc-7.19', 'dc-8.5', 'dc-9'] as const)('%s scans with cursors', async (flavor) => {
    const sim = await start({ flavor, spaces: [CHAIN] });
    const { items, pages } = await collectV1(sim, '/rest/api/content/scan?spaceKey=CH&limit=4');
    expect(items.map((item) => item.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(pages[0].nextCursor).toBe('content:false:4');
  });

  test.each(['server-6.4', 'dc-7.19', 'dc-8.5', 'dc-9'] as const)('%s answers descendant/page with 501', async (flavor) => {
    const sim = await start({ flavor, spaces: [CHAIN] });
    const { status, body } = await getJson(sim, '/rest/api/content/1/descendant/page', password(sim));
    expect(status).toBe(501);
    expect(body).toEqual({
      statusCode: 501,
      data: { authorized: false, valid: true, allowedInReadOnlyMode: true, errors: [], successful: false },
      message: 'Page children is currently only supported for direct children',
      reason: 'Not Implemented',
    });
  });

  test('chained children.page expands nest', async () => {
    const sim = await start({ flavor: 'dc-8.5', spaces: [CHAIN] });
    const { body } = await getJson(sim, '/rest/api/content/1?expand=children.page.children.page');
    const level1 = body.children.page.results;
    expect(level1.map((page: any) => page.id)).toEqual(['2', '5']);
    expect(level1[0].children.page.results.map((page: any) => page.id)).toEqual(['3']);
    expect(level1[0].children.page.results[0].children).toBeUndefined();
  });

  test('expand chains stop after 8 levels', async () => {
    const pages = Array.from({ length: 12 }, (_, index) => ({ id: String(index + 1), title: `L${index}`, parentId: index === 0 ? null : String(index) }));
    const sim = await start({ flavor: 'dc-9', spaces: [{ key: 'DEEP', pages }] });
    const chain = Array.from({ length: 10 }, () => 'children.page').join('.');
    const { body } = await getJson(sim, `/rest/api/content/1?expand=${chain}`);
    let depth = 0;
    for (let node = body; node.children !== undefined; node = node.children.page.results[0]) {
      depth++;
    }
    // 8 sub-expansions are 'children.page' four times and a ninth 'children'.
    expect(depth).toBe(4);
  });

  test('content search uses offsets', async () => {
    const sim = await start({ flavor: 'dc-7.19', spaces: [CHAIN] });
    const { pages } = await collectV1(sim, '/rest/api/content/search?cql=space=CH and ancestor=1&limit=2');
    expect(pages[0]._links.next).toContain('start=2');
  });
});

describe('cloud v1', () => {
  test('content search paginates with cursors', async () => {
    const sim = await start({ flavor: 'cloud', spaces: [CHAIN] });
    const { items, pages } = await collectV1(sim, '/wiki/rest/api/content/search?cql=space=CH and type=page&limit=2');
    expect(items.map((item) => item.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(pages[0]._links.next).toContain('cursor=');
    expect(pages[0]._links.next).not.toContain('start=');
  });

  test('search ignores start on cloud', async () => {
    const sim = await start({ flavor: 'cloud', spaces: [CHAIN] });
    const { body } = await getJson(sim, '/wiki/rest/api/content/search?cql=space=CH&limit=2&start=4');
    expect(body.results.map((item: any) => item.id)).toEqual(['1', '2']);
  });

  test('lastmodified filters search', async () => {
    const sim = await start({ flavor: 'cloud', spaces: [CHAIN] });
    const all = await collectV1(sim, '/wiki/rest/api/content/search?cql=space=CH and lastmodified >= "1990-01-01"');
    const none = await collectV1(sim, '/wiki/rest/api/content/search?cql=space=CH and lastmodified >= "2099-01-01"');
    expect(all.items).toHaveLength(6);
    expect(none.items).toHaveLength(0);
  });

  test('v1 responses carry Deprecation', async () => {
    const sim = await start({ flavor: 'cloud', spaces: [CHAIN] });
    const v1 = await getJson(sim, '/wiki/rest/api/content/1/child/page');
    const v2 = await getJson(sim, '/wiki/api/v2/pages/1');
    expect(v1.headers.get('Deprecation')).toMatch(/^@[0-9]+$/);
    expect(v2.headers.get('Deprecation')).toBeNull();
  });
});

describe('cloud v2 hierarchy', () => {
  test('descendants respect depth', async () => {
    const sim = await start({ flavor: 'cloud', spaces: [CHAIN] });
    const two = await collectV2(sim, '/wiki/api/v2/pages/1/descendants');
    expect(two.items.map((item) => [item.id, item.depth, item.parentId])).toEqual([
      ['2', 1, '1'],
      ['5', 1, '1'],
      ['3', 2, '2'],
      ['6', 2, '5'],
    ]);
    const all = await collectV2(sim, '/wiki/api/v2/pages/1/descendants?depth=10&limit=1');
    expect(all.items.map((item) => item.id)).toEqual(['2', '5', '3', '6', '4']);
  });

  test('descendants reject depth above 10', async () => {
    const sim = await start({ flavor: 'cloud', spaces: [CHAIN] });
    const { status } = await getJson(sim, '/wiki/api/v2/pages/1/descendants?depth=11');
    expect(status).toBe(400);
  });

  test('ancestors list top first', async () => {
    const sim = await start({ flavor: 'cloud', spaces: [CHAIN] });
    const all = await getJson(sim, '/wiki/api/v2/pages/4/ancestors');
    expect(all.body.results).toEqual([
      { id: '1', type: 'page' },
      { id: '2', type: 'page' },
      { id: '3', type: 'page' },
    ]);
    const nearest = await getJson(sim, '/wiki/api/v2/pages/4/ancestors?limit=2');
    expect(nearest.body.results.map((item: any) => item.id)).toEqual(['2', '3']);
    expect(nearest.body._links.next).toBeUndefined();
  });
});

describe('pagetree fragment', () => {
  test('lists children with toggles', async () => {
    const sim = await start({ flavor: 'dc-9', contextPath: '/confluence', spaces: [CHAIN] });
    const response = await fetch(`${sim.url}/plugins/pagetree/naturalchildren.action?decorator=none&pageId=1&treeId=0&ancestors=2`, {
      headers: { Authorization: `Bearer ${sim.credentials.personalToken}` },
    });
    const html = await response.text();
    expect(response.headers.get('Content-Type')).toContain('text/html');
    expect(html.startsWith('<ul class="plugin_pagetree_children_list">')).toBe(true);
    expect(html).toContain('id="plusminus2-0"');
    expect(html).toContain('id="childrenspan5-0"><a href="/confluence/display/CH/D">D</a>');
    // Page 2 is on the expanded path, so its child 3 is nested; 5 is collapsed.
    expect(html).toContain('id="childrenspan3-0"');
    expect(html).not.toContain('id="childrenspan6-0"');
  });

  test('escapes titles once', async () => {
    const sim = await start({ flavor: 'cloud', spaces: [CHAIN] });
    const response = await fetch(`${sim.url}/plugins/pagetree/naturalchildren.action?pageId=3&treeId=0`, {
      headers: { Authorization: basicAuth(sim.credentials.username, sim.credentials.apiToken) },
    });
    const html = await response.text();
    expect(html).toContain('>C &lt;&amp;&gt;</a>');
    expect(html).toContain('class="no-children icon"');
  });
});

describe('permissions', () => {
  test('hidden subtrees never appear', async () => {
    const sim = await start({ flavor: 'cloud', spaces: [CHAIN], permissions: { hidden: ['2'] } });
    const { items } = await collectV2(sim, '/wiki/api/v2/spaces/98305/pages');
    expect(items.map((item) => item.id).sort()).toEqual(['1', '5', '6']);
    expect((await getJson(sim, '/wiki/api/v2/pages/3')).status).toBe(404);
    expect(sim.spaces[0]!.visibleCount).toBe(3);
  });

  test('unreadable pages are listed but 404', async () => {
    const space: SpaceDefinition = { ...CHAIN, pages: CHAIN.pages.map((page) => (page.id === '5' ? { ...page, access: 'unreadable' } : page)) };
    const sim = await start({ flavor: 'dc-9', spaces: [space] });
    const listed = await collectV1(sim, '/rest/api/content/1/child/page');
    expect(listed.items.map((item) => item.id)).toEqual(['2', '5']);
    expect((await getJson(sim, '/rest/api/content/5')).status).toBe(404);
    expect((await getJson(sim, '/rest/api/content/5/child/page')).status).toBe(404);
  });
});

describe('documented example', () => {
  test('client test setup from docs works', async () => {
    const sim = await start({
      flavor: 'dc-8.5',
      generate: { key: 'DEMO', pages: 2000, seed: 7 },
      faults: { nextPastEnd: true, serverErrors: { rate: 0.05 }, seed: 3 },
    });
    const expected = sim.expectedTree('DEMO');
    expect(expected.length).toBeGreaterThan(1);
    expect(sim.url).toBe(sim.origin);
    expect(sim.profile).toBe('dc-8.5');
  });
});
