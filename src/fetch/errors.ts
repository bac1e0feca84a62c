import { ConftreeError } from '../confluence/index.js';

/** The space key is unknown on the site, or the user may not see the space. */
export class SpaceNotFoundError extends ConftreeError {
  override readonly name = 'SpaceNotFoundError';
  readonly code = 'space-not-found';

  constructor(readonly spaceKey: string, site: string) {
    super(
      `Space "${spaceKey}" was not found at ${site}: check the space key, that this user may view the space, ` +
        'and the site URL (Cloud sites end in /wiki; Data Center may need a context path such as /confluence).',
    );
  }
}

/** `--root` names a content id that is not in the fetched tree. */
export class RootNotFoundError extends ConftreeError {
  override readonly name = 'RootNotFoundError';
  readonly code = 'root-not-found';

  constructor(readonly rootId: string, spaceKey: string) {
    super(`Root page ${rootId} is not in space "${spaceKey}": check the id in the page's URL, or leave out --root for the whole space.`);
  }
}

/** Neither REST v2 nor REST v1 responded like Confluence at the site URL. */
export class FlavorDetectionError extends ConftreeError {
  override readonly name = 'FlavorDetectionError';
  readonly code = 'not-confluence';

  constructor(site: string, detail: string) {
    super(`No Confluence REST API found at ${site} (${detail}): check the site URL, including a context path such as /wiki or /confluence, or force one with --flavor cloud|datacenter.`);
  }
}

/** `--flavor` names an API family that the site does not serve. */
export class WrongFlavorError extends ConftreeError {
  override readonly name = 'WrongFlavorError';
  readonly code = 'wrong-flavor';

  constructor(flavor: string, cause: string) {
    super(`${cause.replace(/\.$/, '')}. The site may not be Confluence ${flavor === 'cloud' ? 'Cloud' : 'Server/Data Center'}: use --flavor auto to detect it.`);
  }
}

/** An option value that cannot work, found before any request. */
export class InvalidOptionError extends ConftreeError {
  override readonly name = 'InvalidOptionError';
  readonly code = 'invalid-option';
}
