/**
 * The spaces a simulator serves, validated once at start-up, with the indexes
 * that the handlers need: nodes by id, spaces by key and id, children by parent.
 */
import { deriveSeed } from '../random.js';
import type { NodeAccess, NodeStatus, NodeType, SpaceDefinition } from '../types.js';
import { compareNumericIds, sortSiblings } from './display-order.js';
import { deriveMetadata, type NodeMetadata } from './metadata.js';

/**
 * One node. `status`, `parent`, `children` and `depth` change only through
 * `content-mutations.ts`, which then calls `SpaceStore.invalidate`.
 */
export interface StoredNode extends NodeMetadata {
  readonly id: string;
  readonly title: string;
  readonly type: NodeType;
  status: NodeStatus;
  readonly position: number | null;
  readonly space: StoredSpace;
  parent: StoredNode | null;
  /** Every child, any status, in definition order. Use `childrenOf` for display order. */
  readonly children: StoredNode[];
  /** 0 for a top-level node. */
  depth: number;
  /** False when the simulated user sees the node in listings but may not read it (404 by id). */
  readonly readable: boolean;
}

/** Per-user view and data faults applied while the store is built. */
export interface StoreOptions {
  /** Ids of nodes that the user cannot see, with their subtrees. */
  readonly hidden?: ReadonlySet<string>;
  /** Ids of nodes that are listed but give 404 when read. */
  readonly unreadable?: ReadonlySet<string>;
  /** Share (0-1) of nodes whose position is dropped, chosen by `deriveSeed(seed, 'position', id)`. */
  readonly missingPositions?: { readonly rate: number; readonly seed: number };
}

export interface StoredSpace {
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly homepageId: string | null;
  /** Every node of the space, any type and status, ascending by id. */
  readonly nodes: StoredNode[];
  /** Every top-level node, any status, in definition order. */
  readonly roots: StoredNode[];
  readonly createdMs: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NODE_TYPES: readonly NodeType[] = ['page', 'folder', 'whiteboard', 'database', 'embed'];
const NODE_STATUSES: readonly NodeStatus[] = ['current', 'archived', 'draft', 'trashed'];
const NODE_ACCESS: readonly NodeAccess[] = ['visible', 'hidden', 'unreadable'];
const NUMERIC_ID = /^(0|[1-9][0-9]*)$/;

export class SpaceStore {
  readonly spaces: readonly StoredSpace[];
  private readonly nodesById = new Map<string, StoredNode>();
  private readonly spacesByKey = new Map<string, StoredSpace>();
  private readonly spacesById = new Map<string, StoredSpace>();

  /**
   * Validates the definitions and builds the indexes. Throws an Error naming the
   * space and node for a duplicate or non-numeric id, an unknown parent, a cycle,
   * or a node type that `allowedTypes` excludes.
   */
  private readonly cache = new Map<string, unknown>();

  constructor(
    definitions: readonly SpaceDefinition[],
    allowedTypes: readonly NodeType[],
    private readonly options: StoreOptions = {},
  ) {
    this.spaces = definitions.map((definition, index) => this.addSpace(definition, index, allowedTypes));
  }

  /**
   * Returns the value cached under `key`, computing it on first use. Handlers
   * cache sorted and filtered listings here, so a request does not sort a
   * 50,000-node space again. `invalidate` empties the cache.
   */
  cached<T>(key: string, compute: () => T): T {
    if (this.cache.has(key)) {
      return this.cache.get(key) as T;
    }
    const value = compute();
    this.cache.set(key, value);
    return value;
  }

  private readonly invalidationListeners: (() => void)[] = [];

  /** Empties the cache after content changed, and calls every `onInvalidate` listener. */
  invalidate(): void {
    this.cache.clear();
    for (const listener of this.invalidationListeners) {
      listener();
    }
  }

  /** Registers a listener for `invalidate`, for caches kept outside the store. */
  onInvalidate(listener: () => void): void {
    this.invalidationListeners.push(listener);
  }

  /** Finds a space by key. Matching ignores case, which may be more lenient than real servers. */
  findSpaceByKey(key: string): StoredSpace | undefined {
    return this.spacesByKey.get(key.toUpperCase());
  }

  findSpaceById(id: string): StoredSpace | undefined {
    return this.spacesById.get(id);
  }

  findNode(id: string): StoredNode | undefined {
    return this.nodesById.get(id);
  }

  private addSpace(definition: SpaceDefinition, index: number, allowedTypes: readonly NodeType[]): StoredSpace {
    const key = definition.key;
    if (!/^[A-Za-z0-9~]+$/.test(key)) {
      throw new Error(`Invalid space key "${key}": use letters, digits and '~' (personal spaces).`);
    }
    if (this.spacesByKey.has(key.toUpperCase())) {
      throw new Error(`Duplicate space key "${key}".`);
    }
    const id = definition.id ?? String(98305 + index * 32768);
    if (!NUMERIC_ID.test(id) || this.spacesById.has(id)) {
      throw new Error(`Invalid or duplicate space id "${id}" for space ${key}: use a unique numeric string.`);
    }

    const space: Mutable<StoredSpace> = {
      key,
      id,
      name: definition.name ?? `${key} space`,
      homepageId: null,
      nodes: [],
      roots: [],
      createdMs: Date.UTC(2018, 10, 5, 8, 30, 0),
    };

    const definitionsById = new Map(definition.pages.map((page) => [page.id, page]));
    if (definitionsById.size !== definition.pages.length) {
      const seen = new Set<string>();
      const duplicate = definition.pages.find((page) => seen.has(page.id) || !seen.add(page.id));
      throw new Error(`Space ${key}: node id ${duplicate?.id} is used more than once.`);
    }
    for (const page of definition.pages) {
      this.validatePage(key, page, definitionsById, allowedTypes);
    }
    const hidden = hiddenIds(definition, this.options.hidden);

    // Nodes are created parents first, so each node can hold its parent and depth.
    const creating = new Set<string>();
    const create = (pageId: string): StoredNode => {
      const existing = this.nodesById.get(pageId);
      if (existing) {
        return existing;
      }
      if (creating.has(pageId)) {
        throw new Error(`Space ${key}: node ${pageId} is its own ancestor (parent cycle).`);
      }
      creating.add(pageId);
      const page = definitionsById.get(pageId)!;
      const parent = page.parentId === null ? null : create(page.parentId);
      const node: StoredNode = {
        id: page.id,
        title: page.title,
        type: page.type ?? 'page',
        status: page.status ?? 'current',
        position: this.dropsPosition(page.id) ? null : (page.position ?? null),
        space,
        parent,
        children: [],
        depth: parent === null ? 0 : parent.depth + 1,
        readable: page.access !== 'unreadable' && !(this.options.unreadable?.has(page.id) ?? false),
        ...deriveMetadata(page.id),
      };
      this.nodesById.set(node.id, node);
      creating.delete(pageId);
      return node;
    };
    const visiblePages = definition.pages.filter((page) => !hidden.has(page.id));
    for (const page of visiblePages) {
      create(page.id);
    }

    for (const page of visiblePages) {
      const node = this.nodesById.get(page.id)!;
      space.nodes.push(node);
      if (node.parent === null) {
        space.roots.push(node);
      } else {
        node.parent.children.push(node);
      }
    }
    space.nodes.sort((a, b) => compareNumericIds(a.id, b.id));

    space.homepageId = definition.homepageId !== undefined && definition.homepageId !== null && hidden.has(definition.homepageId)
      ? null
      : resolveHomepageId(definition, space);
    this.spacesByKey.set(key.toUpperCase(), space);
    this.spacesById.set(id, space);
    return space;
  }

  private dropsPosition(id: string): boolean {
    const missing = this.options.missingPositions;
    return missing !== undefined && deriveSeed(missing.seed, 'position', id) / 2 ** 32 < missing.rate;
  }

  private validatePage(
    spaceKey: string,
    page: SpaceDefinition['pages'][number],
    definitionsById: Map<string, unknown>,
    allowedTypes: readonly NodeType[],
  ): void {
    const where = `Space ${spaceKey}, node ${JSON.stringify(page.id)}`;
    if (typeof page.id !== 'string' || !NUMERIC_ID.test(page.id)) {
      throw new Error(`${where}: the id must be a numeric string such as "65601".`);
    }
    if (this.nodesById.has(page.id)) {
      throw new Error(`${where}: the id is already used by another space.`);
    }
    if (typeof page.title !== 'string' || page.title.length === 0) {
      throw new Error(`${where}: the title must be a non-empty string.`);
    }
    const type = page.type ?? 'page';
    if (!NODE_TYPES.includes(type)) {
      throw new Error(`${where}: unknown type "${type}"; valid types are ${NODE_TYPES.join(', ')}.`);
    }
    if (!allowedTypes.includes(type)) {
      throw new Error(`${where}: type "${type}" does not exist in this flavour; it serves ${allowedTypes.join(', ')}.`);
    }
    const status = page.status ?? 'current';
    if (!NODE_STATUSES.includes(status)) {
      throw new Error(`${where}: unknown status "${status}"; valid statuses are ${NODE_STATUSES.join(', ')}.`);
    }
    if (page.position !== undefined && page.position !== null && !Number.isInteger(page.position)) {
      throw new Error(`${where}: the position must be an integer, null or absent.`);
    }
    if (page.access !== undefined && !NODE_ACCESS.includes(page.access)) {
      throw new Error(`${where}: unknown access "${page.access}"; valid values are ${NODE_ACCESS.join(', ')}.`);
    }
    if (page.parentId !== null && !definitionsById.has(page.parentId)) {
      throw new Error(`${where}: parent ${page.parentId} is not a node of this space.`);
    }
  }
}

/** Returns the ids of nodes marked hidden, by `access` or by `extra`, and of every node below them. */
function hiddenIds(definition: SpaceDefinition, extra: ReadonlySet<string> | undefined): Set<string> {
  const childIds = new Map<string, string[]>();
  for (const page of definition.pages) {
    if (page.parentId !== null) {
      const siblings = childIds.get(page.parentId) ?? [];
      siblings.push(page.id);
      childIds.set(page.parentId, siblings);
    }
  }
  const hidden = new Set<string>();
  const stack = definition.pages.filter((page) => page.access === 'hidden' || extra?.has(page.id)).map((page) => page.id);
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (!hidden.has(id)) {
      hidden.add(id);
      stack.push(...(childIds.get(id) ?? []));
    }
  }
  return hidden;
}

function resolveHomepageId(definition: SpaceDefinition, space: StoredSpace): string | null {
  if (definition.homepageId === null) {
    return null;
  }
  if (definition.homepageId !== undefined) {
    const home = space.nodes.find((node) => node.id === definition.homepageId);
    if (!home || home.parent !== null) {
      throw new Error(`Space ${space.key}: homepageId ${definition.homepageId} is not a top-level node of the space.`);
    }
    return home.id;
  }
  const candidates = space.roots.filter((node) => node.type === 'page' && node.status === 'current');
  return sortSiblings(candidates)[0]?.id ?? null;
}

/** Returns the node's ancestors from the top of the space down to its parent. */
export function ancestorsOf(node: StoredNode): StoredNode[] {
  const chain: StoredNode[] = [];
  for (let current = node.parent; current !== null; current = current.parent) {
    chain.push(current);
  }
  return chain.reverse();
}

/** Returns the children with one of `statuses`, in display order. */
export function childrenOf(node: StoredNode, statuses: readonly NodeStatus[]): StoredNode[] {
  return sortSiblings(node.children.filter((child) => statuses.includes(child.status)));
}

/** Returns the top-level nodes with one of `statuses`, in display order. */
export function rootsOf(space: StoredSpace, statuses: readonly NodeStatus[]): StoredNode[] {
  return sortSiblings(space.roots.filter((root) => statuses.includes(root.status)));
}

/** Returns every descendant of `node`, any status, in tree order (depth first). */
export function descendantsOf(node: StoredNode): StoredNode[] {
  const result: StoredNode[] = [];
  const visit = (parent: StoredNode): void => {
    for (const child of sortSiblings(parent.children)) {
      result.push(child);
      visit(child);
    }
  };
  visit(node);
  return result;
}
