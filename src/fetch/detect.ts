import { isConftreeError, isHttpStatusError } from '../confluence/index.js';
import type { StrategyContext } from './context.js';
import { findCloudSpace } from './cloud/strategy.js';
import type { V2Space } from './cloud/wire.js';
import { findDatacenterSpace } from './datacenter/strategy.js';
import type { V1Space } from './datacenter/wire.js';
import { FlavorDetectionError, SpaceNotFoundError } from './errors.js';
import type { Flavor } from './types.js';

export type Detection =
  | { flavor: 'cloud'; space: V2Space; reason: string }
  | { flavor: 'datacenter'; space: V1Space; reason: string };

/** Describes a failed probe briefly: the status, or the error class. */
function outcomeOf(error: unknown): string {
  if (isHttpStatusError(error)) {
    return `HTTP ${error.status}`;
  }
  return error instanceof Error ? error.name : 'an error';
}

/** Returns true for failures that retries could not overcome and that reveal nothing about which API the site serves. */
function isTransient(error: unknown): boolean {
  if (isHttpStatusError(error)) {
    return error.status === 429 || error.status >= 500;
  }
  return isConftreeError(error) && ['timeout', 'network', 'invalid-json'].includes(error.code);
}

function isAuthFailure(error: unknown): boolean {
  return isHttpStatusError(error) && (error.status === 401 || error.status === 403);
}

async function probeCloud(context: StrategyContext): Promise<{ space?: V2Space; error?: unknown }> {
  try {
    return { space: await findCloudSpace(context) };
  } catch (error) {
    context.logger?.info(`Cloud probe GET /api/v2/spaces?keys=${context.spaceKey} failed with ${outcomeOf(error)}.`);
    return { error };
  }
}

/**
 * Finds out which API family the site speaks, reusing the probe's response as
 * the space lookup so detection costs no extra request on Cloud and one on
 * Server/Data Center.
 *
 * Hosts under `atlassian.net` and the `api.atlassian.com` gateway are Cloud
 * without a probe. Any other site is first asked `GET /api/v2/spaces?keys=KEY`
 * (Cloud REST v2); when that fails, `GET /rest/api/space/KEY` (REST v1, which
 * Server and Data Center serve).
 */
export async function detectFlavor(context: StrategyContext): Promise<Detection> {
  const site = context.client.site;
  if (site.isCloudHost) {
    return lookUpSpace(context, 'cloud', `${new URL(site.origin).host} is a Confluence Cloud host`);
  }

  const cloud = await probeCloud(context);
  if (isTransient(cloud.error)) {
    // Cloud still serves parts of REST v1, so trying the v1 probe after a
    // failure that reveals nothing about the API family could pick the wrong one.
    throw cloud.error;
  }
  if (cloud.error === undefined) {
    if (cloud.space === undefined) {
      throw new SpaceNotFoundError(context.spaceKey, site.baseUrl);
    }
    return { flavor: 'cloud', space: cloud.space, reason: 'GET /api/v2/spaces returned a REST v2 space list' };
  }

  try {
    const space = await findDatacenterSpace(context);
    if (space === undefined) {
      throw new SpaceNotFoundError(context.spaceKey, site.baseUrl);
    }
    return {
      flavor: 'datacenter',
      space,
      reason: `the Cloud probe failed with ${outcomeOf(cloud.error)} and GET /rest/api/space/${context.spaceKey} returned a REST v1 space`,
    };
  } catch (error) {
    context.logger?.info(`Data Center probe GET /rest/api/space/${context.spaceKey} failed with ${outcomeOf(error)}.`);

    // A Cloud site rejects a bad token on v2 but returns 404 on the v1 path,
    // so the Cloud probe's authentication failure is the better explanation.
    // When both probes fail authentication, a `/wiki` context path points to
    // Cloud, where the v2 message and URL help more.
    if (isAuthFailure(cloud.error) && (!isAuthFailure(error) || site.contextPath === '/wiki')) {
      throw cloud.error;
    }
    if (error instanceof SpaceNotFoundError && !isHttpStatusError(cloud.error)) {
      throw new FlavorDetectionError(site.baseUrl, `the Cloud probe failed with ${outcomeOf(cloud.error)}`);
    }
    throw error;
  }
}

/** Looks the space up with the given flavor's API, without probing the other one. */
export async function lookUpSpace(context: StrategyContext, flavor: Flavor, reason = `--flavor ${flavor} was given`): Promise<Detection> {
  const site = context.client.site;
  if (flavor === 'cloud') {
    const space = await findCloudSpace(context);
    if (space === undefined) {
      throw new SpaceNotFoundError(context.spaceKey, site.baseUrl);
    }
    return { flavor, space, reason };
  }

  const space = await findDatacenterSpace(context);
  if (space === undefined) {
    throw new SpaceNotFoundError(context.spaceKey, site.baseUrl);
  }
  return { flavor, space, reason };
}
