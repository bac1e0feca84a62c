import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimulator, type RunningSimulator, type SpaceDefinition } from '../../src/simulator/index.js';
import { collectV1, getJson } from './helpers.js';

const SPACE: SpaceDefinition = {
  key: 'TYP',
  homepageId: '1',
  pages: [
    { id: '1', title: 'Home', parentId: null },
    { id: '2', title: 'Folder', type: 'folder', parentId: '1', position: 4 },
    { id: '3', title: 'Board', type: 'whiteboard', parentId: '2' },
    { id: '4', title: 'Page', parentId: '3' },
    { id: '5', title: 'Old folder', type: 'folder', parentId: '1', status: 'archived' },
  ],
};

function search(cql: string, expand = ''): string {
  return `/wiki/rest/api/content/search?cql=${encodeURIComponent(cql)}&limit=250${expand === '' ? '' : `&expand=${expand}`}`;
}

describe('CQL type clauses', () => {
  let cloud: RunningSimulator;
  let dataCenter: RunningSimulator;

  beforeAll(async () => {
    cloud = await startSimulator({ flavor: 'cloud', spaces: [SPACE] });
    dataCenter = await startSimulator({ flavor: 'datacenter', spaces: [{ key: 'TYP', homepageId: '1', pages: [{ id: '1', title: 'Home', parentId: null }] }] });
  });

  afterAll(async () => {
    await Promise.all([cloud?.close(), dataCenter?.close()]);
  });

  test('type in lists current containers of those types', async () => {
    const { items } = await collectV1(cloud, search('space = "TYP" and type in (folder, whiteboard, database, embed)', 'ancestors'));

    expect(items.map((item) => [item.id, item.type])).toEqual([
      ['2', 'folder'],
      ['3', 'whiteboard'],
    ]);
    expect(items[1].ancestors.map((ancestor: { id: string; type: string }) => [ancestor.id, ancestor.type])).toEqual([
      ['1', 'page'],
      ['2', 'folder'],
    ]);
    expect(items[0].extensions).toEqual({ position: 4 });
    expect(items[0]._links.webui).toBe('/spaces/TYP/folder/2');
  });

  test('type = folder and no type clause', async () => {
    const folders = await collectV1(cloud, search("space = TYP and type = 'folder'"));
    const untyped = await collectV1(cloud, search('space = TYP'));

    expect(folders.items.map((item) => item.id)).toEqual(['2']);
    expect(untyped.items.map((item) => item.type)).toEqual(['page', 'page']);
  });

  test('unknown and repeated types are rejected', async () => {
    const unknown = await getJson(cloud, search('space = TYP and type = attachmentz'));
    const repeated = await getJson(cloud, search('type = page and type in (folder)'));

    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('type "attachmentz" is not supported');
    expect(repeated.status).toBe(400);
    expect(repeated.body.message).toContain('field type appears twice');
  });

  test('data center rejects types it does not have', async () => {
    const response = await getJson(dataCenter, `/rest/api/content/search?cql=${encodeURIComponent('space = TYP and type in (page, folder)')}`);

    expect(response.status).toBe(400);
    expect(response.body.message).toContain('type "folder" does not exist on');
  });
});
