/**
 * Dependencies of handler factories, and the route definitions of a profile.
 */
import type { Handler } from 'hono';
import type { ActiveFaults } from '../faults/active-faults.js';
import type { SiteUrls } from '../http/site.js';
import type { FlavorProfile } from '../profiles/profile.js';
import type { SpaceStore } from '../store/space-store.js';

export interface HandlerDeps {
  readonly profile: FlavorProfile;
  readonly store: SpaceStore;
  readonly site: SiteUrls;
  readonly faults: ActiveFaults;
}

export type HandlerFactory = (deps: HandlerDeps) => Handler;

/** A GET route. `path` is relative to the site path and uses Hono's `:param` syntax. */
export interface RouteDefinition {
  readonly path: string;
  readonly create: HandlerFactory;
}
