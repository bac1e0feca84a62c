#!/usr/bin/env node
// Bundles the web components (src/web/index.ts) with lit and
// @tanstack/virtual-core into one self-contained, minified script:
// dist/web/conftree.js. One classic <script src> tag loads it, with no module
// loader or framework on the page.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const WEB_ENTRY = join(root, 'src/web/index.ts');
export const WEB_BUNDLE = join(root, 'dist/web/conftree.js');

/** Builds the bundle and returns its text. */
export async function buildWebBundle() {
  const output = await build({
    entryPoints: [WEB_ENTRY],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'eof',
    write: false,
    logLevel: 'silent',
  });
  const file = output.outputFiles[0];
  if (file === undefined) {
    throw new Error('esbuild produced no output for src/web/index.ts.');
  }
  return file.text;
}

/**
 * Builds the bundle and writes it to dist/web/conftree.js. It writes a
 * temporary file and renames it, so a reader never sees half a bundle even
 * when two builds run at once.
 */
export async function writeWebBundle() {
  const text = await buildWebBundle();
  await mkdir(dirname(WEB_BUNDLE), { recursive: true });
  const temporary = `${WEB_BUNDLE}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, WEB_BUNDLE);
  return { path: WEB_BUNDLE, bytes: Buffer.byteLength(text) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { path, bytes } = await writeWebBundle();
  console.log(`conftree: wrote ${path} (${(bytes / 1024).toFixed(1)} KiB)`);
}
