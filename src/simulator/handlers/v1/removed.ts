/**
 * A v1 endpoint that the profile no longer serves: 410 Gone with the message
 * that Cloud sends for removed deprecated endpoints.
 */
import { HttpError } from '../../http/errors.js';
import type { HandlerFactory } from '../deps.js';

export const createRemovedEndpointHandler: HandlerFactory = () => () => {
  throw new HttpError(410, 'This deprecated endpoint has been removed');
};
