/**
 * Confluence Cloud: REST v2 under /wiki/api/v2 and the remaining v1
 * endpoints under /wiki/rest/api. Basic authentication uses an e-mail address
 * and an API token.
 *
 * v1 responses carry a `Deprecation` header. Which v1 endpoints a Cloud site
 * still serves changes over time. This profile serves the ones that page-tree
 * clients use (`content/search` with cursors, `content/{id}`, `child/page`,
 * `descendant/page`, `space/{key}`) and responds with 410 to the two space listings
 * that the Nov 2025 v1 document no longer contains (`GET /content` and
 * `GET /space/{key}/content/{type}`).
 */
import { createAncestorsHandler } from '../handlers/cloud-v2/ancestors.js';
import { createDescendantsHandler } from '../handlers/cloud-v2/descendants.js';
import { createDirectChildrenHandler } from '../handlers/cloud-v2/direct-children.js';
import { createPageByIdHandler } from '../handlers/cloud-v2/page-by-id.js';
import { createPageChildrenHandler } from '../handlers/cloud-v2/page-children.js';
import { createSpaceByIdHandler } from '../handlers/cloud-v2/space-by-id.js';
import { createSpacePagesHandler } from '../handlers/cloud-v2/space-pages.js';
import { createSpacesHandler } from '../handlers/cloud-v2/spaces.js';
import { createTypedNodeHandler } from '../handlers/cloud-v2/typed-node-by-id.js';
import type { RouteDefinition } from '../handlers/deps.js';
import { createNaturalChildrenHandler } from '../handlers/pagetree/natural-children.js';
import { createChildPageHandler } from '../handlers/v1/child-page.js';
import { createContentByIdHandler } from '../handlers/v1/content-by-id.js';
import { createContentSearchHandler } from '../handlers/v1/content-search.js';
import { createDescendantPageHandler } from '../handlers/v1/descendant-page.js';
import { createRemovedEndpointHandler } from '../handlers/v1/removed.js';
import { createV1SpaceHandler } from '../handlers/v1/space.js';
import type { NodeType } from '../types.js';
import type { FlavorProfile } from './profile.js';

const CONTAINER_TYPES: readonly Exclude<NodeType, 'page'>[] = ['folder', 'whiteboard', 'database', 'embed'];

function hierarchyRoutes(type: NodeType, collection: string): RouteDefinition[] {
  return [
    { path: `/api/v2/${collection}/:id/direct-children`, create: createDirectChildrenHandler(type) },
    { path: `/api/v2/${collection}/:id/descendants`, create: createDescendantsHandler(type) },
    { path: `/api/v2/${collection}/:id/ancestors`, create: createAncestorsHandler(type) },
  ];
}

const v2Routes: RouteDefinition[] = [
  { path: '/api/v2/spaces', create: createSpacesHandler },
  { path: '/api/v2/spaces/:id', create: createSpaceByIdHandler },
  { path: '/api/v2/spaces/:id/pages', create: createSpacePagesHandler },
  { path: '/api/v2/pages/:id', create: createPageByIdHandler },
  { path: '/api/v2/pages/:id/children', create: createPageChildrenHandler },
  ...hierarchyRoutes('page', 'pages'),
  ...CONTAINER_TYPES.flatMap((type) => [
    { path: `/api/v2/${type}s/:id`, create: createTypedNodeHandler(type) },
    ...hierarchyRoutes(type, `${type}s`),
  ]),
];

const v1Routes: RouteDefinition[] = [
  { path: '/rest/api/space/:key', create: createV1SpaceHandler },
  { path: '/rest/api/space/:key/content/:type', create: createRemovedEndpointHandler },
  { path: '/rest/api/content', create: createRemovedEndpointHandler },
  { path: '/rest/api/content/search', create: createContentSearchHandler },
  { path: '/rest/api/content/:id', create: createContentByIdHandler },
  { path: '/rest/api/content/:id/child/page', create: createChildPageHandler },
  { path: '/rest/api/content/:id/descendant/page', create: createDescendantPageHandler },
];

export const cloudProfile: FlavorProfile = {
  name: 'cloud',
  family: 'cloud',
  product: 'Confluence Cloud',
  sitePath: () => '/wiki',
  defaultErrorStyle: 'v2',
  basicAuthSecret: 'apiToken',
  defaultUsername: 'sim@example.com',
  bearerTokens: true,
  nodeTypes: ['page', 'folder', 'whiteboard', 'database', 'embed'],
  v1: {
    // NOTE: Cloud v1 caps are undocumented. The simulator uses Data Center's
    // 50 with a body expand and 200 with other expands, and the v2 maximum of
    // 250 without expand.
    caps: { withBodyExpand: 50, withOtherExpand: 200, withoutExpand: 250 },
    defaultLimit: 25,
    webuiStyle: 'spaces',
    userFormat: 'accountId',
    searchPagination: 'cursor',
    deprecated: true,
    maxExpandDepth: 8,
  },
  v2: { defaultLimit: 25, maxLimit: 250 },
  rateLimitHeaders: 'cloud',
  routes: [...v2Routes, ...v1Routes, { path: '/plugins/pagetree/naturalchildren.action', create: createNaturalChildrenHandler }],
};
