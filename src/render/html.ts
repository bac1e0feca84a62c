/**
 * The `html` format: one self-contained HTML file that shows the tree with
 * the `<conftree-tree>` web component. The file inlines the component bundle
 * and the tree as a `json` document, so it opens from disk with no server and
 * no network.
 *
 * Its Content-Security-Policy allows only the inlined script and style, by
 * their SHA-256 hashes (CSP Level 3, "hash-source"), and no other script,
 * connection, frame or form target. Titles reach the page only inside the JSON
 * data block, where every `<` is written as `\u003c`, so no title can end the
 * block or start a tag, and the component renders them as text.
 */
import { createHash } from 'node:crypto';

import type { FetchResult } from '../fetch/types.js';
import { loadWebBundle } from '../web/bundle.js';
import { renderJson } from './json.js';
import type { RenderSink, Renderer } from './types.js';

const PAGE_STYLE = [
  'body { margin: 2rem; font: 15px/1.5 system-ui, sans-serif; color: #172b4d; }',
  'h1 { font-size: 1.4rem; margin: 0 0 0.25rem; }',
  'p { margin: 0 0 1rem; color: #6b778c; }',
  'conftree-tree { --conftree-height: calc(100vh - 12rem); }',
].join('\n');

/** Text that would end an inline script early or change how the HTML parser reads it (HTML Living Standard, "script data"). */
const SCRIPT_END = /<\/script|<!--/i;

/** Writes the whole file. Throws when the component bundle is missing, with a message that names the build command. */
export const renderHtml: Renderer = async (result, sink) => {
  const bundle = await loadWebBundle();
  if (SCRIPT_END.test(bundle)) {
    throw new Error('The web component bundle contains "</script" or "<!--", which would end its inline <script> early: rebuild it with `npm run build`.');
  }

  const heading = spaceHeading(result);
  const policy = [
    "default-src 'none'",
    `script-src '${sha256(bundle)}'`,
    `style-src '${sha256(PAGE_STYLE)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  await write(
    sink,
    '<!doctype html>\n' +
      '<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
      `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">\n` +
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
      '<meta name="generator" content="conftree">\n' +
      `<title>${escapeHtml(heading)}</title>\n` +
      `<style>${PAGE_STYLE}</style>\n` +
      '</head>\n<body>\n' +
      `<h1>${escapeHtml(heading)}</h1>\n` +
      `<p>${escapeHtml(summary(result))}</p>\n` +
      `<conftree-tree label="${escapeHtml(`Pages of ${result.space.key}`)}"><script type="application/json">`,
  );

  // The JSON is streamed in the json renderer's chunks. A `<` can only occur
  // inside a JSON string, where `\u003c` reads back as the same character.
  await renderJson(result, { write: (chunk) => sink.write(chunk.replaceAll('<', '\\u003c')) }, { compact: true });

  await write(sink, `</script></conftree-tree>\n<script>${bundle}</script>\n</body>\n</html>\n`);
};

async function write(sink: RenderSink, text: string): Promise<void> {
  const pending = sink.write(text);
  if (pending) await pending;
}

function spaceHeading(result: FetchResult): string {
  const name = result.space.name;
  return name === undefined || name === '' ? result.space.key : `${result.space.key} — ${name}`;
}

function summary(result: FetchResult): string {
  const state = result.complete ? 'complete' : `incomplete: ${result.warnings.filter((warning) => warning.affectsCompleteness).length} warnings`;
  return `${result.stats.nodes} nodes, fetched ${result.fetchedAt}, ${state}.`;
}

/** Returns a CSP hash-source for the exact text of an inline element. */
function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
