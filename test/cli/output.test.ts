import { lstat, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { OutputWriteError, rescuePath } from '../../src/cli/output.js';
import { writeResult } from '../../src/cli/write-result.js';
import { runCli } from '../../src/cli/run.js';
import { makeResult } from '../render/make-result.js';
import { cli, envFor } from '../support/cli.js';
import { simulate } from '../support/simulator.js';

const SPACE = {
  key: 'OUT',
  homepageId: '1',
  pages: [
    { id: '1', title: 'Home', parentId: null, position: 1 },
    { id: '2', title: 'Only child', parentId: '1', position: 1 },
  ],
};

const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {} };

describe('writeResult', () => {
  it('saves the tree as JSON when the output fails midway', async () => {
    const result = makeResult({ space: { key: 'RESCUE', name: 'Rescue' }, roots: [{ id: '1', title: 'Kept page' }] });
    const target = join(await mkdtemp(join(tmpdir(), 'conftree-rescue-')), 'tree.txt');
    const failingRender = async (_format: string, sink: { write(chunk: string): void | Promise<void> }) => {
      await sink.write('partial output');
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    };

    const error = await writeResult(io, result, { format: 'text', output: target, force: false, render: failingRender }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(OutputWriteError);
    const saved = (error as OutputWriteError).savedTo!;
    expect((error as OutputWriteError).message).toContain('the disk is full');
    expect((error as OutputWriteError).message).toContain(saved);
    const json = JSON.parse(await readFile(saved, 'utf8'));
    expect(json.space.key).toBe('RESCUE');
    expect(json.roots[0].title).toBe('Kept page');
    await expect(readFile(target, 'utf8')).rejects.toThrow();
    await rm(saved);
  });
});

describe('rescuePath', () => {
  it.each(['../../etc/passwd', '/abs/path', '~user', 'CON', 'a\u0000b'])('keeps key %j inside the temporary folder', (key) => {
    const path = rescuePath(key);
    expect(dirname(path)).toBe(tmpdir());
    expect(path).toMatch(/conftree-[A-Za-z0-9_-]+-[0-9T-]+Z\.json$/);
  });
});

describe('conftree tree --output targets', () => {
  it('replaces the file behind a symbolic link and keeps the link', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [SPACE] });
    const folder = await mkdtemp(join(tmpdir(), 'conftree-link-'));
    const real = join(folder, 'real.txt');
    const link = join(folder, 'link.txt');
    await writeFile(real, 'old');
    await symlink(real, link);

    const run = await cli(['tree', 'OUT', '--output', link, '--force'], envFor(simulator));

    expect(run.code).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toContain('Only child');
    await rm(folder, { recursive: true });
  });

  it('writes to a device in place without --force', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [SPACE] });
    const run = await cli(['tree', 'OUT', '--output', '/dev/null'], envFor(simulator));

    expect(run.code).toBe(0);
    expect((await stat('/dev/null')).isCharacterDevice()).toBe(true);
  });

  it('rescues the tree when standard output fails', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [SPACE] });
    let stderr = '';
    const code = await runCli(['tree', 'OUT'], {
      stdout: {
        write: () => {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
      },
      stderr: { write: (chunk: string) => void (stderr += chunk) },
      env: envFor(simulator),
    });

    expect(code).toBe(7);
    expect(stderr).toContain('Could not write standard output: the disk is full');
    const saved = /saved as JSON to (\S+) instead/.exec(stderr)?.[1];
    expect(saved).toBeDefined();
    expect(JSON.parse(await readFile(saved!, 'utf8')).space.key).toBe('OUT');
    await rm(saved!);
  });
});
