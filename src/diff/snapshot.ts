/**
 * Reading a `--format json` document back as a snapshot that `compareSnapshots`
 * can compare. The document is checked field by field, because a snapshot is
 * a file that may have been edited, truncated or produced by another tool.
 */
import { readFile } from 'node:fs/promises';
import { ConftreeError } from '../confluence/errors.js';

/** A snapshot file is missing, unreadable, not JSON or not a conftree tree. */
export class SnapshotError extends ConftreeError {
  readonly code = 'invalid-snapshot';
}

/** One node of a snapshot, flattened. */
export interface SnapshotNode {
  id: string;
  title: string;
  type: string;
  /** Parent id, the missing parent's id for the top node of an orphan subtree, or null at the top level. */
  parentId: string | null;
  /** Place among its siblings in display order, from 0. */
  index: number;
}

export interface Snapshot {
  /** The file name as the user gave it. */
  file: string;
  spaceKey: string;
  /** Confluence's id of the space, when the snapshot has one. */
  spaceId: string | null;
  /** Web address of the space, when the snapshot has one; its origin names the site. */
  spaceUrl: string | null;
  spaceName: string | null;
  fetchedAt: string;
  complete: boolean;
  /** Every node, keyed by id, in display order: roots first, then orphan subtrees. */
  nodes: Map<string, SnapshotNode>;
}

/** Reasons for common file system error codes, in the words of an error message. */
const READ_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'file not found',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** Reads and checks a snapshot file. Throws a `SnapshotError` that names the file and the fix. */
export async function loadSnapshot(file: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = READ_ERRORS[code] ?? String(error);
    throw new SnapshotError(`Cannot read snapshot ${file}: ${reason}. Pass a file written by conftree tree --format json or --snapshot DIR.`);
  }

  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new SnapshotError(`Snapshot ${file} is not valid JSON (${(error as Error).message}). Pass a file written by conftree tree --format json or --snapshot DIR.`);
  }
  return parseSnapshot(file, document);
}

/** Checks a parsed `--format json` document and flattens its tree. */
export function parseSnapshot(file: string, document: unknown): Snapshot {
  const invalid = (where: string, expected: string): SnapshotError =>
    new SnapshotError(
      `Snapshot ${file} is not a conftree JSON tree: ${where} should be ${expected}. Pass a file written by conftree tree --format json or --snapshot DIR.`,
    );

  if (!isObject(document)) throw invalid('the document', 'an object');
  const space = document['space'];
  if (!isObject(space) || typeof space['key'] !== 'string') throw invalid('"space.key"', 'a string');
  if (typeof document['fetchedAt'] !== 'string') throw invalid('"fetchedAt"', 'a string');
  if (typeof document['complete'] !== 'boolean') throw invalid('"complete"', 'true or false');
  const roots = document['roots'];
  if (!Array.isArray(roots)) throw invalid('"roots"', 'an array');
  const orphans = document['orphans'] ?? [];
  if (!Array.isArray(orphans)) throw invalid('"orphans"', 'an array');

  const nodes = new Map<string, SnapshotNode>();
  flattenNodes(roots, null, 'roots', nodes, invalid);
  orphans.forEach((orphan: unknown, i: number) => {
    const where = `orphans[${i}]`;
    if (!isObject(orphan) || typeof orphan['missingParentId'] !== 'string') throw invalid(`"${where}.missingParentId"`, 'a string');
    flattenNodes([orphan['node']], orphan['missingParentId'], `${where}.node`, nodes, invalid, true);
  });

  return {
    file,
    spaceKey: space['key'],
    spaceId: typeof space['id'] === 'string' ? space['id'] : null,
    spaceUrl: typeof space['url'] === 'string' ? space['url'] : null,
    spaceName: typeof space['name'] === 'string' ? space['name'] : null,
    fetchedAt: document['fetchedAt'],
    complete: document['complete'],
    nodes,
  };
}

interface Frame {
  items: readonly unknown[];
  next: number;
  parentId: string | null;
  /** JSON path of the array, such as `roots[0].children`, for error messages. */
  where: string;
  /** True for the one-node list of an orphan subtree, whose JSON path has no index. */
  single: boolean;
}

/**
 * Adds `items` and their descendants to `nodes` in pre-order, which is display
 * order. An explicit stack keeps a deep chain from overflowing the call stack.
 */
function flattenNodes(
  items: readonly unknown[],
  parentId: string | null,
  where: string,
  nodes: Map<string, SnapshotNode>,
  invalid: (where: string, expected: string) => SnapshotError,
  single = false,
): void {
  const frames: Frame[] = [{ items, next: 0, parentId, where, single }];

  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.next >= frame.items.length) {
      frames.pop();
      continue;
    }
    const index = frame.next;
    frame.next++;

    const item = frame.items[index];
    const location = frame.single ? frame.where : `${frame.where}[${index}]`;
    if (!isObject(item)) throw invalid(`"${location}"`, 'a node object');
    const { id, title, type, children } = item;
    if (typeof id !== 'string') throw invalid(`"${location}.id"`, 'a string');
    if (typeof title !== 'string') throw invalid(`"${location}.title"`, 'a string');
    if (typeof type !== 'string') throw invalid(`"${location}.type"`, 'a string');
    if (!Array.isArray(children)) throw invalid(`"${location}.children"`, 'an array');
    if (nodes.has(id)) throw invalid(`"${location}.id"`, `unique, but id ${id} appears twice`);

    nodes.set(id, { id, title, type, parentId: frame.parentId, index });
    if (children.length > 0) {
      frames.push({ items: children, next: 0, parentId: id, where: `${location}.children`, single: false });
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
