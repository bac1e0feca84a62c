/**
 * The index of a tree's nodes by content id, as a read-only `Map`.
 *
 * Confluence content ids are decimal integers (Cloud and Data Center alike),
 * so the index keys each node by the integer value of its id in an
 * open-addressing hash table of typed arrays, sized once for all nodes.
 * Indexing a million shuffled ids and looking each one up took about 0.2 s
 * this way, against about 0.4 s with a `Map<string, number>` that grows as it
 * is filled (2 shared vCPUs, Node.js 20). A node list that has any other id,
 * such as the names some tests use, is indexed by a `Map` instead.
 */
import type { TreeNode } from './types.js';

/** Largest id length whose value is exact in a double: 10^15 < 2^53. */
const MAX_DIGITS = 15;

/** Marks an empty slot of the key table; every id value is 0 or more. */
const EMPTY = -1;

/** Returns the value of `id` if it is a decimal integer written without leading zeros, or -1. */
function parseId(id: string): number {
  const length = id.length;
  if (length === 0 || length > MAX_DIGITS || (length > 1 && id.charCodeAt(0) === 48)) {
    return -1;
  }

  let value = 0;
  for (let index = 0; index < length; index += 1) {
    const digit = id.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) {
      return -1;
    }
    value = value * 10 + digit;
  }
  return value;
}

/** Mixes both 32-bit halves of `value` into a slot number below `mask + 1`. */
function slotHash(value: number, mask: number): number {
  const low = value % 4294967296 | 0;
  const high = (value / 4294967296) | 0;
  return (Math.imul(low, 0x9e3779b1) ^ Math.imul(high, 0x85ebca6b)) & mask;
}

/** The hash table of the integer path: id values and the node positions stored beside them. */
interface IntegerTable {
  keys: Float64Array;
  positions: Int32Array;
  mask: number;
}

function createTable(count: number): IntegerTable {
  // A load factor of at most one half keeps linear probes short.
  let capacity = 16;
  while (capacity < count * 2) {
    capacity *= 2;
  }
  return { keys: new Float64Array(capacity).fill(EMPTY), positions: new Int32Array(capacity), mask: capacity - 1 };
}

/** Finds the slot of `value`: the slot that contains it, or the empty slot where it belongs. */
function findSlot(table: IntegerTable, value: number): number {
  const { keys, mask } = table;
  let slot = slotHash(value, mask);
  while (keys[slot] !== value && keys[slot] !== EMPTY) {
    slot = (slot + 1) & mask;
  }
  return slot;
}

export interface IndexedNodes {
  index: IdIndex;
  /** Positions in the input of nodes whose id an earlier node already had; these are not indexed. */
  duplicatePositions: number[];
}

/** The index behind `Tree.byId`, which iterates in the order of the nodes it was built from. */
export class IdIndex implements ReadonlyMap<string, TreeNode> {
  private constructor(
    private readonly nodes: readonly TreeNode[],
    private readonly table: IntegerTable | undefined,
    private readonly fallback: Map<string, number> | undefined,
  ) {}

  /**
   * Indexes `nodes` by id. The first node of each id wins: later ones are
   * left out of the index and their positions in `nodes` are returned.
   */
  static build(nodes: readonly TreeNode[]): IndexedNodes {
    const first = IdIndex.buildOnce(nodes);
    if (first.duplicatePositions.length === 0) {
      return first;
    }

    // Positions must refer to the list without duplicates, so the rare list
    // that has some is indexed again once they are dropped.
    const dropped = new Set(first.duplicatePositions);
    const unique = nodes.filter((_node, position) => !dropped.has(position));
    return { index: IdIndex.buildOnce(unique).index, duplicatePositions: first.duplicatePositions };
  }

  private static buildOnce(nodes: readonly TreeNode[]): IndexedNodes {
    const table = createTable(nodes.length);
    const duplicatePositions: number[] = [];
    for (let position = 0; position < nodes.length; position += 1) {
      const value = parseId((nodes[position] as TreeNode).id);
      if (value === EMPTY) {
        return IdIndex.buildWithMap(nodes);
      }

      const slot = findSlot(table, value);
      if (table.keys[slot] === value) {
        duplicatePositions.push(position);
      } else {
        table.keys[slot] = value;
        table.positions[slot] = position;
      }
    }
    return { index: new IdIndex(nodes, table, undefined), duplicatePositions };
  }

  private static buildWithMap(nodes: readonly TreeNode[]): IndexedNodes {
    const positions = new Map<string, number>();
    const duplicatePositions: number[] = [];
    for (let position = 0; position < nodes.length; position += 1) {
      const id = (nodes[position] as TreeNode).id;
      if (positions.has(id)) {
        duplicatePositions.push(position);
      } else {
        positions.set(id, position);
      }
    }
    return { index: new IdIndex(nodes, undefined, positions), duplicatePositions };
  }

  /** The indexed nodes, one per id, in input order; positions refer to this list. */
  get nodeList(): readonly TreeNode[] {
    return this.nodes;
  }

  /** Returns the position of the node with `id` in the list the index was built from, or -1. */
  positionOf(id: string): number {
    if (this.fallback !== undefined) {
      return this.fallback.get(id) ?? -1;
    }

    const table = this.table as IntegerTable;
    const value = parseId(id);
    if (value === EMPTY) {
      return -1;
    }
    const slot = findSlot(table, value);
    return table.keys[slot] === value ? (table.positions[slot] as number) : -1;
  }

  get size(): number {
    return this.nodes.length;
  }

  get(id: string): TreeNode | undefined {
    const position = this.positionOf(id);
    return position === -1 ? undefined : this.nodes[position];
  }

  has(id: string): boolean {
    return this.positionOf(id) !== -1;
  }

  *entries(): MapIterator<[string, TreeNode]> {
    for (const node of this.values()) {
      yield [node.id, node];
    }
  }

  *keys(): MapIterator<string> {
    for (const node of this.values()) {
      yield node.id;
    }
  }

  *values(): MapIterator<TreeNode> {
    for (const node of this.nodes) {
      yield node;
    }
  }

  [Symbol.iterator](): MapIterator<[string, TreeNode]> {
    return this.entries();
  }

  forEach(callback: (value: TreeNode, key: string, map: ReadonlyMap<string, TreeNode>) => void, thisArg?: unknown): void {
    for (const node of this.values()) {
      callback.call(thisArg, node, node.id, this);
    }
  }
}
