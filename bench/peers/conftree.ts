/** conftree itself, with default settings, through the public `fetchSpaceTree`. */
import { fetchSpaceTree } from '../../src/fetch/fetch-space-tree.js';
import { listingPages, type SpaceModel } from '../space-model.js';
import type { BenchTarget, CrawlOutcome, Peer } from './types.js';

export const conftreePeer: Peer = {
  name: 'conftree',
  concurrency: 8,
  description: 'conftree defaults: flavor detection, the planned listing, and on Cloud the search for folders and other containers',
  async crawl({ simulator, spaceKey }: BenchTarget): Promise<CrawlOutcome> {
    const { credentials } = simulator;
    const result = await fetchSpaceTree({
      site: simulator.url,
      spaceKey,
      credentials:
        simulator.flavor === 'cloud'
          ? { kind: 'basic', username: credentials.username, secret: credentials.apiToken }
          : { kind: 'bearer', token: credentials.personalToken },
    });
    if (!result.complete) {
      throw new Error(`conftree returned an incomplete tree: ${result.warnings.map((warning) => warning.code).join(', ')}`);
    }
    return { bytes: result.stats.bytes, nodes: result.stats.nodes };
  },
  predictRequests(model: SpaceModel): number {
    // The sequential plan. The two-way Cloud listing needs one page more when
    // its streams meet at a page boundary, so the measured figure is the reference.
    if (model.flavor === 'cloud') {
      return 2 + listingPages(model.pages, 250);
    }
    return 2 + listingPages(model.pages, 200);
  },
};
