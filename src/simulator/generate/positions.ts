/**
 * Manual positions for generated sibling groups.
 *
 * Cloud positions are arbitrary large integers such as 12345, 175485145 or
 * 123456789, not 0..n (sooperset/mcp-atlassian tests/fixtures/confluence_mocks.py,
 * community.developer.atlassian.com t/85619). The simulator gives Data Center
 * groups small integers 0..n-1. Pages migrated from Server can lack a
 * position, which is `null` on Cloud v2 and `"none"` on v1.
 */
import type { SimulatorFlavor } from '../types.js';
import type { Random } from '../random.js';

type GroupMode = 'manual' | 'unpositioned' | 'all-but-one-unpositioned';

const UNPOSITIONED_SHARE = 0.3;
/** int32 ceiling of the v2 `position` field. */
const MAX_POSITION = 2 ** 31 - 1;

/**
 * Returns a position (or null) per node index. `groups` lists the node indexes
 * of each sibling group. Most groups are ordered manually in a random order.
 * Some groups have no positions at all. At least one group of three or more
 * has exactly one positioned member.
 */
export function assignPositions(
  nodeCount: number,
  groups: readonly (readonly number[])[],
  flavor: SimulatorFlavor,
  random: Random,
): (number | null)[] {
  const positions = new Array<number | null>(nodeCount).fill(null);
  const modes = groups.map((): GroupMode => (random.chance(UNPOSITIONED_SHARE) ? 'unpositioned' : 'manual'));

  const largeGroups = groups.map((group, index) => ({ group, index })).filter(({ group }) => group.length >= 3);
  const mixed = largeGroups.length > 0 ? random.pick(largeGroups) : undefined;
  if (mixed) {
    modes[mixed.index] = 'all-but-one-unpositioned';
  }
  const hasUnpositionedGroup = groups.some((group, index) => group.length >= 2 && modes[index] === 'unpositioned');
  if (!hasUnpositionedGroup) {
    const candidates = largeGroups.filter(({ index }) => index !== mixed?.index);
    if (candidates.length > 0) {
      modes[random.pick(candidates).index] = 'unpositioned';
    }
  }

  groups.forEach((group, index) => {
    const mode = modes[index];
    if (mode === 'manual') {
      const values = flavor === 'cloud' ? cloudPositions(group.length, random) : dataCenterPositions(group.length);
      const order = random.shuffle([...group]);
      order.forEach((node, rank) => {
        positions[node] = values[rank] ?? null;
      });
    } else if (mode === 'all-but-one-unpositioned') {
      const positioned = random.pick(group);
      positions[positioned] = flavor === 'cloud' ? random.int(1, 40) * 4096 : random.int(0, group.length - 1);
    }
  });
  return positions;
}

/** Returns `count` ascending, irregularly spaced large integers. */
function cloudPositions(count: number, random: Random): number[] {
  const step = random.pick([1024, 2048, 4096, 5000]);
  let next = random.int(1, 400) * 997;
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    values.push(Math.min(next, MAX_POSITION));
    next += step * random.int(1, 4);
  }
  return values;
}

function dataCenterPositions(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}
