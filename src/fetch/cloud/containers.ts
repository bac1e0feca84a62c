import { isHttpStatusError } from '../../confluence/index.js';
import { normalizePosition } from '../../quirks/position-none.js';
import type { NodeType, PageRecord } from '../../tree/types.js';
import type { StrategyContext } from '../context.js';
import type { UnreadableNode } from '../types.js';
import { joinWebUrl } from '../web-url.js';
import type { V2Container } from './wire.js';

/**
 * Reads the folders, whiteboards, databases and embeds that pages name as
 * parents. Cloud REST v2 lists only pages per space, and no endpoint lists a
 * space's folders, so each container is read by id (`GET /folders/{id}` and
 * its siblings). Containers can nest, so their own parents are read in turn.
 */

const PATH_BY_TYPE: Record<Exclude<NodeType, 'page'>, string> = {
  folder: 'folders',
  whiteboard: 'whiteboards',
  database: 'databases',
  embed: 'embeds',
};

export interface ContainerRef {
  id: string;
  type: Exclude<NodeType, 'page'>;
}

export function isContainerType(value: unknown): value is ContainerRef['type'] {
  return typeof value === 'string' && value in PATH_BY_TYPE;
}

function toRecord(container: V2Container, ref: ContainerRef, base: string | undefined): PageRecord {
  const parentId = container.parentId === null || container.parentId === undefined ? null : String(container.parentId);
  const record: PageRecord = {
    id: ref.id,
    title: container.title ?? '',
    type: ref.type,
    parentId,
    position: normalizePosition(container.position),
    status: container.status ?? 'current',
  };
  const url = joinWebUrl(base ?? container._links?.base, container._links?.webui);
  if (url !== undefined) {
    record.url = url;
  }
  return record;
}

interface ContainerRead {
  record?: PageRecord;
  parent?: ContainerRef;
  unreadable?: UnreadableNode;
  /** Reason of a failed read, when it failed for another reason than 404 or 403. */
  failure?: string;
}

async function readContainer(context: StrategyContext, ref: ContainerRef): Promise<ContainerRead> {
  try {
    const response = await context.client.getJson<V2Container>(`/api/v2/${PATH_BY_TYPE[ref.type]}/${encodeURIComponent(ref.id)}`);
    const container = response.data;
    const record = toRecord(container, ref, container._links?.base);
    const parent = isContainerType(container.parentType) && record.parentId !== null ? { id: record.parentId, type: container.parentType } : undefined;
    return parent === undefined ? { record } : { record, parent };
  } catch (error) {
    if (isHttpStatusError(error) && (error.status === 404 || error.status === 403)) {
      context.warn({
        code: 'container-unreadable',
        message: `The ${ref.type} ${ref.id} that pages name as their parent could not be read (HTTP ${error.status}); its pages are listed under "parent ${ref.id} not found".`,
        affectsCompleteness: true,
        details: { id: ref.id, type: ref.type, status: error.status },
      });
      return { unreadable: { id: ref.id, title: '', reason: `HTTP ${error.status} when the ${ref.type} was read` } };
    }
    // Keep the listing: its pages stay under "parent not found" and the result is incomplete.
    const failure = error instanceof Error ? error.message : String(error);
    context.warn({
      code: 'container-read-failed',
      message: `The ${ref.type} ${ref.id} that pages name as their parent could not be read: ${failure}`,
      affectsCompleteness: true,
      details: { id: ref.id, type: ref.type },
    });
    return { failure: `reading the ${ref.type} ${ref.id} failed` };
  }
}

/**
 * Reads every container in `refs` and, transitively, the containers above
 * them. `known` contains ids that are already records and need no read.
 */
export async function readContainers(
  context: StrategyContext,
  refs: ContainerRef[],
  known: Set<string>,
): Promise<{ records: PageRecord[]; unreadable: UnreadableNode[]; failed: Map<string, string> }> {
  const records: PageRecord[] = [];
  const unreadable: UnreadableNode[] = [];
  const failed = new Map<string, string>();
  const requested = new Set<string>();
  let wave = refs;

  while (wave.length > 0) {
    const pending = wave.filter((ref) => !known.has(ref.id) && !requested.has(ref.id));
    for (const ref of pending) {
      requested.add(ref.id);
    }

    const results = await Promise.all(pending.map((ref) => readContainer(context, ref)));
    wave = [];
    results.forEach((result, index) => {
      if (result.failure !== undefined) {
        failed.set(pending[index]!.id, result.failure);
      }
    });
    for (const result of results) {
      if (result.record !== undefined) {
        records.push(result.record);
      }
      if (result.parent !== undefined) {
        wave.push(result.parent);
      }
      if (result.unreadable !== undefined) {
        unreadable.push(result.unreadable);
      }
    }
    context.progress('containers', known.size + records.length);
  }
  return { records, unreadable, failed };
}
