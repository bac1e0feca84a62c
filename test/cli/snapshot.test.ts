import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { snapshotFileName } from '../../src/cli/snapshot.js';
import type { SpaceDefinition } from '../../src/simulator/index.js';
import { cli, envFor } from '../support/cli.js';
import { simulate } from '../support/simulator.js';

const SPACE: SpaceDefinition = {
  key: 'SNAP',
  name: 'Snapshots',
  homepageId: '1',
  pages: [
    { id: '1', title: 'Home', parentId: null, position: 1 },
    { id: '2', title: 'Sales/Marketing', parentId: '1', position: 1 },
    { id: '3', title: 'Meeting notes', parentId: '2', position: 1 },
  ],
};

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'conftree-snapshot-'));
}

describe('conftree tree --snapshot', () => {
  it('writes a JSON snapshot beside the normal output', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [SPACE] });
    const dir = await tempDir();
    const run = await cli(['tree', 'SNAP', '--format', 'md', '--snapshot', dir], envFor(simulator));

    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('# SNAP — Snapshots\n')).toBe(true);
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^SNAP-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z\.json$/);
    expect(run.stderr).toContain(`conftree: snapshot written to ${join(dir, files[0]!)}`);

    const snapshot = JSON.parse(await readFile(join(dir, files[0]!), 'utf8'));
    expect(snapshot.space.key).toBe('SNAP');
    expect(snapshot.complete).toBe(true);
    expect(snapshot.roots[0].children[0].title).toBe('Sales/Marketing');
    expect(files[0]).toBe(snapshotFileName('SNAP', snapshot.fetchedAt));
  });

  it('stays quiet with --quiet', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [SPACE] });
    const dir = await tempDir();
    const run = await cli(['tree', 'SNAP', '--quiet', '--snapshot', dir], envFor(simulator));

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(await readdir(dir)).toHaveLength(1);
  });

  it('rejects a missing folder before fetching', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [SPACE] });
    const missing = join(await tempDir(), 'missing');
    const run = await cli(['tree', 'SNAP', '--snapshot', missing], envFor(simulator));

    expect(run.code).toBe(7);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`conftree: error: Could not write ${missing}: the --snapshot folder does not exist. Check that the folder exists and is writable.\n`);
    expect(simulator.requests).toHaveLength(0);
  });

  it('rejects a file as folder', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [SPACE] });
    const file = join(await tempDir(), 'plain.txt');
    await writeFile(file, 'x');
    const run = await cli(['tree', 'SNAP', '--snapshot', file], envFor(simulator));

    expect(run.code).toBe(7);
    expect(run.stderr).toContain('the --snapshot path is not a folder');
  });
});

describe('snapshotFileName', () => {
  it.each([
    ['DOCS', 'DOCS-2025-01-02T03-04-05.000Z.json'],
    ['../../etc/passwd', '______etc_passwd-2025-01-02T03-04-05.000Z.json'],
    ['a/b\\c:d', 'a_b_c_d-2025-01-02T03-04-05.000Z.json'],
    ['', 'space-2025-01-02T03-04-05.000Z.json'],
    ['~ÉTÉ', '__T_-2025-01-02T03-04-05.000Z.json'],
  ])('key %j becomes %s', (key, expected) => {
    expect(snapshotFileName(key, '2025-01-02T03:04:05.000Z')).toBe(expected);
  });

  it('long key is cut', () => {
    expect(snapshotFileName('K'.repeat(500), '2025-01-02T03:04:05.000Z')).toBe(`${'K'.repeat(64)}-2025-01-02T03-04-05.000Z.json`);
  });
});
