import { randomBytes } from 'node:crypto';
import { constants, createWriteStream, type WriteStream } from 'node:fs';
import { access, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { ConftreeError } from '../confluence/index.js';
import { streamSink, type RenderSink } from '../render/index.js';

/** The output file exists and `--force` was not given. */
export class OutputExistsError extends ConftreeError {
  override readonly name = 'OutputExistsError';
  readonly code = 'output-exists';

  constructor(readonly path: string) {
    super(`Output file ${path} already exists: pass --force to overwrite it, or choose another --output path.`);
  }
}

/** Writing the output failed. */
export class OutputWriteError extends ConftreeError {
  override readonly name = 'OutputWriteError';
  readonly code = 'output-failed';

  constructor(readonly path: string, readonly reason: string, readonly savedTo?: string, fix = 'Check that the folder exists and is writable.') {
    super(`Could not write ${path}: ${reason}. ` + (savedTo === undefined ? fix : `The fetched tree was saved as JSON to ${savedTo} instead.`));
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'the folder does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ENOSPC') return 'the disk is full';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Checks before a fetch that `path` can be created, so a long fetch does not
 * end in an avoidable error: the file must not exist unless `force`, and its
 * folder must exist.
 */
export async function checkOutputPath(path: string, force: boolean): Promise<void> {
  const target = resolve(path);
  if (await isFolder(target)) {
    throw new OutputWriteError(path, 'it is a folder', undefined, `Give a file path, such as ${join(path, 'tree.txt')}.`);
  }
  if (!force && (await exists(target))) {
    throw new OutputExistsError(path);
  }
  try {
    await access(dirname(target), constants.W_OK);
  } catch (error) {
    throw new OutputWriteError(path, reasonOf(error));
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

function finish(stream: WriteStream): Promise<void> {
  return new Promise((resolveEnd, reject) => {
    stream.once('error', reject);
    stream.end(() => resolveEnd());
  });
}

/**
 * Writes a file through `render` atomically: into a temporary file beside the
 * target, renamed over it only when everything was written, so a failure
 * never leaves half a file behind.
 */
export async function writeFileAtomically(path: string, force: boolean, render: (sink: RenderSink) => Promise<void>): Promise<void> {
  const target = resolve(path);
  if (!force && (await exists(target))) {
    throw new OutputExistsError(path);
  }

  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  const stream = createWriteStream(temporary, { flags: 'wx' });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  try {
    await Promise.race([failed, new Promise((ready) => stream.once('open', ready))]);
    await Promise.race([failed, render(streamSink(stream))]);
    await finish(stream);
    await rename(temporary, target);
  } catch (error) {
    stream.destroy();
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new OutputWriteError(path, reasonOf(error));
  }
}

/** Picks a file in the system's temporary folder for a rescue copy of the tree. */
export function rescuePath(spaceKey: string): string {
  const safeKey = spaceKey.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return join(tmpdir(), `conftree-${safeKey}-${stamp}.json`);
}
