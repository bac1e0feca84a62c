import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSpaceFile, parseSpaceFile, SpaceFileError, startSimulator } from '../../src/simulator/index.js';
import { collectV1 } from './helpers.js';

const VALID = {
  spaces: [
    {
      key: 'OWN',
      name: 'Own space',
      homepageId: '1',
      pages: [
        { id: '1', title: 'Home', parentId: null, position: 0 },
        { id: '2', title: 'Child', parentId: '1', position: 0, status: 'current' },
        { id: '3', title: 'Secret', parentId: '1', access: 'hidden' },
      ],
    },
  ],
};

async function tempFile(content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'conftree-space-'));
  const path = join(dir, 'space.json');
  await writeFile(path, content);
  return path;
}

describe('space files', () => {
  test('valid file is served', async () => {
    const spaces = await loadSpaceFile(await tempFile(JSON.stringify(VALID)));
    const sim = await startSimulator({ flavor: 'dc-9', spaces });
    try {
      const { items } = await collectV1(sim, '/rest/api/content?spaceKey=OWN');
      expect(items.map((item) => item.title)).toEqual(['Home', 'Child']);
    } finally {
      await sim.close();
    }
  });

  test('single space without wrapper', () => {
    const spaces = parseSpaceFile(VALID.spaces[0], 'one.json');
    expect(spaces.map((space) => space.key)).toEqual(['OWN']);
  });

  test.each([
    [{ spaces: [] }, 'f.json: spaces: expected a non-empty array of spaces; got [].'],
    [{ key: 'A B', pages: [] }, 'f.json: space.key: expected a space key of letters and digits such as "DEV"; got "A B".'],
    [{ key: 'A', pages: [{ id: 5, title: 'x', parentId: null }] }, 'f.json: space.pages[0].id: expected a numeric string such as "65601"; got 5.'],
    [{ key: 'A', pages: [{ id: '5', title: 'x' }] }, 'f.json: space.pages[0].parentId: expected a parent id string, or null for a top-level page; got undefined.'],
    [{ key: 'A', pages: [{ id: '5', title: 'x', parentId: null, status: 'gone' }] }, 'f.json: space.pages[0].status: expected one of current, archived, draft, trashed; got "gone".'],
    [{ key: 'A', pages: [{ id: '5', title: 'x', parentId: null, colour: 'red' }] }, 'f.json: space.pages[0].colour: unknown field; valid fields are id, title, parentId, type, position, status, access.'],
    [{ key: 'A', pages: [{ id: '5', title: 'x', parentId: null, position: 1.5 }] }, 'f.json: space.pages[0].position: expected an integer or null; got 1.5.'],
  ])('rejects %j', (content, message) => {
    expect(() => parseSpaceFile(content, 'f.json')).toThrow(new SpaceFileError(message));
  });

  test('invalid JSON names the file', async () => {
    const path = await tempFile('{"spaces": [');
    await expect(loadSpaceFile(path)).rejects.toThrow(`${path}: invalid JSON (`);
  });

  test('missing file names the path', async () => {
    await expect(loadSpaceFile('/nonexistent/space.json')).rejects.toThrow('/nonexistent/space.json: could not read the file (ENOENT); check the path.');
  });
});
