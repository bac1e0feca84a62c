/**
 * The naive recursive crawl: list the top-level pages, then one child listing
 * per node, each at the endpoint's default page size and following `next`.
 * On Cloud it uses `direct-children`, which also returns folders and other
 * containers, so it descends into them too. On Data Center it uses
 * `content/{id}/child/page`.
 */
import { listingPages, type SpaceModel } from '../space-model.js';
import { PeerHttp, readAll } from './http.js';
import type { BenchTarget, CrawlOutcome, Peer } from './types.js';

/** Default `limit` of the child and root listings (v2 spec and v1 docs). */
const DEFAULT_LIMIT = 25;

interface Child {
  id: string | number;
  type?: string;
}

async function crawlCloud(http: PeerHttp, spaceKey: string): Promise<number> {
  const spaces = await http.get<{ results: { id: string }[] }>(`${http.simulator.url}/api/v2/spaces?keys=${encodeURIComponent(spaceKey)}`);
  const spaceId = spaces.results[0]?.id;
  const roots = await readAll<Child>(http, `${http.simulator.url}/api/v2/spaces/${spaceId}/pages?depth=root&status=current`);
  const queue = roots.map((root) => ({ id: String(root.id), type: 'page' }));
  let nodes = 0;
  while (queue.length > 0) {
    const node = queue.shift() as { id: string; type: string };
    nodes += 1;
    const children = await readAll<Child>(http, `${http.simulator.url}/api/v2/${node.type}s/${node.id}/direct-children`);
    queue.push(...children.map((child) => ({ id: String(child.id), type: child.type ?? 'page' })));
  }
  return nodes;
}

async function crawlDatacenter(http: PeerHttp, spaceKey: string): Promise<number> {
  const roots = await readAll<Child>(http, `${http.simulator.url}/rest/api/space/${encodeURIComponent(spaceKey)}/content/page?depth=root`);
  const queue = roots.map((root) => String(root.id));
  let nodes = 0;
  while (queue.length > 0) {
    const id = queue.shift() as string;
    nodes += 1;
    const children = await readAll<Child>(http, `${http.simulator.url}/rest/api/content/${id}/child/page`);
    queue.push(...children.map((child) => String(child.id)));
  }
  return nodes;
}

export const naiveRecursivePeer: Peer = {
  name: 'naive recursive',
  concurrency: 1,
  description: 'top-level pages, then one child listing per node at the default limit of 25, sequential',
  async crawl({ simulator, spaceKey }: BenchTarget): Promise<CrawlOutcome> {
    const http = new PeerHttp(simulator);
    const nodes = simulator.flavor === 'cloud' ? await crawlCloud(http, spaceKey) : await crawlDatacenter(http, spaceKey);
    return { bytes: http.bytes, nodes };
  },
  predictRequests(model: SpaceModel): number {
    const childListings = model.reachableChildCounts.reduce((sum, children) => sum + listingPages(children, DEFAULT_LIMIT), 0);
    const lookup = model.flavor === 'cloud' ? 1 : 0;
    return lookup + listingPages(model.rootPages, DEFAULT_LIMIT) + childListings;
  },
};
