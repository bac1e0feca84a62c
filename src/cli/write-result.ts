import { renderTo, type OutputFormat } from '../render/index.js';
import type { FetchResult } from '../fetch/types.js';
import type { CliIo } from './io.js';
import { OutputWriteError, rescuePath, writeFileAtomically } from './output.js';
import { streamSink, type RenderSink } from '../render/index.js';

export interface WriteOptions {
  format: OutputFormat;
  output: string | undefined;
  force: boolean;
  render: (format: OutputFormat, sink: RenderSink) => Promise<void>;
}

/** Streams to stdout with backpressure when it is a real stream, so a large tree does not pile up in memory. */
function stdoutSink(io: CliIo): RenderSink {
  const stdout = io.stdout as Partial<NodeJS.WritableStream>;
  if (typeof stdout.once === 'function') {
    return streamSink(stdout as NodeJS.WritableStream);
  }
  return { write: (chunk) => void io.stdout.write(chunk) };
}

/**
 * Writes the rendered result to stdout or to `--output`. When the file
 * cannot be written, the tree is saved as JSON in the temporary folder and
 * the error names that file, so a long fetch is never lost.
 */
export async function writeResult(io: CliIo, result: FetchResult, options: WriteOptions): Promise<void> {
  if (options.output === undefined) {
    await options.render(options.format, stdoutSink(io));
    return;
  }

  try {
    await writeFileAtomically(options.output, options.force, (sink) => options.render(options.format, sink));
  } catch (error) {
    if (!(error instanceof OutputWriteError)) {
      throw error;
    }
    const rescue = rescuePath(result.space.key);
    try {
      await writeFileAtomically(rescue, false, (sink) => renderTo('json', result, sink));
    } catch {
      throw error;
    }
    throw new OutputWriteError(options.output, error.reason, rescue);
  }
}
