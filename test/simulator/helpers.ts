/**
 * Test helpers that talk to a running simulator over real HTTP, the way a
 * client would: with credentials, following `next` links as given.
 */
import type { RunningSimulator, SpaceDefinition } from '../../src/simulator/index.js';

export function basicAuth(username: string, secret: string): string {
  return `Basic ${Buffer.from(`${username}:${secret}`).toString('base64')}`;
}

/**
 * Valid credentials for the simulator's profile: Basic with API token on
 * Cloud, Basic with password on Server 6.4 (no personal tokens), Bearer on Data Center.
 */
export function authHeader(sim: RunningSimulator): string {
  if (sim.flavor === 'cloud') {
    return basicAuth(sim.credentials.username, sim.credentials.apiToken);
  }
  if (sim.profile === 'server-6.4') {
    return basicAuth(sim.credentials.username, sim.credentials.password);
  }
  return `Bearer ${sim.credentials.personalToken}`;
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON; tests inspect arbitrary response shapes. */
  body: any;
}

/** GETs a path (relative to the origin) or an absolute URL with valid credentials and parses JSON. */
export async function getJson(sim: RunningSimulator, pathOrUrl: string, authorization = authHeader(sim)): Promise<JsonResponse> {
  const url = new URL(pathOrUrl, sim.origin);
  const response = await fetch(url, { headers: { Authorization: authorization } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) };
}

export interface CollectedListing {
  items: any[];
  pages: any[];
}

/** Follows v2 `_links.next` (a path that starts with /wiki) until it is absent. */
export async function collectV2(sim: RunningSimulator, firstPath: string, maxPages = 1000): Promise<CollectedListing> {
  const collected: CollectedListing = { items: [], pages: [] };
  let next: string | undefined = firstPath;
  while (next !== undefined) {
    if (collected.pages.length >= maxPages) {
      throw new Error(`Listing ${firstPath} did not end within ${maxPages} pages`);
    }
    const response = await getJson(sim, next);
    if (response.status !== 200) {
      throw new Error(`GET ${next} returned ${response.status}: ${JSON.stringify(response.body)}`);
    }
    collected.pages.push(response.body);
    collected.items.push(...response.body.results);
    next = response.body._links.next;
  }
  return collected;
}

/** Follows v1 `_links.next` (relative to `_links.base`) until it is absent. */
export async function collectV1(sim: RunningSimulator, firstPath: string, maxPages = 1000): Promise<CollectedListing> {
  const collected: CollectedListing = { items: [], pages: [] };
  let next: string | undefined = firstPath;
  while (next !== undefined) {
    if (collected.pages.length >= maxPages) {
      throw new Error(`Listing ${firstPath} did not end within ${maxPages} pages`);
    }
    const response = await getJson(sim, next);
    if (response.status !== 200) {
      throw new Error(`GET ${next} returned ${response.status}: ${JSON.stringify(response.body)}`);
    }
    collected.pages.push(response.body);
    collected.items.push(...response.body.results);
    const link: string | undefined = response.body._links.next;
    next = link === undefined ? undefined : `${response.body._links.base}${link}`;
  }
  return collected;
}

/** Returns the ids of the pages of a definition with one of the statuses. */
export function pageIds(space: SpaceDefinition, statuses: readonly string[], type = 'page'): string[] {
  return space.pages
    .filter((page) => (page.type ?? 'page') === type && statuses.includes(page.status ?? 'current'))
    .map((page) => page.id);
}

/** Returns numeric id strings sorted by value. */
export function sortedIds(ids: readonly string[]): string[] {
  return [...ids].sort((a, b) => Number(BigInt(a) - BigInt(b)));
}

/** Returns the parent id with the most children in a definition. */
export function busiestParent(space: SpaceDefinition): { id: string; count: number } {
  const counts = new Map<string, number>();
  for (const page of space.pages) {
    if (page.parentId !== null) {
      counts.set(page.parentId, (counts.get(page.parentId) ?? 0) + 1);
    }
  }
  const [id, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return { id, count };
}
