import type { FetchResult } from '../fetch/types.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderDot } from './dot.js';
import { renderJson } from './json.js';
import { renderJsonl } from './jsonl.js';
import { renderMarkdown } from './markdown.js';
import { renderMermaid } from './mermaid.js';
import { renderOpml } from './opml.js';
import { stringSink } from './sink.js';
import { renderText } from './text.js';
import { OUTPUT_FORMATS, type OutputFormat, type RenderOptions, type RenderSink, type Renderer } from './types.js';

export { neutralizeFormula } from './csv.js';
export { DEFAULT_MAX_INDENT_DEPTH } from './options.js';
export { streamSink, stringSink } from './sink.js';
export { escapeControlCharacters } from './escape-controls.js';
export * from './types.js';
export { walk, type WalkStep } from './walk.js';
export { renderCsv, renderHtml, renderDot, renderJson, renderJsonl, renderMarkdown, renderMermaid, renderOpml, renderText };

export const renderers: Record<OutputFormat, Renderer> = {
  text: renderText,
  json: renderJson,
  csv: renderCsv,
  md: renderMarkdown,
  mermaid: renderMermaid,
  dot: renderDot,
  jsonl: renderJsonl,
  opml: renderOpml,
  html: renderHtml,
};

export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

/**
 * Renders `result` in `format` to `sink`. Throws a RangeError for a format
 * that is not one of `OUTPUT_FORMATS`, such as a value taken from a command line.
 */
export async function renderTo(
  format: OutputFormat,
  result: FetchResult,
  sink: RenderSink,
  options: RenderOptions = {},
): Promise<void> {
  if (!isOutputFormat(format)) {
    throw new RangeError(`Unknown output format "${String(format)}": expected one of ${OUTPUT_FORMATS.join(', ')}.`);
  }
  await renderers[format](result, sink, options);
}

/** Renders `result` in `format` and returns the whole output as one string. Meant for small trees and tests. */
export async function renderToString(format: OutputFormat, result: FetchResult, options: RenderOptions = {}): Promise<string> {
  const sink = stringSink();
  await renderTo(format, result, sink, options);
  return sink.text();
}
