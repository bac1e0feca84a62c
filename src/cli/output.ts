import { randomBytes } from 'node:crypto';
import { constants, createWriteStream, type WriteStream } from 'node:fs';
import { access, realpath, rename, rm, stat } from 'node:fs/promises';
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

/** Kind of file an output path points to, after following symbolic links. */
type OutputTarget =
  | { kind: 'missing'; path: string }
  | { kind: 'file'; path: string }
  | { kind: 'folder'; path: string }
  /** A device, pipe or socket such as /dev/stdout: written in place, never replaced. */
  | { kind: 'special'; path: string };

async function inspectTarget(path: string): Promise<OutputTarget> {
  const absolute = resolve(path);
  let real = absolute;
  try {
    // Follow symbolic links, so that the file they point to is written and the link stays.
    real = await realpath(absolute);
  } catch {
    return { kind: 'missing', path: absolute };
  }

  const info = await stat(real);
  if (info.isDirectory()) return { kind: 'folder', path: real };
  if (info.isFile()) return { kind: 'file', path: real };
  return { kind: 'special', path: real };
}

/**
 * Checks before a fetch that `path` can be written, so a long fetch does not
 * end in an avoidable error: an existing file needs `force`, a folder is
 * rejected, and the folder of a new file must exist.
 */
export async function checkOutputPath(path: string, force: boolean): Promise<void> {
  const target = await inspectTarget(path);
  if (target.kind === 'folder') {
    throw new OutputWriteError(path, 'it is a folder', undefined, `Give a file path, such as ${join(path, 'tree.txt')}.`);
  }
  if (target.kind === 'file' && !force) {
    throw new OutputExistsError(path);
  }
  try {
    await access(target.kind === 'missing' ? dirname(target.path) : target.path, constants.W_OK);
  } catch (error) {
    throw new OutputWriteError(path, reasonOf(error));
  }
}

function finish(stream: WriteStream): Promise<void> {
  return new Promise((resolveEnd, reject) => {
    stream.once('error', reject);
    stream.end(() => resolveEnd());
  });
}

/** Streams `render` into `stream` and ends it, rejecting on the stream's first error. */
async function writeThrough(stream: WriteStream, render: (sink: RenderSink) => Promise<void>): Promise<void> {
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  await Promise.race([failed, new Promise((ready) => stream.once('open', ready))]);
  await Promise.race([failed, render(streamSink(stream))]);
  await finish(stream);
}

/**
 * Writes a file through `render`. A regular file is written atomically: into
 * a temporary file beside it, renamed over it only when everything was
 * written, so a failure never leaves half a file behind. A symbolic link is
 * followed, so the file it points to is replaced and the link stays. A device
 * or pipe, such as /dev/stdout, is written in place.
 */
export async function writeFileAtomically(path: string, force: boolean, render: (sink: RenderSink) => Promise<void>): Promise<void> {
  const target = await inspectTarget(path);
  if (target.kind === 'folder') {
    throw new OutputWriteError(path, 'it is a folder', undefined, `Give a file path, such as ${join(path, 'tree.txt')}.`);
  }
  if (target.kind === 'file' && !force) {
    throw new OutputExistsError(path);
  }

  if (target.kind === 'special') {
    const stream = createWriteStream(target.path, { flags: 'w' });
    try {
      await writeThrough(stream, render);
    } catch (error) {
      stream.destroy();
      throw new OutputWriteError(path, reasonOf(error));
    }
    return;
  }

  const temporary = join(dirname(target.path), `.${basename(target.path)}.${randomBytes(4).toString('hex')}.tmp`);
  const stream = createWriteStream(temporary, { flags: 'wx' });
  try {
    await writeThrough(stream, render);
    await rename(temporary, target.path);
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
