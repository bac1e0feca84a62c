import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { OutputWriteError, rescuePath } from '../../src/cli/output.js';
import { writeResult } from '../../src/cli/write-result.js';
import { makeResult } from '../render/make-result.js';

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
