/**
 * `conftree tree --snapshot DIR`: a JSON copy of each fetched tree, written
 * next to the normal output, for `conftree diff` to compare later.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FetchResult } from '../fetch/types.js';
import { renderTo } from '../render/index.js';
import { OutputWriteError, writeFileAtomically } from './output.js';

/** Maximum length of the space key part of a snapshot file name, in characters. */
const MAX_KEY_LENGTH = 64;

/**
 * Returns the snapshot file name for a space and a fetch time, such as
 * `DOCS-2025-01-02T03-04-05.000Z.json`. Characters of the key other than
 * ASCII letters, digits, `_` and `-` become `_`, so the name cannot contain a
 * path separator or `..` and stays inside its folder. Colons of the time
 * become `-`, because Windows does not allow them in file names. Names sort
 * by time for one space.
 */
export function snapshotFileName(spaceKey: string, fetchedAt: string): string {
  const safeKey = spaceKey.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, MAX_KEY_LENGTH) || 'space';
  const time = new Date(fetchedAt);
  const stamp = (Number.isNaN(time.getTime()) ? new Date() : time).toISOString().replaceAll(':', '-');
  return `${safeKey}-${stamp}.json`;
}

/** Checks before a fetch that `dir` is an existing, writable folder, so a long fetch does not end in an avoidable error. */
export async function checkSnapshotFolder(dir: string): Promise<void> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(dir)).isDirectory();
    await access(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    let reason = String(error);
    if (code === 'ENOENT') {
      reason = 'the --snapshot folder does not exist';
    } else if (code === 'EACCES' || code === 'EPERM') {
      reason = 'permission denied';
    }
    throw new OutputWriteError(dir, reason);
  }
  if (!isFolder) {
    throw new OutputWriteError(dir, 'the --snapshot path is not a folder');
  }
}

/** Writes `result` as a `--format json` document into `dir` and returns the file's path. Never overwrites a file. */
export async function writeSnapshot(dir: string, result: FetchResult): Promise<string> {
  const path = join(resolve(dir), snapshotFileName(result.space.key, result.fetchedAt));
  await writeFileAtomically(path, false, (sink) => renderTo('json', result, sink));
  return path;
}
