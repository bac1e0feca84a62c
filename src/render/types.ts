import type { FetchResult } from '../fetch/types.js';

/**
 * Destination of rendered output, such as a file, standard output or an HTTP
 * response body. When `write` returns a promise, the renderer waits for it
 * before the next write, so a slow destination applies backpressure.
 * Renderers never end or close the sink, because the caller owns it.
 */
export interface RenderSink {
  write(chunk: string): void | Promise<void>;
}

export interface TextOptions {
  /** When true, each node line ends with `  [id 123]`. Default false. */
  showIds?: boolean;
  /**
   * Maximum number of ancestor guide columns (`│   `) drawn before a node line.
   * A deeper line starts with `[+N] `, where N is the number of outer guide
   * columns left out, so that output size stays linear in the number of nodes.
   * Default 32.
   */
  maxIndentDepth?: number;
}

export interface JsonOptions {
  /** When true, the whole document is one line. Default false, which indents by 2 spaces. */
  compact?: boolean;
  /**
   * Deepest tree level whose nodes are pretty-printed. A node below it is
   * written on one line with its whole subtree, so that output size stays
   * linear in the number of nodes. Default 32. Ignored when `compact` is true.
   */
  maxIndentDepth?: number;
}

export interface CsvOptions {
  /** When true, the output starts with a UTF-8 byte order mark, which Excel uses to detect UTF-8. Default false. */
  bom?: boolean;
}

export interface DiagramOptions {
  /**
   * Receives a warning meant for people, such as a diagram too large for its
   * drawing tool. Renderers that have nothing to report never call it.
   */
  onWarning?: (message: string) => void;
}

/** Options of every format. Each renderer reads its own and ignores the rest. */
export type RenderOptions = TextOptions & JsonOptions & CsvOptions & DiagramOptions;

/** Writes one fetch result to a sink in one output format. */
export type Renderer = (result: FetchResult, sink: RenderSink, options?: RenderOptions) => Promise<void>;

export const OUTPUT_FORMATS = ['text', 'json', 'csv', 'md', 'mermaid', 'dot', 'jsonl', 'opml', 'html'] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

