import { once } from 'node:events';

import type { RenderSink } from './types.js';

/** Size in UTF-16 code units at which `ChunkBuffer` passes its text on to the sink. */
const FLUSH_THRESHOLD = 64 * 1024;

/**
 * Collects many small strings and passes them to a sink in chunks of about
 * 64 KiB, so that a renderer awaits the sink once per chunk instead of once
 * per line. Internal to the renderers.
 */
export class ChunkBuffer {
  readonly #sink: RenderSink;
  #parts: string[] = [];
  #length = 0;

  constructor(sink: RenderSink) {
    this.#sink = sink;
  }

  /** Appends text. Returns the sink's promise when the buffer was flushed, and the caller must await it. */
  write(text: string): void | Promise<void> {
    this.#parts.push(text);
    this.#length += text.length;
    if (this.#length >= FLUSH_THRESHOLD) {
      return this.flush();
    }
  }

  /** Passes all buffered text to the sink. */
  flush(): void | Promise<void> {
    if (this.#length === 0) {
      return;
    }
    const chunk = this.#parts.join('');
    this.#parts = [];
    this.#length = 0;
    return this.#sink.write(chunk);
  }
}

/**
 * Adapts a Node.js writable stream, such as `process.stdout` or a file stream,
 * to a sink. A write that fills the stream's buffer waits for `drain`, and the
 * promise rejects if the stream emits `error` meanwhile. The stream is not ended.
 */
export function streamSink(stream: NodeJS.WritableStream): RenderSink {
  return {
    write(chunk: string): void | Promise<void> {
      if (stream.write(chunk, 'utf8')) {
        return;
      }
      return once(stream, 'drain').then(() => undefined);
    },
  };
}

/** Returns a sink that keeps every chunk in memory, and whose `text()` returns them joined. */
export function stringSink(): RenderSink & { text(): string } {
  const chunks: string[] = [];
  return {
    write(chunk: string): void {
      chunks.push(chunk);
    },
    text(): string {
      return chunks.join('');
    },
  };
}
