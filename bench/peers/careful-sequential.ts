/**
 * The best sequential crawl a careful user would write: look the space up,
 * then one listing of every page at the endpoint's largest page size,
 * following `next`. Cloud: REST v2 `spaces/{id}/pages` at 250. Data Center:
 * `GET /rest/api/content` with `expand=ancestors` at its cap of 200. It reads
 * no folders, so on Cloud it returns pages only.
 */
import { listingPages, type SpaceModel } from '../space-model.js';
import { PeerHttp, readAll } from './http.js';
import type { BenchTarget, CrawlOutcome, Peer } from './types.js';

export const carefulSequentialPeer: Peer = {
  name: 'careful sequential',
  concurrency: 1,
  description: 'space lookup, then one listing at the largest page size (250 on Cloud v2, 200 on Data Center), sequential',
  async crawl({ simulator, spaceKey }: BenchTarget): Promise<CrawlOutcome> {
    const http = new PeerHttp(simulator);
    const key = encodeURIComponent(spaceKey);
    if (simulator.flavor === 'cloud') {
      const spaces = await http.get<{ results: { id: string }[] }>(`${simulator.url}/api/v2/spaces?keys=${key}`);
      const pages = await readAll(http, `${simulator.url}/api/v2/spaces/${spaces.results[0]?.id}/pages?depth=all&status=current&limit=250`);
      return { bytes: http.bytes, nodes: pages.length };
    }
    await http.get(`${simulator.url}/rest/api/space/${key}?expand=homepage`);
    const pages = await readAll(http, `${simulator.url}/rest/api/content?spaceKey=${key}&type=page&status=current&expand=ancestors&limit=200`);
    return { bytes: http.bytes, nodes: pages.length };
  },
  predictRequests(model: SpaceModel): number {
    return 1 + listingPages(model.pages, model.flavor === 'cloud' ? 250 : 200);
  },
};
