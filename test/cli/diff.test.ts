import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

import type { SimPage, SpaceDefinition } from '../../src/simulator/index.js';
import { cli, envFor } from '../support/cli.js';
import { startSimulator } from '../../src/simulator/index.js';

const BEFORE: SimPage[] = [
  { id: '1', title: 'Home', parentId: null, position: 1 },
  { id: '2', title: 'Sales/Marketing', parentId: '1', position: 1 },
  { id: '3', title: 'Meeting notes', parentId: '2', position: 1 },
  { id: '4', title: 'Archive', type: 'folder', parentId: '1', position: 2 },
  { id: '5', title: 'Meeting notes', parentId: '4', position: 1 },
  { id: '6', title: 'Guides', parentId: '1', position: 3 },
  { id: '7', title: 'Install', parentId: '6', position: 1 },
  { id: '8', title: 'Upgrade', parentId: '6', position: 2 },
  { id: '9', title: 'Old plan', parentId: '1', position: 4 },
];

/** The same space after a restructuring: one of each kind of change. */
const AFTER: SimPage[] = [
  { id: '1', title: 'Home', parentId: null, position: 1 },
  { id: '2', title: 'Sales & Marketing', parentId: '1', position: 1 },
  // Moved under the Archive folder, where another "Meeting notes" already is.
  { id: '3', title: 'Meeting notes', parentId: '4', position: 2 },
  { id: '4', title: 'Archive', type: 'folder', parentId: '1', position: 2 },
  { id: '5', title: 'Meeting notes', parentId: '4', position: 1 },
  { id: '6', title: 'Guides', parentId: '1', position: 3 },
  { id: '7', title: 'Install', parentId: '6', position: 2 },
  { id: '8', title: 'Upgrade', parentId: '6', position: 1 },
  { id: '10', title: 'What? & <b>new</b>', parentId: '6', position: 3 },
];

function space(pages: SimPage[], key = 'REORG'): SpaceDefinition {
  return { key, name: 'Restructuring', homepageId: '1', pages };
}

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'conftree-diff-'));
}

/**
 * The loopback port of the site that every snapshot of a test is taken from,
 * so that two snapshots of a space come from one site, as they do in real use.
 */
let sitePort = 0;

beforeEach(() => {
  sitePort = 0;
});

/**
 * Fetches the space with `--snapshot` from a simulator on the test's site
 * port, then stops the simulator, and returns the snapshot's path.
 */
async function snapshotOf(definition: SpaceDefinition): Promise<string> {
  const simulator = await startSimulator({ flavor: 'cloud', port: sitePort, spaces: [{ id: '777', ...definition }] });
  try {
    sitePort = Number(new URL(simulator.origin).port);
    const dir = await tempDir();
    const run = await cli(['tree', definition.key, '--quiet', '--snapshot', dir], envFor(simulator));
    expect(run.code).toBe(0);
    const [file] = await readdir(dir);
    return join(dir, file!);
  } finally {
    await simulator.close();
  }
}

describe('conftree diff', () => {
  it('reports every kind of change and exits with 8', async () => {
    const older = await snapshotOf(space(BEFORE));
    const newer = await snapshotOf(space(AFTER));
    const run = await cli(['diff', older, newer], {});

    expect(run.code).toBe(8);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('REORG — Restructuring: 1 added, 1 removed, 1 moved, 1 renamed, 1 reordered');
    expect(lines[1]).toMatch(new RegExp(`^old  ${older.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: fetched .*, 9 nodes, complete$`));
    expect(lines).toEqual(
      expect.arrayContaining([
        'Added (1)',
        '  + What? & <b>new</b>  [id 10]  in Home › Guides',
        'Removed (1)',
        '  - Old plan  [id 9]  was in Home',
        'Moved (1)',
        '  ~ Meeting notes  [id 3]  from Home › Sales/Marketing  to Home › Archive',
        'Renamed (1)',
        '  ~ "Sales/Marketing" → "Sales & Marketing"  [id 2]  in Home',
        'Reordered (1)',
      ]),
    );
    expect(lines.filter((line) => /^ {2}~ (Install|Upgrade) {2}\[id [78]\] {2}in Home › Guides: position [12] → [12]$/.test(line))).toHaveLength(1);
  });

  it('json report names old and new parents of a move', async () => {
    const older = await snapshotOf(space(BEFORE));
    const newer = await snapshotOf(space(AFTER));
    const run = await cli(['diff', older, newer, '--format', 'json'], {});
    const report = JSON.parse(run.stdout);

    expect(run.code).toBe(8);
    expect(report.changed).toBe(true);
    expect(report.moved).toEqual([
      {
        id: '3',
        title: 'Meeting notes',
        type: 'page',
        oldParentId: '2',
        newParentId: '4',
        oldPath: ['Home', 'Sales/Marketing', 'Meeting notes'],
        newPath: ['Home', 'Archive', 'Meeting notes'],
      },
    ]);
  });

  it('markdown report escapes titles', async () => {
    const older = await snapshotOf(space(BEFORE));
    const newer = await snapshotOf(space(AFTER));
    const run = await cli(['diff', older, newer, '--format', 'md'], {});

    expect(run.code).toBe(8);
    expect(run.stdout).toContain('# Changes in REORG — Restructuring\n');
    expect(run.stdout).toContain('- **What? \\& \\<b\\>new\\</b\\>** (id 10) in Home › Guides\n');
  });

  it('unchanged space exits with 0', async () => {
    const older = await snapshotOf(space(BEFORE));
    const newer = await snapshotOf(space(BEFORE));
    const run = await cli(['diff', older, newer], {});

    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('REORG — Restructuring: no changes (9 nodes in both)');
  });

  it('missing file is a one-line error', async () => {
    const newer = await snapshotOf(space(BEFORE));
    const missing = join(await tempDir(), 'nope.json');
    const run = await cli(['diff', missing, newer], {});

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`conftree: error: Cannot read snapshot ${missing}: file not found. Pass a file written by conftree tree --format json or --snapshot DIR.\n`);
  });

  it('file that is not a conftree tree is a one-line error', async () => {
    const newer = await snapshotOf(space(BEFORE));
    const dir = await tempDir();
    const notJson = join(dir, 'notes.txt');
    const otherJson = join(dir, 'package.json');
    await writeFile(notJson, 'DOCS — Documentation\n└── Home\n');
    await writeFile(otherJson, '{"name":"x"}');

    const first = await cli(['diff', notJson, newer], {});
    expect(first.code).toBe(2);
    expect(first.stderr).toMatch(new RegExp(`^conftree: error: Snapshot ${notJson.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON \\(.*\\)\\. Pass a file written by conftree tree --format json or --snapshot DIR\\.\\n$`));

    const second = await cli(['diff', otherJson, newer], {});
    expect(second.code).toBe(2);
    expect(second.stderr).toBe(
      `conftree: error: Snapshot ${otherJson} is not a conftree JSON tree: "space.key" should be a string. Pass a file written by conftree tree --format json or --snapshot DIR.\n`,
    );
  });

  it('snapshots of different spaces are a one-line error', async () => {
    const older = await snapshotOf(space(BEFORE, 'REORG'));
    const newer = await snapshotOf(space(BEFORE, 'OTHER'));
    const run = await cli(['diff', older, newer], {});

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`conftree: error: Snapshot ${older} is of space REORG and ${newer} of space OTHER: pass two snapshots of the same space.\n`);
  });

  it('incomplete snapshot gets a warning', async () => {
    const older = await snapshotOf(space(BEFORE));
    const dir = await tempDir();
    const incomplete = join(dir, 'incomplete.json');
    const document = { space: { key: 'REORG' }, fetchedAt: '2025-01-02T03:04:05.000Z', complete: false, roots: [], orphans: [] };
    await writeFile(incomplete, JSON.stringify(document));
    const run = await cli(['diff', older, incomplete], {});

    expect(run.code).toBe(8);
    expect(run.stderr).toBe(`conftree: warning: ${incomplete} is incomplete, so pages missing from it show as removed.\n`);
  });

  it('unknown report format is a usage error', async () => {
    const run = await cli(['diff', 'a.json', 'b.json', '--format', 'csv'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'csv' is invalid. Allowed choices are text, json, md.");
  });
});
