import type { SimulatorFlavor } from '../types.js';
import { cloudProfile } from './cloud.js';
import { dataCenterProfile } from './datacenter.js';
import type { FlavorProfile } from './profile.js';

const PROFILES: Record<SimulatorFlavor, FlavorProfile> = {
  cloud: cloudProfile,
  datacenter: dataCenterProfile,
};

/** Returns the profile of a flavour, or throws for an unknown flavour name. */
export function profileFor(flavor: SimulatorFlavor): FlavorProfile {
  const profile = PROFILES[flavor];
  if (!profile) {
    throw new Error(`Unknown simulator flavor "${String(flavor)}": use cloud or datacenter.`);
  }
  return profile;
}
