/**
 * The tree server of `conftree serve`: a JSON API over cached space trees,
 * a home page with the web components, and structured logs on stderr.
 */
export { startServer, type RunningServer } from './server.js';
export { DEFAULT_MAX_AGE_MS, type ServeOptions } from './options.js';
export type { PathEntry, SliceRequest } from './tree-slice.js';
