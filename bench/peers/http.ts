/**
 * The minimal HTTP client that the hand-written peer crawls use: sequential
 * GETs with the simulator's credentials, counting response bytes. It has no
 * retries, because the benchmark runs without faults.
 */
import type { RunningSimulator } from '../../src/simulator/index.js';

export class PeerHttp {
  bytes = 0;
  readonly #authorization: string;

  constructor(readonly simulator: RunningSimulator) {
    const { credentials } = simulator;
    this.#authorization =
      simulator.flavor === 'cloud'
        ? `Basic ${Buffer.from(`${credentials.username}:${credentials.apiToken}`).toString('base64')}`
        : `Bearer ${credentials.personalToken}`;
  }

  /** Sends a GET to `url` (absolute, or a path on the simulator's origin) and parses the JSON body. */
  async get<T>(url: string): Promise<T> {
    const absolute = new URL(url, this.simulator.origin).toString();
    const response = await fetch(absolute, { headers: { Authorization: this.#authorization, Accept: 'application/json' } });
    const text = await response.text();
    this.bytes += Buffer.byteLength(text);
    if (!response.ok) {
      throw new Error(`GET ${absolute} failed with HTTP ${response.status}`);
    }
    return JSON.parse(text) as T;
  }

  /** Resolves a v1 or v2 `next` link: v2 links start with the site path, v1 links are relative to `_links.base`. */
  nextUrl(next: string, base: string | undefined): string {
    if (/^[a-z]+:\/\//i.test(next)) {
      return next;
    }
    const sitePath = new URL(this.simulator.url).pathname.replace(/\/$/, '');
    if (sitePath !== '' && next.startsWith(`${sitePath}/`)) {
      return new URL(next, this.simulator.origin).toString();
    }
    return `${(base ?? this.simulator.url).replace(/\/$/, '')}${next}`;
  }
}

/** A listing page as v1 and v2 both shape it. */
export interface ListingBody<T> {
  results: T[];
  _links?: { next?: string; base?: string };
}

/** Reads every page of a listing from `firstUrl`, following `_links.next`, and returns the items. */
export async function readAll<T>(http: PeerHttp, firstUrl: string): Promise<T[]> {
  const items: T[] = [];
  let url: string | undefined = firstUrl;
  while (url !== undefined) {
    const body: ListingBody<T> = await http.get<ListingBody<T>>(url);
    items.push(...body.results);
    const next = body._links?.next;
    url = next === undefined || body.results.length === 0 ? undefined : http.nextUrl(next, body._links?.base);
  }
  return items;
}
