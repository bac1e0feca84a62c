/** REST v1 `Space` objects (v1 OpenAPI document, Aug 2023). */
import type { StoredSpace } from '../../store/space-store.js';
import type { HandlerDeps } from '../deps.js';
import { v1Content } from './serialize-content.js';

/**
 * Serializes a space. `expand=homepage` adds the home page as a content
 * object. `single` adds the `_links` of a single-space response.
 */
export function v1Space(space: StoredSpace, deps: HandlerDeps, expand: readonly string[], single = false) {
  const result: Record<string, unknown> = {
    id: Number(space.id),
    key: space.key,
    name: space.name,
    type: 'global',
    status: 'current',
  };

  const expandable: Record<string, string> = {
    settings: `/rest/api/space/${space.key}/settings`,
    metadata: '',
    operations: '',
    lookAndFeel: `/rest/api/settings/lookandfeel?spaceKey=${space.key}`,
    identifiers: '',
    permissions: '',
    icon: '',
    description: '',
    theme: `/rest/api/space/${space.key}/theme`,
    history: '',
  };
  const home = space.homepageId === null ? undefined : deps.store.findNode(space.homepageId);
  if (home && expand.includes('homepage')) {
    result.homepage = v1Content(home, deps, []);
  } else if (home) {
    expandable.homepage = `/rest/api/content/${home.id}`;
  }
  result._expandable = expandable;

  const links: Record<string, string> = {
    webui: deps.profile.v1.webuiStyle === 'display' ? `/display/${space.key}` : `/spaces/${space.key}`,
    self: `${deps.site.base}/rest/api/space/${space.key}`,
  };
  if (single) {
    links.collection = '/rest/api/space';
    links.base = deps.site.base;
    links.context = deps.site.sitePath;
  }
  result._links = links;
  return result;
}
