/**
 * Confluence Cloud: REST v2 under /wiki/api/v2 and the remaining v1
 * endpoints under /wiki/rest/api. Basic authentication uses an e-mail address
 * and an API token.
 */
import { createDirectChildrenHandler } from '../handlers/cloud-v2/direct-children.js';
import { createPageByIdHandler } from '../handlers/cloud-v2/page-by-id.js';
import { createPageChildrenHandler } from '../handlers/cloud-v2/page-children.js';
import { createSpaceByIdHandler } from '../handlers/cloud-v2/space-by-id.js';
import { createSpacePagesHandler } from '../handlers/cloud-v2/space-pages.js';
import { createSpacesHandler } from '../handlers/cloud-v2/spaces.js';
import { createTypedNodeHandler } from '../handlers/cloud-v2/typed-node-by-id.js';
import { createDescendantPageHandler } from '../handlers/v1/descendant-page.js';
import { createV1SpaceHandler } from '../handlers/v1/space.js';
import type { FlavorProfile } from './profile.js';

export const cloudProfile: FlavorProfile = {
  name: 'cloud',
  flavor: 'cloud',
  sitePath: () => '/wiki',
  defaultErrorStyle: 'v2',
  basicAuthSecret: 'apiToken',
  defaultUsername: 'sim@example.com',
  nodeTypes: ['page', 'folder', 'whiteboard', 'database', 'embed'],
  v1: {
    // NOTE: Cloud v1 caps are undocumented. The simulator uses Data Center's
    // 50 with a body expand and 200 with other expands, and the v2 maximum of
    // 250 without expand.
    caps: { withBodyExpand: 50, withOtherExpand: 200, withoutExpand: 250 },
    defaultLimit: 25,
    webuiStyle: 'spaces',
    userFormat: 'accountId',
  },
  v2: { defaultLimit: 25, maxLimit: 250 },
  rateLimitHeaders: 'cloud',
  routes: [
    { path: '/api/v2/spaces', create: createSpacesHandler },
    { path: '/api/v2/spaces/:id', create: createSpaceByIdHandler },
    { path: '/api/v2/spaces/:id/pages', create: createSpacePagesHandler },
    { path: '/api/v2/pages/:id', create: createPageByIdHandler },
    { path: '/api/v2/pages/:id/children', create: createPageChildrenHandler },
    { path: '/api/v2/pages/:id/direct-children', create: createDirectChildrenHandler('page') },
    { path: '/api/v2/folders/:id', create: createTypedNodeHandler('folder') },
    { path: '/api/v2/folders/:id/direct-children', create: createDirectChildrenHandler('folder') },
    { path: '/api/v2/whiteboards/:id', create: createTypedNodeHandler('whiteboard') },
    { path: '/api/v2/whiteboards/:id/direct-children', create: createDirectChildrenHandler('whiteboard') },
    { path: '/api/v2/databases/:id', create: createTypedNodeHandler('database') },
    { path: '/api/v2/databases/:id/direct-children', create: createDirectChildrenHandler('database') },
    { path: '/api/v2/embeds/:id', create: createTypedNodeHandler('embed') },
    { path: '/api/v2/embeds/:id/direct-children', create: createDirectChildrenHandler('embed') },
    { path: '/rest/api/space/:key', create: createV1SpaceHandler },
    { path: '/rest/api/content/:id/descendant/page', create: createDescendantPageHandler },
  ],
};
