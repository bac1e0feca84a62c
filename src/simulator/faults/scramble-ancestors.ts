/**
 * Scrambled `ancestors` arrays. On Server 6.13.8 the parent was not reliably
 * the last element, and the order looked random (atlassian-python-api PR 461).
 * The simulator also lists one ancestor twice, so clients must derive the
 * parent from depths and tolerate repeats.
 */
import { createRandom, deriveSeed } from '../random.js';

/** Returns a shuffled copy with one entry duplicated. The order depends only on `seed` and `contentId`. */
export function scrambleAncestors<T>(ancestors: readonly T[], contentId: string, seed: number): T[] {
  const random = createRandom(deriveSeed(seed, 'ancestors', contentId));
  const scrambled = random.shuffle([...ancestors]);
  if (scrambled.length > 0) {
    const duplicate = random.pick(scrambled);
    scrambled.splice(random.int(0, scrambled.length), 0, duplicate);
  }
  return scrambled;
}
