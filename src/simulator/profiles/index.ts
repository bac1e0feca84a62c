import type { SimulatorFlavorName } from '../types.js';
import { cloudProfile } from './cloud.js';
import { dataCenter719Profile, dataCenter85Profile, dataCenter9Profile, server64Profile } from './datacenter.js';
import type { FlavorProfile } from './profile.js';

/** Every flavour name, aliases included, in the order help text lists them. */
export const FLAVOR_NAMES: readonly SimulatorFlavorName[] = ['cloud', 'datacenter', 'server-6.4', 'dc-7.19', 'dc-8.5', 'dc-9'];

const PROFILES: Record<SimulatorFlavorName, FlavorProfile> = {
  cloud: cloudProfile,
  // The alias follows the newest Data Center release that the simulator models.
  datacenter: dataCenter9Profile,
  'server-6.4': server64Profile,
  'dc-7.19': dataCenter719Profile,
  'dc-8.5': dataCenter85Profile,
  'dc-9': dataCenter9Profile,
};

/** Returns the profile of a flavour, or throws for an unknown flavour name. */
export function profileFor(flavor: SimulatorFlavorName): FlavorProfile {
  const profile = Object.hasOwn(PROFILES, flavor) ? PROFILES[flavor] : undefined;
  if (!profile) {
    throw new Error(`Unknown simulator flavor "${String(flavor)}": use one of ${FLAVOR_NAMES.join(', ')}.`);
  }
  return profile;
}
