/**
 * Content ids for generated spaces: numeric strings that look like each
 * flavour's ids, assigned in a shuffled order so that id order differs from
 * tree order.
 */
import type { SimulatorFlavor } from '../types.js';
import type { Random } from '../random.js';

/** Returns `count` distinct ids in random order. */
export function assignIds(count: number, flavor: SimulatorFlavor, random: Random): string[] {
  // Cloud ids here have ten digits, as on recent Cloud sites. Data Center ids
  // start near 65537 and grow in small steps.
  let next = flavor === 'cloud' ? random.int(1_000_000_000, 1_500_000_000) : random.int(65_537, 200_000);
  const maxStep = flavor === 'cloud' ? 40_000 : 64;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(String(next));
    next += random.int(1, maxStep);
  }
  return random.shuffle(ids);
}

export function makeSpaceId(flavor: SimulatorFlavor, random: Random): string {
  return String(flavor === 'cloud' ? random.int(1_000_000, 99_999_999) : random.int(98_305, 9_999_999));
}
