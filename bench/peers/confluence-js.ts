/**
 * A crawl written with the confluence.js client (2.1.0, the last release for
 * Node.js 20), the way its README and typed methods lead a user: read the
 * space, then page through its pages with `expand: ['ancestors']`. Cloud no
 * longer serves `GET /rest/api/content`, so there it pages through
 * `searchContentByCQL` with the cursor from each `next` link. Data Center
 * pages through `getContent` with `start`.
 */
import { ConfluenceClient } from 'confluence.js';
import { listingPages, type SpaceModel } from '../space-model.js';
import type { BenchTarget, CrawlOutcome, Peer } from './types.js';

const LIMIT = 200;

interface PageList {
  results: unknown[];
  _links?: { next?: string };
}

function clientFor(target: BenchTarget, counter: { bytes: number }): ConfluenceClient {
  const { simulator } = target;
  // Counts the raw body before axios parses it.
  const transformResponse = [
    (data: unknown) => {
      if (typeof data !== 'string') {
        return data;
      }
      counter.bytes += Buffer.byteLength(data);
      return data === '' ? data : JSON.parse(data);
    },
  ];
  return simulator.flavor === 'cloud'
    ? new ConfluenceClient({
        host: simulator.origin,
        authentication: { basic: { email: simulator.credentials.username, apiToken: simulator.credentials.apiToken } },
        baseRequestConfig: { transformResponse },
      })
    : new ConfluenceClient({
        host: simulator.origin,
        apiPrefix: '/rest',
        authentication: { oauth2: { accessToken: simulator.credentials.personalToken } },
        baseRequestConfig: { transformResponse },
      });
}

function cursorOf(next: string | undefined): string | undefined {
  return next === undefined ? undefined : (new URL(next, 'http://placeholder').searchParams.get('cursor') ?? undefined);
}

export const confluenceJsPeer: Peer = {
  name: 'confluence.js',
  concurrency: 1,
  description: 'confluence.js 2.1.0: getSpace, then searchContentByCQL (Cloud) or getContent (Data Center) with ancestors, limit 200, sequential',
  async crawl(target: BenchTarget): Promise<CrawlOutcome> {
    const counter = { bytes: 0 };
    const client = clientFor(target, counter);
    await client.space.getSpace({ spaceKey: target.spaceKey, expand: ['homepage'] });

    let nodes = 0;
    if (target.simulator.flavor === 'cloud') {
      let cursor: string | undefined;
      do {
        const page: PageList = await client.content.searchContentByCQL({ cql: `space = "${target.spaceKey}" and type = page`, expand: ['ancestors'], limit: LIMIT, cursor });
        nodes += page.results.length;
        cursor = page.results.length === 0 ? undefined : cursorOf(page._links?.next);
      } while (cursor !== undefined);
    } else {
      for (let start = 0; ; ) {
        const page: PageList = await client.content.getContent({ spaceKey: target.spaceKey, type: 'page', expand: ['ancestors'], start, limit: LIMIT });
        nodes += page.results.length;
        start += page.results.length;
        if (page._links?.next === undefined || page.results.length === 0) {
          break;
        }
      }
    }
    return { bytes: counter.bytes, nodes };
  },
  predictRequests(model: SpaceModel): number {
    return 1 + listingPages(model.pages, LIMIT);
  },
};
