/**
 * confluence.js 2.x, a client written against real Confluence, reads the
 * simulator. Its 2.x API covers REST v1 (under `/wiki/rest` on Cloud, `/rest`
 * on Server and Data Center): spaces, pages, children and descendants.
 */
import { ConfluenceClient } from 'confluence.js';
import { afterEach, describe, expect, test } from 'vitest';
import { startSimulator, type RunningSimulator, type SimulatorOptions, type SpaceDefinition } from '../../src/simulator/index.js';

const running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

async function start(options: SimulatorOptions): Promise<RunningSimulator> {
  const sim = await startSimulator(options);
  running.push(sim);
  return sim;
}

const SPACE: SpaceDefinition = {
  key: 'CJS',
  name: 'Client space',
  homepageId: '10',
  pages: [
    { id: '10', title: 'Home', parentId: null, position: 0 },
    { id: '11', title: 'Guide', parentId: '10', position: 0 },
    { id: '12', title: 'Guide part', parentId: '11', position: 0 },
    { id: '13', title: 'Reference', parentId: '10', position: 1 },
  ],
};

function cloudClient(sim: RunningSimulator): ConfluenceClient {
  return new ConfluenceClient({
    host: sim.origin,
    authentication: { basic: { email: sim.credentials.username, apiToken: sim.credentials.apiToken } },
  });
}

function dataCenterClient(sim: RunningSimulator): ConfluenceClient {
  // Bearer personal access token, sent through the client's OAuth 2 setting.
  return new ConfluenceClient({
    host: sim.origin,
    apiPrefix: '/rest',
    authentication: { oauth2: { accessToken: sim.credentials.personalToken } },
  });
}

describe('confluence.js on cloud', () => {
  test('reads the space', async () => {
    const sim = await start({ flavor: 'cloud', spaces: [SPACE] });
    const space = await cloudClient(sim).space.getSpace({ spaceKey: 'CJS', expand: ['homepage'] });
    expect(space.key).toBe('CJS');
    expect(space.name).toBe('Client space');
    expect(space.homepage?.id).toBe('10');
  });

  test('searches pages with CQL', async () => {
    const sim = await start({ flavor: 'cloud', spaces: [SPACE] });
    const pages = await cloudClient(sim).content.searchContentByCQL({ cql: 'space = CJS and type = page', expand: ['ancestors'] });
    expect(pages.results.map((page) => page.id)).toEqual(['10', '11', '12', '13']);
    expect(pages.results[2]!.ancestors!.map((ancestor) => ancestor.id)).toEqual(['10', '11']);
  });

  test('lists children and descendants', async () => {
    const sim = await start({ flavor: 'cloud', spaces: [SPACE] });
    const client = cloudClient(sim);
    const children = await client.contentChildrenAndDescendants.getContentChildrenByType({ id: '10', type: 'page' });
    expect(children.results.map((page) => page.title)).toEqual(['Guide', 'Reference']);
    const descendants = await client.contentChildrenAndDescendants.getDescendantsOfType({ id: '10', type: 'page' });
    expect(descendants.results.map((page) => page.id)).toEqual(['11', '12', '13']);
  });

  test('reads a page by id', async () => {
    const sim = await start({ flavor: 'cloud', spaces: [SPACE] });
    const page = await cloudClient(sim).content.getContentById({ id: '12', expand: ['ancestors'] });
    expect(page.title).toBe('Guide part');
    expect(page.ancestors!.map((ancestor) => ancestor.id)).toEqual(['10', '11']);
  });
});

describe('confluence.js on data center', () => {
  test('reads space, pages and children', async () => {
    const sim = await start({ flavor: 'dc-8.5', spaces: [SPACE] });
    const client = dataCenterClient(sim);
    const space = await client.space.getSpace({ spaceKey: 'CJS' });
    expect(space.key).toBe('CJS');
    const pages = await client.content.getContent({ spaceKey: 'CJS', type: 'page', expand: ['ancestors'] });
    expect(pages.results.map((page) => page.id)).toEqual(['10', '11', '12', '13']);
    const children = await client.contentChildrenAndDescendants.getContentChildrenByType({ id: '11', type: 'page' });
    expect(children.results.map((page) => page.id)).toEqual(['12']);
  });

  test('descendants fail with 501', async () => {
    const sim = await start({ flavor: 'dc-8.5', spaces: [SPACE] });
    const request = dataCenterClient(sim).contentChildrenAndDescendants.getDescendantsOfType({ id: '10', type: 'page' });
    // confluence.js rejects with the parsed error body.
    await expect(request).rejects.toMatchObject({ statusCode: 501, reason: 'Not Implemented' });
  });
});
