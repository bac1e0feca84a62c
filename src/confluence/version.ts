import { VERSION } from '../version.js';

/** `User-Agent` header value of every request, such as `conftree/0.1.0`. */
export const USER_AGENT = `conftree/${VERSION}`;
