/**
 * The structure of a generated space: which node hangs under which, and the
 * type and status of each, before titles, positions and ids are assigned.
 */
import type { NodeStatus, NodeType, SimulatorFlavor } from '../types.js';
import type { Random } from '../random.js';

export type ShapeRole =
  | 'home'
  | 'top'
  | 'chain'
  | 'folder'
  | 'whiteboard'
  | 'database'
  | 'embed'
  | 'meeting-hub'
  | 'meeting'
  | 'regular';

export interface ShapeNode {
  readonly index: number;
  readonly parent: number | null;
  readonly type: NodeType;
  readonly role: ShapeRole;
  /** 0 for a top-level node. */
  readonly depth: number;
  readonly children: number[];
  status: NodeStatus;
}

/** Length of the long chain below the first top-level page; with it the tree is 12 levels deep. */
const CHAIN_LENGTH = 11;
/** Random attachment stops below this depth, so only the chain reaches 12 levels. */
const MAX_RANDOM_DEPTH = 9;
/** Ordinary parents get at most this many children; hubs get dozens. */
const ORDINARY_FAN_OUT = 8;
const HUB_SHARE = 0.25;
/** From this size on, one parent gets 1000 or more children. */
const BIG_PARENT_THRESHOLD = 2000;

class ShapeBuilder {
  readonly nodes: ShapeNode[] = [];

  constructor(private readonly total: number) {}

  get remaining(): number {
    return this.total - this.nodes.length;
  }

  /** Adds a node unless the budget is spent, and returns its index or null. */
  add(parent: number | null, type: NodeType, role: ShapeRole): number | null {
    if (this.remaining <= 0) {
      return null;
    }
    const index = this.nodes.length;
    const depth = parent === null ? 0 : this.nodes[parent]!.depth + 1;
    this.nodes.push({ index, parent, type, role, depth, children: [], status: 'current' });
    if (parent !== null) {
      this.nodes[parent]!.children.push(index);
    }
    return index;
  }

  addMany(parent: number | null, count: number, type: NodeType, role: ShapeRole): void {
    for (let i = 0; i < count; i++) {
      this.add(parent, type, role);
    }
  }
}

/**
 * Builds a space of exactly `total` nodes. It has a home page and 2-4 more
 * top-level pages, a chain 12 levels deep and skewed fan-out with a few hubs.
 * From 2000 nodes on, one parent gets 1000+ children. Cloud spaces also get
 * folders, a whiteboard, a database and an embed. Features that do not fit in
 * a small budget are left out.
 */
export function buildShape(total: number, flavor: SimulatorFlavor, random: Random): ShapeNode[] {
  const builder = new ShapeBuilder(total);

  const home = builder.add(null, 'page', 'home');
  const tops: number[] = [];
  const topCount = random.int(2, 4);
  for (let i = 0; i < topCount; i++) {
    const top = builder.add(null, 'page', 'top');
    if (top !== null) {
      tops.push(top);
    }
  }
  const firstTop = tops[0] ?? 0;
  if (home !== null && builder.remaining >= 12) {
    // Every top-level page starts a subtree, and random attachment adds more below.
    builder.addMany(home, random.int(2, 5), 'page', 'regular');
    for (const top of tops) {
      builder.addMany(top, random.int(1, 3), 'page', 'regular');
    }
  }

  if (flavor === 'cloud') {
    addCloudContentTypes(builder, tops);
  }

  if (builder.remaining >= CHAIN_LENGTH * 2) {
    let link = firstTop;
    for (let i = 0; i < CHAIN_LENGTH; i++) {
      link = builder.add(link, 'page', 'chain') ?? link;
    }
  }

  if (total >= BIG_PARENT_THRESHOLD) {
    const hub = builder.add(tops[2] ?? firstTop, 'page', 'meeting-hub');
    if (hub !== null) {
      const reserve = Math.floor(builder.remaining * 0.2);
      const count = Math.min(1000 + random.int(0, 250), builder.remaining - reserve);
      builder.addMany(hub, count, 'page', 'meeting');
    }
  }

  fillRandomly(builder, total, random);
  assignStatuses(builder.nodes, random);
  return builder.nodes;
}

function addCloudContentTypes(builder: ShapeBuilder, tops: readonly number[]): void {
  if (builder.remaining < 12) {
    return;
  }
  const topFolder = builder.add(null, 'folder', 'folder');
  builder.addMany(topFolder, 2, 'page', 'regular');

  const nestedFolder = builder.add(tops[1] ?? tops[0] ?? 0, 'folder', 'folder');
  builder.addMany(nestedFolder, 2, 'page', 'regular');

  const whiteboard = builder.add(tops[tops.length - 1] ?? 0, 'whiteboard', 'whiteboard');
  builder.add(whiteboard, 'page', 'regular');

  if (builder.remaining >= 30) {
    builder.add(tops[0] ?? 0, 'database', 'database');
    builder.add(topFolder, 'embed', 'embed');
  }
}

/**
 * Attaches the remaining nodes. Most go under a uniformly chosen parent with
 * fewer than 8 children. Up to a quarter go to 2-5 hubs, which end up with dozens.
 */
function fillRandomly(builder: ShapeBuilder, total: number, random: Random): void {
  const nodes = builder.nodes;
  const canParent = (node: ShapeNode): boolean =>
    (node.type === 'page' || node.type === 'folder' || node.type === 'whiteboard') &&
    node.role !== 'meeting' &&
    node.depth <= MAX_RANDOM_DEPTH;

  const eligible = nodes.filter((node) => canParent(node) && node.children.length < ORDINARY_FAN_OUT);
  const hubCandidates = nodes.filter((node) => node.type === 'page' && node.depth <= 2 && node.role !== 'meeting-hub');
  const targetHubCount = total >= 1000 ? random.int(3, 5) : 2;
  const hubCount = Math.min(hubCandidates.length, targetHubCount);
  const hubs = random.shuffle([...hubCandidates]).slice(0, hubCount);
  const hubCaps = new Map(hubs.map((hub) => [hub.index, random.int(30, 80)]));

  while (builder.remaining > 0) {
    let parent: ShapeNode | undefined;
    if (hubs.length > 0 && random.chance(HUB_SHARE)) {
      const hubSlot = random.int(0, hubs.length - 1);
      parent = hubs[hubSlot]!;
      if (parent.children.length + 1 >= hubCaps.get(parent.index)!) {
        hubs.splice(hubSlot, 1);
      }
    } else {
      parent = pickEligible(eligible, random);
    }

    const index = builder.add(parent?.index ?? null, 'page', 'regular')!;
    const child = nodes[index]!;
    if (canParent(child)) {
      eligible.push(child);
    }
  }
}

/** Picks a parent with room for another child, dropping full ones on the way. */
function pickEligible(eligible: ShapeNode[], random: Random): ShapeNode | undefined {
  while (eligible.length > 0) {
    const slot = random.int(0, eligible.length - 1);
    const candidate = eligible[slot]!;
    if (candidate.children.length < ORDINARY_FAN_OUT) {
      return candidate;
    }
    eligible[slot] = eligible[eligible.length - 1]!;
    eligible.pop();
  }
  return undefined;
}

/** Marks a few leaf pages archived and one as a draft. */
function assignStatuses(nodes: ShapeNode[], random: Random): void {
  const leaves = nodes.filter((node) => node.type === 'page' && node.role === 'regular' && node.children.length === 0);
  random.shuffle(leaves);
  let archivedCount = 0;
  if (nodes.length >= 30) {
    archivedCount = 3;
  } else if (nodes.length >= 10) {
    archivedCount = 1;
  }
  for (const leaf of leaves.slice(0, archivedCount)) {
    leaf.status = 'archived';
  }
  const draft = nodes.length >= 8 ? leaves[archivedCount] : undefined;
  if (draft) {
    draft.status = 'draft';
  }
}
