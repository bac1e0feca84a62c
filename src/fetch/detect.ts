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

/**
 * Finds out which API family the site speaks, reusing the probe's answer as
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
    const space = await findCloudSpace(context);
    if (space === undefined) {
      throw new SpaceNotFoundError(context.spaceKey, site.origin);
    }
    return { flavor: 'cloud', space, reason: `the host ${new URL(site.origin).host} is a Confluence Cloud host` };
  }

  let cloudError: unknown;
  try {
    const space = await findCloudSpace(context);
    if (space === undefined) {
      throw new SpaceNotFoundError(context.spaceKey, site.origin);
    }
    return { flavor: 'cloud', space, reason: 'GET /api/v2/spaces returned a REST v2 space list' };
  } catch (error) {
    if (error instanceof SpaceNotFoundError) {
      throw error;
    }
    cloudError = error;
  }

  try {
    const space = await findDatacenterSpace(context);
    if (space === undefined) {
      throw new SpaceNotFoundError(context.spaceKey, site.origin);
    }
    return { flavor: 'datacenter', space, reason: `GET /api/v2/spaces failed (${describe(cloudError)}) and GET /rest/api/space/${context.spaceKey} returned a REST v1 space` };
  } catch (error) {
    // An authentication failure on the Cloud probe explains more than the
    // 404 that a Cloud site gives for the REST v1 path.
    if (isHttpStatusError(cloudError) && (cloudError.status === 401 || cloudError.status === 403)) {
      throw cloudError;
    }
    if (error instanceof SpaceNotFoundError && !isHttpStatusError(cloudError)) {
      throw new FlavorDetectionError(site.origin, describe(cloudError));
    }
    throw error;
  }
}

function describe(error: unknown): string {
  if (isConftreeError(error) || error instanceof Error) {
    return error.message;
  }
  return String(error);
}

export async function lookUpSpace(context: StrategyContext, flavor: Flavor): Promise<Detection> {
  if (flavor === 'cloud') {
    const space = await findCloudSpace(context);
    if (space === undefined) {
      throw new SpaceNotFoundError(context.spaceKey, context.client.site.origin);
    }
    return { flavor, space, reason: 'forced with --flavor cloud' };
  }

  const space = await findDatacenterSpace(context);
  if (space === undefined) {
    throw new SpaceNotFoundError(context.spaceKey, context.client.site.origin);
  }
  return { flavor, space, reason: 'forced with --flavor datacenter' };
}
