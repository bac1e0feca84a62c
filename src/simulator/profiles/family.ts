/** Maps a flavour name to its API family. */
import type { SimulatorFlavor, SimulatorFlavorName } from '../types.js';

export function familyOf(flavor: SimulatorFlavorName): SimulatorFlavor {
  return flavor === 'cloud' ? 'cloud' : 'datacenter';
}
