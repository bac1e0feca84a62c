/**
 * Confluence Server and Data Center: REST v1 under an optional context path.
 * Basic authentication uses a username and password. Folders and the other
 * Cloud-only content types do not exist.
 *
 * The releases differ in two ways that matter to a page-tree client:
 * personal access tokens (Bearer) exist from 7.9, and `content/scan` from 7.18.
 * Both are missing on Server 6.4. Every release responds to
 * `descendant/page` with 501 (CONFSERVER-59013, seen on 6.4.2).
 */
import { createChildPageHandler } from '../handlers/v1/child-page.js';
import { createContentByIdHandler } from '../handlers/v1/content-by-id.js';
import { createContentListHandler } from '../handlers/v1/content-list.js';
import { createContentScanHandler } from '../handlers/v1/content-scan.js';
import { createContentSearchHandler } from '../handlers/v1/content-search.js';
import { createDescendantPageNotImplementedHandler } from '../handlers/v1/descendant-page.js';
import { createSpaceContentHandler } from '../handlers/v1/space-content.js';
import { createV1SpaceHandler } from '../handlers/v1/space.js';
import { createNaturalChildrenHandler } from '../handlers/pagetree/natural-children.js';
import type { RouteDefinition } from '../handlers/deps.js';
import type { FlavorProfile } from './profile.js';

interface ServerRelease {
  readonly name: 'server-6.4' | 'dc-7.19' | 'dc-8.5' | 'dc-9';
  readonly product: string;
  /** Personal access tokens, Data Center 7.9 and later. */
  readonly personalTokens: boolean;
  /** `GET /rest/api/content/scan`, Data Center 7.18 and later. */
  readonly contentScan: boolean;
}

function serverRoutes(release: ServerRelease): RouteDefinition[] {
  // Static segments (scan, search) come before `:id`, because the first
  // matching route in registration order handles the request.
  const routes: RouteDefinition[] = [
    { path: '/rest/api/space/:key', create: createV1SpaceHandler },
    { path: '/rest/api/space/:key/content/:type', create: createSpaceContentHandler },
    { path: '/rest/api/content', create: createContentListHandler },
  ];
  if (release.contentScan) {
    routes.push({ path: '/rest/api/content/scan', create: createContentScanHandler });
  }
  routes.push(
    { path: '/rest/api/content/search', create: createContentSearchHandler },
    { path: '/rest/api/content/:id', create: createContentByIdHandler },
    { path: '/rest/api/content/:id/child/page', create: createChildPageHandler },
    { path: '/rest/api/content/:id/descendant/page', create: createDescendantPageNotImplementedHandler },
    { path: '/plugins/pagetree/naturalchildren.action', create: createNaturalChildrenHandler },
  );
  return routes;
}

function serverProfile(release: ServerRelease): FlavorProfile {
  return {
    name: release.name,
    family: 'datacenter',
    product: release.product,
    sitePath: (contextPath) => contextPath,
    defaultErrorStyle: 'v1',
    basicAuthSecret: 'password',
    defaultUsername: 'sim-admin',
    bearerTokens: release.personalTokens,
    nodeTypes: ['page'],
    v1: {
      caps: { withBodyExpand: 50, withOtherExpand: 200, withoutExpand: 1000 },
      defaultLimit: 25,
      webuiStyle: 'display',
      userFormat: 'username',
      searchPagination: 'offset',
      deprecated: false,
      maxExpandDepth: 8,
    },
    v2: { defaultLimit: 25, maxLimit: 250 },
    rateLimitHeaders: 'datacenter',
    routes: serverRoutes(release),
  };
}

export const server64Profile = serverProfile({
  name: 'server-6.4',
  product: 'Confluence Server 6.4',
  personalTokens: false,
  contentScan: false,
});

export const dataCenter719Profile = serverProfile({
  name: 'dc-7.19',
  product: 'Confluence Data Center 7.19',
  personalTokens: true,
  contentScan: true,
});

export const dataCenter85Profile = serverProfile({
  name: 'dc-8.5',
  product: 'Confluence Data Center 8.5',
  personalTokens: true,
  contentScan: true,
});

export const dataCenter9Profile = serverProfile({
  name: 'dc-9',
  product: 'Confluence Data Center 9',
  personalTokens: true,
  contentScan: true,
});
