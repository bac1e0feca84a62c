/**
 * Node.js side of the web components: loads the browser bundle that
 * `scripts/build-web.mjs` writes to `dist/web/conftree.js`, for the server
 * and for the `html` format. The other files of this folder run in browsers.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const moduleDirectory = fileURLToPath(new URL('.', import.meta.url));

/** Candidate bundle paths: beside this file when it runs from `dist/web`, and in `dist/web` when it runs from `src/web`. */
const BUNDLE_CANDIDATES = [join(moduleDirectory, 'conftree.js'), join(moduleDirectory, '../../dist/web/conftree.js')];

/** Sources and build script of a source checkout; a published package has neither. */
const SOURCE_DIRECTORY = existsSync(join(moduleDirectory, '../../src/web/index.ts')) ? join(moduleDirectory, '../../src/web') : undefined;
const BUILD_SCRIPT = join(moduleDirectory, '../../scripts/build-web.mjs');

let cached: Promise<string> | undefined;

/**
 * Returns the text of the web component bundle. In a source checkout it first
 * rebuilds the bundle when it is missing or older than a file under `src/web`,
 * so that tests and `tsx` runs never serve a stale bundle. Throws an Error
 * that names the build command when no bundle is found.
 */
export function loadWebBundle(): Promise<string> {
  cached ??= readBundle().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function readBundle(): Promise<string> {
  if (SOURCE_DIRECTORY !== undefined && existsSync(BUILD_SCRIPT) && (await isStale(SOURCE_DIRECTORY))) {
    const script = (await import(pathToFileURL(BUILD_SCRIPT).href)) as { writeWebBundle(): Promise<unknown> };
    await script.writeWebBundle();
  }
  const path = BUNDLE_CANDIDATES.find((candidate) => existsSync(candidate));
  if (path === undefined) {
    throw new Error(`Web component bundle not found at ${BUNDLE_CANDIDATES.join(' or ')}: run \`npm run build\` in the conftree folder.`);
  }
  return readFile(path, 'utf8');
}

async function isStale(sourceDirectory: string): Promise<boolean> {
  const bundle = BUNDLE_CANDIDATES.find((candidate) => existsSync(candidate));
  if (bundle === undefined) {
    return true;
  }
  const builtAt = (await stat(bundle)).mtimeMs;
  const entries = await readdir(sourceDirectory, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (entry.isFile() && entry.name.endsWith('.ts') && (await stat(join(entry.parentPath, entry.name))).mtimeMs > builtAt) {
      return true;
    }
  }
  return false;
}
