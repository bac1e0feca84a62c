import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { SpaceDefinition } from '../../src/simulator/index.js';
import { cli, envFor } from '../support/cli.js';
import { simulate } from '../support/simulator.js';

const TRICKY: SpaceDefinition = {
  key: 'ESC',
  name: 'Escaping <space>',
  homepageId: '1',
  pages: [
    { id: '1', title: 'Home', parentId: null, position: 1 },
    { id: '2', title: 'Sales/Marketing', parentId: '1', position: 1 },
    { id: '3', title: 'What? & <b>bold</b>', parentId: '2', position: 1 },
    { id: '4', title: '=HYPERLINK("http://x")', parentId: '2', position: 2 },
    { id: '5', title: '(Leading paren', parentId: '1', position: 2 },
    { id: '6', title: '“Typographic” quote’s', parentId: '1', position: 3 },
    { id: '7', title: 'Meeting notes', parentId: '5', position: 1 },
    { id: '8', title: 'Meeting notes', parentId: '6', position: 1 },
  ],
};

/** Returns a loopback port that was free a moment ago and has nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  await new Promise((closed) => server.close(closed));
  return port;
}

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'conftree-cli-'));
}

describe('conftree tree', () => {
  it('prints a text tree on stdout and a summary on stderr', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [TRICKY] });
    const run = await cli(['tree', 'ESC'], envFor(simulator));

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Sales/Marketing');
    expect(run.stdout).toContain('What? & <b>bold</b>');
    expect(run.stdout.split('\n').filter((line) => line.includes('Meeting notes'))).toHaveLength(2);
    expect(run.stderr).toMatch(/ESC: 8 nodes, \d+ requests, .* complete/);
  });

  it('writes the documented JSON shape', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [TRICKY] });
    const run = await cli(['tree', 'ESC', '--format', 'json'], envFor(simulator));
    const json = JSON.parse(run.stdout);

    expect(run.code).toBe(0);
    expect(json.space.key).toBe('ESC');
    expect(json.complete).toBe(true);
    expect(json.stats.pages).toBe(8);
    expect(json.stats.requests).toBeGreaterThan(0);
    expect(Array.isArray(json.warnings)).toBe(true);
    const home = json.roots[0];
    expect(home).toMatchObject({ id: '1', title: 'Home', type: 'page' });
    expect(home.children.map((child: { title: string }) => child.title)).toEqual(['Sales/Marketing', '(Leading paren', '“Typographic” quote’s']);
    expect(typeof home.url).toBe('string');
    expect(home).toHaveProperty('position');
  });

  it('F17 and F18: writes CSV that round-trips and cannot start a formula', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [TRICKY] });
    const run = await cli(['tree', 'ESC', '--format', 'csv'], envFor(simulator));
    const rows: string[][] = parse(run.stdout, { relax_column_count: false });

    expect(run.code).toBe(0);
    const header = rows[0]!;
    expect(header.slice(0, 3)).toEqual(['level_1', 'level_2', 'level_3']);
    expect(header).toEqual(expect.arrayContaining(['id', 'parent_id', 'url']));
    const byId = new Map(rows.slice(1).map((row) => [row[header.indexOf('id')], row]));
    expect(byId.get('3')?.slice(0, 3)).toEqual(['Home', 'Sales/Marketing', 'What? & <b>bold</b>']);
    expect(byId.get('4')?.[2]).toBe('\'=HYPERLINK("http://x")');
    expect(byId.get('3')?.[header.indexOf('parent_id')]).toBe('2');
    for (const row of rows) {
      for (const cell of row) {
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  it('limits output with --root and --depth', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [TRICKY] });
    const run = await cli(['tree', 'ESC', '--root', '2', '--depth', '1', '--format', 'json'], envFor(simulator));
    const json = JSON.parse(run.stdout);

    expect(run.code).toBe(0);
    expect(json.roots).toHaveLength(1);
    expect(json.roots[0].title).toBe('Sales/Marketing');
    expect(json.roots[0].children).toEqual([]);
  });

  it('writes --output and refuses to overwrite without --force', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [TRICKY] });
    const file = join(await tempDir(), 'tree.json');

    const first = await cli(['tree', 'ESC', '--format', 'json', '--output', file], envFor(simulator));
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(JSON.parse(await readFile(file, 'utf8')).space.key).toBe('ESC');

    const second = await cli(['tree', 'ESC', '--output', file], envFor(simulator));
    expect(second.code).toBe(7);
    expect(second.stderr).toContain('--force');

    const third = await cli(['tree', 'ESC', '--output', file, '--force'], envFor(simulator));
    expect(third.code).toBe(0);
    expect(await readFile(file, 'utf8')).toContain('Sales/Marketing');
  });

  it('exits 3 with the reason when the tree is incomplete', async () => {
    const pages = [
      { id: '1', title: 'Home', parentId: null },
      { id: '2', title: 'Retired', parentId: '1', status: 'archived' as const },
      { id: '3', title: 'Still current', parentId: '2' },
    ];
    const simulator = await simulate({ flavor: 'datacenter', spaces: [{ key: 'GONE', homepageId: '1', pages }] });
    const run = await cli(['tree', 'GONE', '--format', 'json'], envFor(simulator));

    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout).complete).toBe(false);
    expect(run.stderr).toContain('conftree: incomplete: Page 3 ("Still current") names parent 2');
    expect(run.stderr).toContain('INCOMPLETE');
  });

  it('names the fallbacks that repaired a listing which ignores the offset', async () => {
    const pages = [{ id: '1', title: 'Home', parentId: null }, ...Array.from({ length: 300 }, (_, index) => ({ id: String(100 + index), title: `P${index}`, parentId: '1' }))];
    const simulator = await simulate({ flavor: 'datacenter', spaces: [{ key: 'LOOP', homepageId: '1', pages }], faults: { ignoreOffset: true } });
    const run = await cli(['tree', 'LOOP', '--format', 'json'], envFor(simulator));

    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.complete).toBe(true);
    expect(document.roots[0].children).toHaveLength(300);
    expect(document.fallbacks).toEqual(['children-expand', 'child-listing', 'pagetree-html']);
    expect(run.stderr).toMatch(/complete \(fallbacks: children-expand, child-listing, pagetree-html\)$/m);
  });

  it('names unreadable nodes, and leaves them out with --unreadable omit', async () => {
    const pages = [
      { id: '1', title: 'Home', parentId: null },
      // Archived, so that the search for current containers misses it and it is read by id.
      { id: '2', title: 'Locked', type: 'folder' as const, parentId: '1', status: 'archived' as const, access: 'unreadable' as const },
      { id: '3', title: 'Inside', parentId: '2' },
    ];
    const simulator = await simulate({ flavor: 'cloud', spaces: [{ key: 'LCK', homepageId: '1', pages }] });
    const kept = await cli(['tree', 'LCK'], envFor(simulator));
    const omitted = await cli(['tree', 'LCK', '--unreadable', 'omit', '--format', 'json'], envFor(simulator));

    expect(kept.stderr).toContain('conftree: note: 1 node could not be read by id');
    expect(kept.stdout).toContain('Inside');
    expect(JSON.parse(omitted.stdout).unreadable).toEqual([{ id: '2', title: '', reason: 'HTTP 404 when the folder was read' }]);
    expect(omitted.stdout).not.toContain('Inside');
  });

  it('marks archived pages that --include brings in', async () => {
    const pages = [
      { id: '1', title: 'Home', parentId: null },
      { id: '2', title: 'Plan', parentId: '1', position: 0 },
      { id: '3', title: 'Plan', parentId: '1', position: 1, status: 'archived' as const },
    ];
    const simulator = await simulate({ flavor: 'datacenter', spaces: [{ key: 'ARCH', homepageId: '1', pages }] });
    const text = await cli(['tree', 'ARCH', '--include', 'archived'], envFor(simulator));
    const csv = await cli(['tree', 'ARCH', '--include', 'archived', '--format', 'csv'], envFor(simulator));

    expect(text.stdout).toContain('├── Plan\n');
    expect(text.stdout).toContain('└── Plan [archived]\n');
    expect(csv.stdout).toMatch(/^Home,Plan,3,1,page,archived,http/m);
  });

  it('explains flavor detection with --verbose', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [TRICKY] });
    const run = await cli(['tree', 'ESC', '--verbose'], envFor(simulator));

    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Flavor: datacenter, because .*\/rest\/api\/space\/ESC/);
  });
});

describe('conftree tree errors', () => {
  it('rejects a missing site with exit 2', async () => {
    const run = await cli(['tree', 'ESC'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('CONFLUENCE_URL');
  });

  it('rejects a non-numeric --depth with exit 2', async () => {
    const run = await cli(['tree', 'ESC', '--depth', 'two', '--site', 'http://127.0.0.1:9/wiki'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--depth');
  });

  it('reports wrong credentials with exit 4 and no token', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [TRICKY] });
    const env = { ...envFor(simulator), CONFLUENCE_API_TOKEN: 'wrong-token-value-123' };
    const run = await cli(['tree', 'ESC'], env);

    expect(run.code).toBe(4);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('401');
    expect(run.stderr).not.toContain('wrong-token-value-123');
    expect(run.stderr).not.toContain(simulator.credentials.apiToken);
  });

  it('reports an unknown space with exit 5', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [TRICKY] });
    const run = await cli(['tree', 'NOPE'], envFor(simulator));

    expect(run.code).toBe(5);
    expect(run.stderr).toContain('"NOPE"');
  });

  it('reports an unknown root with exit 5', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [TRICKY] });
    const run = await cli(['tree', 'ESC', '--root', '999'], envFor(simulator));

    expect(run.code).toBe(5);
    expect(run.stderr).toContain('999');
  });

  it('keeps the tree when --output cannot be written', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [TRICKY] });
    const run = await cli(['tree', 'ESC', '--output', join(await tempDir(), 'missing', 'tree.txt')], envFor(simulator));

    expect(run.code).toBe(7);
    expect(run.stderr).toContain('folder does not exist');
  });

  it('reports connection refused on a closed port with exit 6', async () => {
    const port = await closedPort();
    const run = await cli(['tree', 'ESC', '--site', `http://127.0.0.1:${port}/wiki`, '--retries', '0'], {});
    expect(run.code).toBe(6);
    expect(run.stderr).toContain(`127.0.0.1:${port}`);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
