/**
 * The approach most often posted in community answers: CQL `content/search`
 * for the space's pages with `expand=ancestors` at `limit=50`, following
 * `next` one page at a time. Cloud serves it under `/wiki/rest/api` with
 * cursor links, Data Center with offsets.
 */
import { listingPages, type SpaceModel } from '../space-model.js';
import { PeerHttp, readAll } from './http.js';
import type { BenchTarget, CrawlOutcome, Peer } from './types.js';

export const communityCqlPeer: Peer = {
  name: 'community CQL',
  concurrency: 1,
  description: 'CQL content/search with expand=ancestors, limit 50, sequential',
  async crawl({ simulator, spaceKey }: BenchTarget): Promise<CrawlOutcome> {
    const http = new PeerHttp(simulator);
    const cql = encodeURIComponent(`space = "${spaceKey}" and type = page`);
    const pages = await readAll<{ id: string }>(http, `${simulator.url}/rest/api/content/search?cql=${cql}&expand=ancestors&limit=50`);
    return { bytes: http.bytes, nodes: pages.length };
  },
  predictRequests(model: SpaceModel): number {
    return listingPages(model.pages, 50);
  },
};
