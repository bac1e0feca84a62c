/**
 * Confluence Data Center 7.18 and later: REST v1 under an optional context
 * path. Basic authentication uses a username and password. Personal access
 * tokens (7.9+) are sent as Bearer tokens. Folders and the other Cloud-only
 * content types do not exist.
 */
import { createChildPageHandler } from '../handlers/v1/child-page.js';
import { createContentByIdHandler } from '../handlers/v1/content-by-id.js';
import { createContentListHandler } from '../handlers/v1/content-list.js';
import { createContentScanHandler } from '../handlers/v1/content-scan.js';
import { createContentSearchHandler } from '../handlers/v1/content-search.js';
import { createDescendantPageNotImplementedHandler } from '../handlers/v1/descendant-page.js';
import { createSpaceContentHandler } from '../handlers/v1/space-content.js';
import { createV1SpaceHandler } from '../handlers/v1/space.js';
import type { FlavorProfile } from './profile.js';

export const dataCenterProfile: FlavorProfile = {
  name: 'datacenter',
  flavor: 'datacenter',
  sitePath: (contextPath) => contextPath,
  defaultErrorStyle: 'v1',
  basicAuthSecret: 'password',
  defaultUsername: 'sim-admin',
  nodeTypes: ['page'],
  v1: {
    caps: { withBodyExpand: 50, withOtherExpand: 200, withoutExpand: 1000 },
    defaultLimit: 25,
    webuiStyle: 'display',
    userFormat: 'username',
  },
  v2: { defaultLimit: 25, maxLimit: 250 },
  rateLimitHeaders: 'datacenter',
  // Static segments (scan, search) come before `:id`, because the first
  // matching route in registration order handles the request.
  routes: [
    { path: '/rest/api/space/:key', create: createV1SpaceHandler },
    { path: '/rest/api/space/:key/content/:type', create: createSpaceContentHandler },
    { path: '/rest/api/content', create: createContentListHandler },
    { path: '/rest/api/content/scan', create: createContentScanHandler },
    { path: '/rest/api/content/search', create: createContentSearchHandler },
    { path: '/rest/api/content/:id', create: createContentByIdHandler },
    { path: '/rest/api/content/:id/child/page', create: createChildPageHandler },
    { path: '/rest/api/content/:id/descendant/page', create: createDescendantPageNotImplementedHandler },
  ],
};
