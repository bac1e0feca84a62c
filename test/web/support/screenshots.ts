import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Folder of the screenshots the browser tests take. They update the README's
 * images in docs/screenshots only when CONFTREE_UPDATE_SCREENSHOTS=1, so a
 * plain test run leaves the clone unchanged.
 */
export const SCREENSHOTS =
  process.env['CONFTREE_UPDATE_SCREENSHOTS'] === '1' ? join(import.meta.dirname, '../../../docs/screenshots') : join(tmpdir(), 'conftree-screenshots');
